//! The token use cases against a real SQLite store: a token is made with a
//! label and shown once, works until revoked, and one person never revokes
//! another's (the operator revokes any); a call with one is counted
//! against its budget per minute.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use tidings_app::{Actor, Error, secrets, tokens};
use tidings_core::Role;
use tidings_store::{Store, User};

struct Blog {
    store: Store,
    dir: PathBuf,
    blog_id: i64,
    ann: User,
    bob: User,
}

impl Blog {
    async fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("tidings-tokens-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let blog_id = store.create_blog("example.org", "Tests").await.unwrap().id;
        let ann = store
            .create_user(blog_id, "ann@example.org", "Ann", "-", Role::Admin)
            .await
            .unwrap();
        let bob = store
            .create_user(blog_id, "bob@example.org", "Bob", "-", Role::Author)
            .await
            .unwrap();
        Self {
            store,
            dir,
            blog_id,
            ann,
            bob,
        }
    }

    /// Whose token `secret` is on the blog, if it works.
    async fn owner_of(&self, secret: &str) -> Option<i64> {
        let found = self
            .store
            .user_by_token(&secrets::hash(secret), self.blog_id)
            .await;
        found.unwrap().map(|(user, _)| user.id)
    }

    async fn close(self) {
        self.store.close().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn a_token_is_labelled_listed_without_its_secret_and_works() {
    let b = Blog::new("made").await;
    for bad in ["", "   ", "line\nbreak", &"x".repeat(101)] {
        let r = tokens::create(&b.store, b.ann.id, bad).await;
        assert!(
            matches!(r, Err(Error::Invalid { field: "label", .. })),
            "{bad:?}: {r:?}"
        );
    }
    assert!(tokens::list(&b.store, b.ann.id).await.unwrap().is_empty());

    let secret = tokens::create(&b.store, b.ann.id, " laptop ")
        .await
        .unwrap();
    assert!(secret.starts_with("tdg_"));
    let listed = tokens::list(&b.store, b.ann.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].label, "laptop");
    assert_eq!(b.owner_of(&secret).await, Some(b.ann.id));
    b.close().await;
}

#[tokio::test]
async fn a_member_revokes_only_their_own_tokens() {
    let b = Blog::new("revoke").await;
    let anns = tokens::create(&b.store, b.ann.id, "ann's").await.unwrap();
    let bobs = tokens::create(&b.store, b.bob.id, "bob's").await.unwrap();
    let bobs_id = tokens::list(&b.store, b.bob.id).await.unwrap()[0].id;

    let as_ann = Actor::Member(&b.ann, Role::Admin);
    let r = tokens::revoke(&b.store, as_ann, bobs_id).await;
    assert!(matches!(r, Err(Error::NotFound(_))), "{r:?}");
    assert_eq!(b.owner_of(&bobs).await, Some(b.bob.id), "still works");

    let as_bob = Actor::Member(&b.bob, Role::Author);
    tokens::revoke(&b.store, as_bob, bobs_id).await.unwrap();
    assert_eq!(b.owner_of(&bobs).await, None);
    let r = tokens::revoke(&b.store, as_bob, bobs_id).await;
    assert!(matches!(r, Err(Error::NotFound(_))), "gone: {r:?}");

    let anns_id = tokens::list(&b.store, b.ann.id).await.unwrap()[0].id;
    tokens::revoke(&b.store, Actor::Operator, anns_id)
        .await
        .unwrap();
    assert_eq!(b.owner_of(&anns).await, None, "the operator revokes any");
    b.close().await;
}

#[tokio::test]
async fn revoking_all_leaves_other_peoples_tokens() {
    let b = Blog::new("all").await;
    let mut anns = Vec::new();
    for label in ["one", "two"] {
        anns.push(tokens::create(&b.store, b.ann.id, label).await.unwrap());
    }
    let bobs = tokens::create(&b.store, b.bob.id, "bob's").await.unwrap();
    assert_eq!(tokens::revoke_all(&b.store, b.ann.id).await.unwrap(), 2);
    for t in &anns {
        assert_eq!(b.owner_of(t).await, None);
    }
    assert_eq!(b.owner_of(&bobs).await, Some(b.bob.id));
    b.close().await;
}

#[tokio::test]
async fn a_call_with_a_token_is_its_owners_within_its_budget_a_minute() {
    let b = Blog::new("calls").await;
    let secret = tokens::create(&b.store, b.bob.id, "script").await.unwrap();
    let other = b.store.create_blog("other.example", "Other").await.unwrap();
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let call = async |secret: &str, blog_id: i64, at: DateTime<Utc>| {
        tokens::authenticate(&b.store, secret, blog_id, 3, at).await
    };
    for _ in 0..3 {
        let (user, role) = call(&secret, b.blog_id, now).await.unwrap();
        assert_eq!((user.id, role), (b.bob.id, Role::Author));
    }
    let Err(Error::Throttled { retry_after, .. }) = call(&secret, b.blog_id, now).await else {
        panic!("the fourth call this minute is refused");
    };
    assert_eq!(retry_after, 60);
    let next_minute = now + Duration::minutes(1);
    assert!(call(&secret, b.blog_id, next_minute).await.is_ok());
    let elsewhere = call(&secret, other.id, next_minute).await;
    assert!(
        matches!(elsewhere, Err(Error::Forbidden(_))),
        "no role there"
    );
    let forged = call("tdg_0000", b.blog_id, next_minute).await;
    assert!(matches!(forged, Err(Error::Unauthorized(_))));
    tokens::revoke_all(&b.store, b.bob.id).await.unwrap();
    let revoked = call(&secret, b.blog_id, next_minute).await;
    assert!(matches!(revoked, Err(Error::Unauthorized(_))));
    b.close().await;
}
