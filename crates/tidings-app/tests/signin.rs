//! The sign-in throttle against a real SQLite store: attempts count before
//! the password is checked, an address (an IPv6 /64) is refused after ten
//! failures with a Retry-After, a success takes its count back, and an
//! account's own known address still gets in once the account is flooded.

use std::net::IpAddr;

use chrono::Utc;
use tidings_app::Error;
use tidings_app::signin::{self, ACCOUNT_FAILURES, ADDRESS_FAILURES};
use tidings_core::Role;
use tidings_store::Store;

async fn open(name: &str) -> (Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("tidings-signin-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
    (store, dir)
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[tokio::test]
async fn an_address_is_refused_by_its_64_after_ten_failures_and_a_success_does_not_count() {
    let (store, dir) = open("address").await;
    let now = Utc::now();
    let first = signin::begin(&store, ip("2001:db8::1"), "a@example.org", None, now)
        .await
        .unwrap();
    assert_eq!(
        first.failed(),
        std::time::Duration::ZERO,
        "a typo costs nothing"
    );
    for i in 1..ADDRESS_FAILURES {
        // Another address of the same /64 counts as the same.
        let other = ip(&format!("2001:db8::{:x}", i + 1));
        let attempt = signin::begin(&store, other, "a@example.org", None, now)
            .await
            .unwrap();
        let _ = attempt.failed();
    }
    let refused = signin::begin(&store, ip("2001:db8::ff"), "b@example.org", None, now).await;
    let Err(Error::Throttled { retry_after, .. }) = refused else {
        panic!("refused after {ADDRESS_FAILURES} failures");
    };
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    assert!(
        signin::begin(&store, ip("2001:db8:0:1::1"), "a@example.org", None, now)
            .await
            .is_ok(),
        "the next /64 is another address"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_flooded_account_still_lets_its_owner_in_from_a_known_address() {
    let (store, dir) = open("account").await;
    let blog = store.create_blog("blog.example", "Blog").await.unwrap();
    let owner = store
        .create_user(blog.id, "o@example.org", "Owner", "-", Role::Admin)
        .await
        .unwrap();
    let now = Utc::now();
    let home = ip("192.0.2.1");
    let ok = signin::begin(&store, home, "o@example.org", Some(owner.id), now)
        .await
        .unwrap();
    ok.succeeded(&store, owner.id, now).await.unwrap();
    for i in 0..ACCOUNT_FAILURES {
        let from = ip(&format!("198.51.{}.{}", i / 200, i % 200 + 1));
        let attempt = signin::begin(&store, from, "o@example.org", Some(owner.id), now)
            .await
            .unwrap();
        let _ = attempt.failed();
    }
    let stranger = signin::begin(
        &store,
        ip("203.0.113.9"),
        "o@example.org",
        Some(owner.id),
        now,
    );
    assert!(matches!(stranger.await, Err(Error::Throttled { .. })));
    let from_home = signin::begin(&store, home, "o@example.org", Some(owner.id), now).await;
    assert!(from_home.is_ok(), "the owner's known address gets in");
    let _ = std::fs::remove_dir_all(&dir);
}
