//! Signing in against a real SQLite store, on a fixed clock: the right
//! password starts a session; a wrong one, or an unknown account, is told
//! the same; attempts count before the password is checked; an address
//! (an IPv6 /64) is refused after ten failures with a Retry-After, and a
//! flood of refused attempts after that is answered from the node's memory,
//! with no write; an account's own known address still gets in once the
//! account is flooded.

mod common;

use std::net::IpAddr;
use std::time::Duration as Wait;

use chrono::Duration;
use common::{PASSWORD, open, owner, t0};
use sqlx::{Connection, Executor, SqliteConnection};
use tidings_app::signin::{self, ACCOUNT_FAILURES, ADDRESS_FAILURES, Credentials, Gate};
use tidings_app::{Error, sessions};
use tidings_core::Role;
use tidings_store::Store;

fn new_gate() -> Gate {
    Gate::new(Duration::days(30))
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

async fn sign_in(
    store: &Store,
    gate: &Gate,
    from: &str,
    email: &str,
    password: &str,
) -> Result<signin::SignedIn, Error> {
    let typed = Credentials {
        email,
        password,
        from: ip(from),
    };
    signin::sign_in(store, gate, typed, t0()).await
}

/// The rows of the table the throttle counts in, read beside the store.
async fn failures_counted(dir: &std::path::Path) -> i64 {
    let mut db = sqlite(dir).await;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM signin_failures")
        .fetch_one(&mut db)
        .await
        .unwrap();
    n
}

async fn sqlite(dir: &std::path::Path) -> SqliteConnection {
    let url = format!("sqlite://{}", dir.join("tidings.db").display());
    SqliteConnection::connect(&url).await.unwrap()
}

#[tokio::test]
async fn the_right_password_starts_a_session_and_a_wrong_one_tells_nothing() {
    let (store, dir) = open("signin-session").await;
    let (blog_id, owner) = owner(&store).await;
    let gate = new_gate();
    let done = sign_in(&store, &gate, "192.0.2.1", " O@Example.org ", PASSWORD)
        .await
        .unwrap();
    assert_eq!(done.user.id, owner.id);
    assert_eq!(done.session.lifetime, Duration::days(30));
    let session = sessions::find(&store, &done.session.token, blog_id, t0())
        .await
        .unwrap()
        .expect("the new session signs in");
    assert_eq!((session.user.id, session.role), (owner.id, Role::Admin));

    let wrong = sign_in(&store, &gate, "192.0.2.1", "o@example.org", "not it at all").await;
    let nobody = sign_in(&store, &gate, "192.0.2.1", "x@example.org", PASSWORD).await;
    for refused in [wrong, nobody] {
        let Err(Error::Unauthorized(message)) = refused else {
            panic!("a wrong password or an unknown account is unauthorized");
        };
        assert_eq!(message, "That email and password do not match.");
    }
    assert_eq!(failures_counted(&dir).await, 2, "both failures count");
    let odd = sign_in(&store, &gate, "192.0.2.1", "o@exam\u{7}ple.org", PASSWORD).await;
    assert!(matches!(odd, Err(Error::Invalid { field: "email", .. })));
    assert_eq!(
        failures_counted(&dir).await,
        2,
        "no account has that address"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn an_address_is_refused_by_its_64_after_ten_failures() {
    let (store, dir) = open("signin-address").await;
    let (gate, now) = (new_gate(), t0());
    let first = signin::begin(&store, &gate, ip("2001:db8::1"), "a@example.org", None, now)
        .await
        .unwrap();
    assert_eq!(first.failed(), Wait::ZERO, "a typo costs nothing");
    for i in 1..ADDRESS_FAILURES {
        // Another address of the same /64 counts as the same.
        let other = ip(&format!("2001:db8::{:x}", i + 1));
        signin::begin(&store, &gate, other, "a@example.org", None, now)
            .await
            .unwrap();
    }
    let refused = signin::begin(
        &store,
        &gate,
        ip("2001:db8::ff"),
        "b@example.org",
        None,
        now,
    );
    let Err(Error::Throttled { retry_after, .. }) = refused.await else {
        panic!("refused after {ADDRESS_FAILURES} failures");
    };
    assert_eq!(
        retry_after,
        15 * 60,
        "until the first failure is 15 minutes old"
    );
    let next_64 = ip("2001:db8:0:1::1");
    let other = signin::begin(&store, &gate, next_64, "a@example.org", None, now).await;
    assert!(other.is_ok(), "the next /64 is another address");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn refused_attempts_are_answered_from_memory_without_a_write() {
    let (store, dir) = open("signin-memory").await;
    let (_, _owner) = owner(&store).await;
    let (gate, attacker) = (new_gate(), "203.0.113.7");
    for _ in 0..ADDRESS_FAILURES {
        let r = sign_in(&store, &gate, attacker, "o@example.org", "a wrong guess").await;
        assert!(matches!(r, Err(Error::Unauthorized(_))));
    }
    let r = sign_in(&store, &gate, attacker, "o@example.org", PASSWORD).await;
    assert!(
        matches!(r, Err(Error::Throttled { .. })),
        "the right one too"
    );
    assert_eq!(failures_counted(&dir).await, ADDRESS_FAILURES);

    // Someone else holds the database's write lock: asking the database now
    // would wait for it. A node that has not refused this address yet must
    // ask, and waits…
    let mut writer = sqlite(&dir).await;
    writer.execute("BEGIN IMMEDIATE").await.unwrap();
    let (other_store, other_gate) = (store.clone(), new_gate());
    let other_node = tokio::spawn(async move {
        let typed = Credentials {
            email: "o@example.org",
            password: PASSWORD,
            from: ip(attacker),
        };
        signin::sign_in(&other_store, &other_gate, typed, t0()).await
    });
    tokio::time::sleep(Wait::from_millis(500)).await;
    assert!(!other_node.is_finished(), "the database was asked");
    // …while this node answers a flood of them from memory, at once, on any
    // account, with the same Retry-After.
    for n in 0..50 {
        let email = format!("user{}@example.org", n % 3);
        let answer = tokio::time::timeout(
            Wait::from_secs(2),
            sign_in(&store, &gate, attacker, &email, PASSWORD),
        );
        let Ok(Err(Error::Throttled { retry_after, .. })) = answer.await else {
            panic!("attempt {n} is refused at once");
        };
        assert_eq!(retry_after, 15 * 60);
    }
    writer.execute("ROLLBACK").await.unwrap();
    // The other node gets the database's answer: the limit holds across nodes.
    let r = other_node.await.unwrap();
    assert!(matches!(r, Err(Error::Throttled { .. })));
    assert_eq!(
        failures_counted(&dir).await,
        ADDRESS_FAILURES,
        "no rows added"
    );

    // Once the refusal ends, the address is asked about again.
    let later = t0() + Duration::minutes(15) + Duration::seconds(1);
    let typed = Credentials {
        email: "o@example.org",
        password: PASSWORD,
        from: ip(attacker),
    };
    assert!(signin::sign_in(&store, &gate, typed, later).await.is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_flooded_account_still_lets_its_owner_in_from_a_known_address() {
    let (store, dir) = open("signin-account").await;
    let (_, owner) = owner(&store).await;
    let gate = new_gate();
    let home = "192.0.2.1";
    let email = "o@example.org";
    assert!(sign_in(&store, &gate, home, email, PASSWORD).await.is_ok());
    for i in 0..ACCOUNT_FAILURES {
        // Counted, never checked: the attempts stand for wrong guesses.
        let from = ip(&format!("198.51.{}.{}", i / 200, i % 200 + 1));
        signin::begin(&store, &gate, from, email, Some(owner.id), t0())
            .await
            .unwrap();
    }
    let stranger = sign_in(&store, &gate, "203.0.113.9", email, PASSWORD).await;
    let Err(Error::Throttled { message, .. }) = stranger else {
        panic!("a new address is refused for this account");
    };
    assert!(message.contains("for this account"), "{message}");
    let again = sign_in(&store, &gate, "203.0.113.9", email, PASSWORD).await;
    assert!(matches!(again, Err(Error::Throttled { .. })), "remembered");
    let other_account = sign_in(&store, &gate, "203.0.113.9", "x@example.org", "guess").await;
    assert!(
        matches!(other_account, Err(Error::Unauthorized(_))),
        "the address is refused on this account only"
    );
    let from_home = sign_in(&store, &gate, home, email, PASSWORD).await;
    assert!(from_home.is_ok(), "the owner's known address gets in");
    let _ = std::fs::remove_dir_all(&dir);
}
