//! Changing one's password against a real SQLite store, on a fixed clock:
//! the current password is checked, and throttled like a sign-in, so a
//! stolen session cannot guess it without limit; the new one meets the
//! rules; every session ends and a fresh one replaces the asker's.

mod common;

use std::net::IpAddr;

use chrono::Duration;
use common::{PASSWORD, open, owner, t0};
use tidings_app::account::{self, NewPassword};
use tidings_app::signin::{self, ADDRESS_FAILURES, Credentials, Gate};
use tidings_app::{Error, sessions, tokens};
use tidings_store::Store;

const NEW: &str = "another long passphrase";

fn here() -> IpAddr {
    "192.0.2.1".parse().unwrap()
}

fn change(current: &str, new: &str, again: &str) -> NewPassword {
    NewPassword {
        current: current.into(),
        new: new.into(),
        again: again.into(),
        revoke_tokens: false,
    }
}

async fn signs_in(store: &Store, password: &str) -> bool {
    let typed = Credentials {
        email: "o@example.org",
        password,
        from: "198.51.100.1".parse().unwrap(),
    };
    let gate = Gate::new(Duration::days(1));
    signin::sign_in(store, &gate, typed, t0()).await.is_ok()
}

#[tokio::test]
async fn a_new_password_replaces_every_session_and_the_old_password() {
    let (store, dir) = open("account-change").await;
    let (blog_id, me) = owner(&store).await;
    let gate = Gate::new(Duration::days(30));
    let phone = sessions::start(&store, me.id, Duration::days(30), t0()).await;
    let laptop = sessions::start(&store, me.id, Duration::days(30), t0()).await;
    tokens::create(&store, me.id, "laptop").await.unwrap();

    let typed = change(PASSWORD, NEW, NEW);
    let fresh = account::change_password(&store, &gate, &me, here(), &typed, t0())
        .await
        .unwrap();
    for old in [phone.unwrap().token, laptop.unwrap().token] {
        let found = sessions::find(&store, &old, blog_id, t0()).await.unwrap();
        assert!(
            found.is_none(),
            "every earlier session ended, the asker's too"
        );
    }
    let found = sessions::find(&store, &fresh.token, blog_id, t0()).await;
    assert!(found.unwrap().is_some(), "the asker stays signed in");
    assert!(!signs_in(&store, PASSWORD).await && signs_in(&store, NEW).await);
    let kept = tokens::list(&store, me.id).await.unwrap();
    assert_eq!(kept.len(), 1, "API tokens stay unless asked");

    let me = store.user_by_email("o@example.org").await.unwrap().unwrap();
    let typed = NewPassword {
        revoke_tokens: true,
        ..change(NEW, PASSWORD, PASSWORD)
    };
    account::change_password(&store, &gate, &me, here(), &typed, t0())
        .await
        .unwrap();
    assert!(tokens::list(&store, me.id).await.unwrap().is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn each_refusal_names_its_field_and_changes_nothing() {
    let (store, dir) = open("account-refusals").await;
    let (_, me) = owner(&store).await;
    let gate = Gate::new(Duration::days(30));
    for (typed, field) in [
        (change(PASSWORD, "short", "short"), "new"),
        (change(PASSWORD, "password123", "password123"), "new"),
        (change(PASSWORD, NEW, "another long passphrasf"), "again"),
        (change("not my password", NEW, NEW), "current"),
    ] {
        let refused = account::change_password(&store, &gate, &me, here(), &typed, t0()).await;
        let Err(Error::Invalid { field: named, .. }) = refused else {
            panic!("{field} refused");
        };
        assert_eq!(named, field);
    }
    assert!(
        signs_in(&store, PASSWORD).await,
        "the password is unchanged"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_eleventh_wrong_current_password_is_refused_like_a_sign_in() {
    let (store, dir) = open("account-throttle").await;
    let (_, me) = owner(&store).await;
    let gate = Gate::new(Duration::days(30));
    for n in 0..ADDRESS_FAILURES {
        let typed = change(&format!("guess number {n}"), NEW, NEW);
        let refused = account::change_password(&store, &gate, &me, here(), &typed, t0()).await;
        assert!(
            matches!(
                refused,
                Err(Error::Invalid {
                    field: "current",
                    ..
                })
            ),
            "guess {n} is checked"
        );
    }
    for current in ["guess number 10", PASSWORD] {
        let typed = change(current, NEW, NEW);
        let refused = account::change_password(&store, &gate, &me, here(), &typed, t0()).await;
        let Err(Error::Throttled { retry_after, .. }) = refused else {
            panic!("refused after {ADDRESS_FAILURES} wrong passwords, even the right one");
        };
        assert_eq!(retry_after, 15 * 60);
    }
    // The same count as sign-in's: the address cannot sign in either.
    let typed = Credentials {
        email: "o@example.org",
        password: PASSWORD,
        from: here(),
    };
    let sign_in = signin::sign_in(&store, &gate, typed, t0()).await;
    assert!(matches!(sign_in, Err(Error::Throttled { .. })));
    // A quarter of an hour on, the owner changes it.
    let later = t0() + Duration::minutes(15) + Duration::seconds(1);
    let typed = change(PASSWORD, NEW, NEW);
    let done = account::change_password(&store, &gate, &me, here(), &typed, later).await;
    assert!(done.is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}
