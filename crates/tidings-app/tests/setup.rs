//! The first-run setup link against a real SQLite store: it is printed only
//! while no blog has an admin, works for a day, checks every field before it
//! creates anything, and creates the first admin once.

mod common;

use chrono::{Duration, Utc};
use common::open;
use tidings_app::setup::{self, FirstAdmin};
use tidings_app::{Error, sessions};
use tidings_core::Role;

fn token_of(path: &str) -> String {
    path.strip_prefix("/admin/setup?token=").unwrap().to_owned()
}

fn first_admin(token: &str) -> FirstAdmin {
    FirstAdmin {
        token: token.into(),
        name: " Ada ".into(),
        email: " Ada@Example.org ".into(),
        password: "a long and hard passphrase".into(),
        password_again: "a long and hard passphrase".into(),
        blog: Default::default(),
    }
}

fn is_gone(e: Error) -> bool {
    matches!(e, Error::NotFound(m) if m.contains("setup link"))
}

#[tokio::test]
async fn the_link_creates_the_first_admin_once_after_checking_each_field() {
    let (store, dir) = open("setup-once").await;
    let blog = store.create_blog("blog.example", "Blog").await.unwrap();
    let now = Utc::now();
    let token = token_of(&setup::link(&store).await.unwrap().unwrap());
    setup::valid(&store, &token, blog.id, now).await.unwrap();
    assert!(is_gone(
        setup::valid(&store, "", blog.id, now).await.unwrap_err()
    ));
    assert!(is_gone(
        setup::valid(&store, "nope", blog.id, now)
            .await
            .unwrap_err()
    ));

    let mut bad = first_admin(&token);
    bad.password_again = "something else entirely".into();
    let refused = setup::check(&store, &blog, &bad, now).await.err().unwrap();
    assert!(matches!(
        refused,
        Error::Invalid {
            field: "password_again",
            ..
        }
    ));
    let mut bad = first_admin(&token);
    bad.blog.timezone = Some("Mars/Olympus".into());
    let refused = setup::check(&store, &blog, &bad, now).await.err().unwrap();
    assert!(matches!(
        refused,
        Error::Invalid {
            field: "timezone",
            ..
        }
    ));
    let mut bad = first_admin(&token);
    bad.email = "not an address".into();
    let refused = setup::check(&store, &blog, &bad, now).await.err().unwrap();
    assert!(matches!(refused, Error::Invalid { field: "email", .. }));
    assert!(
        !store.has_admin().await.unwrap(),
        "a refusal creates nothing"
    );

    let mut answered = first_admin(&token);
    answered.blog.title = Some("Notes from the Harbour".into());
    answered.blog.timezone = Some("Europe/Lisbon".into());
    answered.blog.language = Some("pt".into());
    let checked = setup::check(&store, &blog, &answered, now).await.unwrap();
    let started = setup::complete(&store, checked, Duration::days(1), now)
        .await
        .unwrap();
    let session = sessions::find(&store, &started.token, blog.id, now)
        .await
        .unwrap()
        .expect("the new admin is signed in");
    let admin = &session.user;
    assert_eq!(
        (admin.email.as_str(), admin.name.as_str(), session.role),
        ("ada@example.org", "Ada", Role::Admin)
    );
    assert!(tidings_core::password::verify(
        "a long and hard passphrase",
        &admin.password_hash
    ));
    let members = store.members(blog.id).await.unwrap();
    assert_eq!(members.len(), 1);
    let answered = store.blog_by_id(blog.id).await.unwrap();
    assert_eq!(answered.title, "Notes from the Harbour");
    assert_eq!(answered.timezone.name(), "Europe/Lisbon");
    assert_eq!(answered.language, "pt");

    let again = setup::check(&store, &blog, &first_admin(&token), now)
        .await
        .err()
        .unwrap();
    assert!(is_gone(again), "the link works once");
    assert_eq!(
        setup::link(&store).await.unwrap(),
        None,
        "no link once a blog has an admin"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_link_expires_after_a_day_and_dies_once_any_blog_has_an_admin() {
    let (store, dir) = open("setup-expiry").await;
    let blog = store.create_blog("blog.example", "Blog").await.unwrap();
    let token = token_of(&setup::link(&store).await.unwrap().unwrap());
    let later = Utc::now() + setup::LINK_LIFETIME + Duration::minutes(1);
    assert!(is_gone(
        setup::valid(&store, &token, blog.id, later)
            .await
            .unwrap_err()
    ));
    let checked = setup::check(&store, &blog, &first_admin(&token), Utc::now())
        .await
        .unwrap();
    // An admin arrives another way (the command line) between check and completion.
    store
        .create_user(blog.id, "op@example.org", "Op", "-", Role::Admin)
        .await
        .unwrap();
    let late = setup::complete(&store, checked, Duration::days(1), Utc::now()).await;
    assert!(is_gone(late.err().unwrap()));
    assert!(is_gone(
        setup::valid(&store, &token, blog.id, Utc::now())
            .await
            .unwrap_err()
    ));
    let _ = std::fs::remove_dir_all(&dir);
}
