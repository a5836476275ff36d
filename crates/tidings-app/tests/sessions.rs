//! Sessions against a real SQLite store, on a fixed clock: a session signs
//! its user in on the blogs where they have a role, until it expires or is
//! ended; ending all of a user's leaves other users' alone.

mod common;

use chrono::Duration;
use common::{open, t0};
use tidings_app::{Error, sessions};
use tidings_core::Role;

#[tokio::test]
async fn a_session_signs_in_where_its_user_has_a_role_until_it_expires() {
    let (store, dir) = open("sessions-expiry").await;
    let blog = store.create_blog("a.example", "A").await.unwrap();
    let other = store.create_blog("b.example", "B").await.unwrap();
    let ann = store
        .create_user(blog.id, "ann@example.org", "Ann", "-", Role::Author)
        .await
        .unwrap();
    let lifetime = Duration::hours(2);
    let started = sessions::start(&store, ann.id, lifetime, t0())
        .await
        .unwrap();
    assert_eq!(started.lifetime, lifetime);
    let again = sessions::start(&store, ann.id, lifetime, t0())
        .await
        .unwrap();
    assert_ne!(started.token, again.token, "a new token each time");

    let found = sessions::find(&store, &started.token, blog.id, t0())
        .await
        .unwrap()
        .expect("a live session");
    assert_eq!((found.user.id, found.role), (ann.id, Role::Author));
    assert_eq!(found.csrf.len(), 64);
    let elsewhere = sessions::find(&store, &started.token, other.id, t0()).await;
    assert!(matches!(elsewhere, Err(Error::Forbidden(m)) if m.contains("no role")));

    let last_moment = t0() + lifetime - Duration::seconds(1);
    let live = sessions::find(&store, &started.token, blog.id, last_moment).await;
    assert!(live.unwrap().is_some());
    let expired = sessions::find(&store, &started.token, blog.id, t0() + lifetime).await;
    assert!(expired.unwrap().is_none(), "expired at its lifetime");
    let unknown = sessions::find(&store, "not a token", blog.id, t0()).await;
    assert!(unknown.unwrap().is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn signing_out_ends_one_session_and_everywhere_ends_all_of_a_users() {
    let (store, dir) = open("sessions-end").await;
    let blog = store.create_blog("a.example", "A").await.unwrap();
    let mut people = Vec::new();
    for email in ["ann@example.org", "bob@example.org"] {
        let user = store
            .create_user(blog.id, email, "Someone", "-", Role::Admin)
            .await
            .unwrap();
        people.push(user.id);
    }
    let (ann, bob) = (people[0], people[1]);
    let lifetime = Duration::days(30);
    let mut tokens = Vec::new();
    for user in [ann, ann, ann, bob] {
        let s = sessions::start(&store, user, lifetime, t0()).await.unwrap();
        tokens.push(s.token);
    }
    let live = async |token: &str| {
        let found = sessions::find(&store, token, blog.id, t0()).await;
        found.unwrap().is_some()
    };
    let laptop = sessions::find(&store, &tokens[0], blog.id, t0())
        .await
        .unwrap()
        .unwrap();
    sessions::end(&store, &laptop.key).await.unwrap();
    assert!(!live(&tokens[0]).await, "signed out");
    assert!(
        live(&tokens[1]).await && live(&tokens[2]).await,
        "others stay"
    );

    sessions::end_all(&store, ann).await.unwrap();
    assert!(!live(&tokens[1]).await && !live(&tokens[2]).await);
    assert!(live(&tokens[3]).await, "another user's session stays");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_new_session_clears_its_users_expired_ones_away() {
    let (store, dir) = open("sessions-cleared").await;
    let blog = store.create_blog("a.example", "A").await.unwrap();
    let ann = store
        .create_user(blog.id, "ann@example.org", "Ann", "-", Role::Author)
        .await
        .unwrap();
    let bob = store
        .create_user(blog.id, "bob@example.org", "Bob", "-", Role::Author)
        .await
        .unwrap();
    let hour = Duration::hours(1);
    let old = sessions::start(&store, ann.id, hour, t0()).await.unwrap();
    let bobs = sessions::start(&store, bob.id, hour, t0()).await.unwrap();
    let live = sessions::start(&store, ann.id, Duration::hours(5), t0())
        .await
        .unwrap();

    // Ann signs in again after her first session ran out: its row goes.
    sessions::start(&store, ann.id, hour, t0() + Duration::hours(2))
        .await
        .unwrap();
    // Asked as of a moment it was still valid, it is no longer there.
    let before_expiry = t0() + Duration::minutes(30);
    let gone = sessions::find(&store, &old.token, blog.id, before_expiry).await;
    assert!(gone.unwrap().is_none(), "the expired session was deleted");
    let kept = sessions::find(&store, &live.token, blog.id, before_expiry).await;
    assert!(kept.unwrap().is_some(), "her live session stays");
    let others = sessions::find(&store, &bobs.token, blog.id, before_expiry).await;
    assert!(others.unwrap().is_some(), "another user's sessions stay");
    let _ = std::fs::remove_dir_all(&dir);
}
