//! The post use cases against a real SQLite store in a directory of its own:
//! what a writer is refused, and where a saved post lands.

use chrono::{DateTime, TimeZone, Utc};
use tidings_app::Error;
use tidings_app::posts::{self, PostInput, Writer};
use tidings_core::{BlogSettings, PostStatus, Role};
use tidings_store::{PostFilter, Store};

/// A fresh database with one blog, removed when dropped.
struct Blog {
    dir: std::path::PathBuf,
    store: Store,
    blog: BlogSettings,
}

impl Blog {
    async fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("tidings-app-posts-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let blog = store.create_blog("example.org", "Example").await.unwrap();
        Self { dir, store, blog }
    }

    /// A member of the blog with `role`, as a writer.
    async fn writer(&self, email: &str, role: Role) -> Writer {
        let user = self
            .store
            .create_user(self.blog.id, email, email, "not a hash", role)
            .await
            .unwrap();
        Writer {
            id: Some(user.id),
            name: user.name,
            role,
        }
    }

    async fn save(
        &self,
        writer: &Writer,
        existing: Option<&tidings_core::Post>,
        input: PostInput,
    ) -> Result<tidings_core::Post, Error> {
        posts::save(&self.store, &self.blog, writer, existing, input, now()).await
    }

    async fn count(&self) -> i64 {
        let mut all = PostFilter::visible(self.blog.id, now(), 1);
        all.visible_at = None;
        all.kind = None;
        self.store.count_posts(&all).await.unwrap()
    }
}

impl Drop for Blog {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 12, 0, 0).unwrap()
}

fn titled(title: &str, status: PostStatus) -> PostInput {
    PostInput {
        title: Some(title.into()),
        body: Some("Some *words*.".into()),
        status: Some(status),
        ..PostInput::default()
    }
}

#[tokio::test]
async fn a_contributor_cannot_publish() {
    let b = Blog::new("contributor").await;
    let carol = b.writer("carol@example.com", Role::Contributor).await;
    let refused = b
        .save(&carol, None, titled("Eager", PostStatus::Published))
        .await;
    assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    let refused = b
        .save(&carol, None, titled("Later", PostStatus::Scheduled))
        .await;
    assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    assert_eq!(b.count().await, 0, "nothing was stored");

    // Her draft is hers to change, not hers to publish.
    let draft = b
        .save(&carol, None, titled("Patient", PostStatus::Draft))
        .await
        .unwrap();
    assert!(draft.draft);
    let publish = PostInput {
        status: Some(PostStatus::Published),
        ..PostInput::default()
    };
    let refused = b.save(&carol, Some(&draft), publish.clone()).await;
    assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    let kept = posts::find(&b.store, b.blog.id, draft.id).await.unwrap();
    assert!(kept.draft);

    // An author publishes it; then it is no longer hers to change.
    let owner = b.writer("owner@example.com", Role::Admin).await;
    let published = b.save(&owner, Some(&kept), publish).await.unwrap();
    assert_eq!(published.status_at(now()), PostStatus::Published);
    let edit = PostInput {
        title: Some("Taken back".into()),
        ..PostInput::default()
    };
    let refused = b.save(&carol, Some(&published), edit).await;
    assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    let refused = posts::delete(&b.store, &carol, &published, now()).await;
    assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    assert_eq!(b.count().await, 1);
}

#[tokio::test]
async fn a_path_conflict_gets_the_next_free_suffix_both_ways_in() {
    let b = Blog::new("suffix").await;
    let alice = b.writer("alice@example.com", Role::Author).await;
    let first = b
        .save(&alice, None, titled("Hello", PostStatus::Published))
        .await
        .unwrap();
    assert_eq!(first.path, "/2026/03/hello.html");

    // A new post with the same title…
    let second = b
        .save(&alice, None, titled("Hello", PostStatus::Published))
        .await
        .unwrap();
    assert_eq!(
        (second.slug.as_str(), second.path.as_str()),
        ("hello-2", "/2026/03/hello-2.html")
    );

    // …and a changed one renamed onto it take the next free number.
    let draft = b
        .save(&alice, None, titled("Other", PostStatus::Draft))
        .await
        .unwrap();
    let rename = PostInput {
        title: Some("Hello".into()),
        ..PostInput::default()
    };
    let third = b.save(&alice, Some(&draft), rename).await.unwrap();
    assert_eq!(
        (third.id, third.path.as_str()),
        (draft.id, "/2026/03/hello-3.html")
    );

    // A draft saved again keeps its own path rather than moving to the next.
    let again = PostInput {
        body: Some("Changed.".into()),
        ..PostInput::default()
    };
    let same = b.save(&alice, Some(&third), again).await.unwrap();
    assert_eq!(same.path, "/2026/03/hello-3.html");

    // A slug the author chose is theirs: taken, it is a conflict.
    let mine = PostInput {
        slug: Some("hello".into()),
        ..titled("Mine", PostStatus::Published)
    };
    let refused = b.save(&alice, None, mine).await;
    assert!(
        matches!(refused, Err(Error::Conflict(ref m)) if m.contains("/2026/03/hello.html")),
        "{refused:?}"
    );
    assert_eq!(b.count().await, 3);
}

#[tokio::test]
async fn a_too_deep_body_is_invalid_naming_its_field() {
    let b = Blog::new("deep").await;
    let alice = b.writer("alice@example.com", Role::Author).await;
    let deep = PostInput {
        body: Some("> ".repeat(1000) + "x"),
        ..titled("Deep", PostStatus::Draft)
    };
    match b.save(&alice, None, deep).await {
        Err(Error::Invalid { field, message }) => {
            assert_eq!(field, "body");
            assert!(message.contains("100 levels"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let deep_html = PostInput {
        body: None,
        body_html: Some("<div>".repeat(1000)),
        ..titled("Deep", PostStatus::Draft)
    };
    match b.save(&alice, None, deep_html).await {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "body_html"),
        other => panic!("{other:?}"),
    }
    let preview = posts::preview("1. ".repeat(1000) + "x").await;
    assert!(
        matches!(preview, Err(Error::Invalid { field: "body", .. })),
        "{preview:?}"
    );
    assert_eq!(b.count().await, 0);
}

#[tokio::test]
async fn an_oversize_body_is_too_large() {
    let b = Blog::new("large").await;
    let alice = b.writer("alice@example.com", Role::Author).await;
    let big = "a".repeat(posts::MAX_BODY_BYTES + 1);
    let input = PostInput {
        body: Some(big.clone()),
        ..titled("Big", PostStatus::Draft)
    };
    let refused = b.save(&alice, None, input).await;
    assert!(
        matches!(refused, Err(Error::TooLarge(ref m)) if m.contains("1 MiB")),
        "{refused:?}"
    );
    let preview = posts::preview(big).await;
    assert!(matches!(preview, Err(Error::TooLarge(_))), "{preview:?}");
    assert_eq!(b.count().await, 0);

    // The largest allowed is saved.
    let input = PostInput {
        body: Some("a".repeat(posts::MAX_BODY_BYTES)),
        ..titled("Just fits", PostStatus::Draft)
    };
    b.save(&alice, None, input).await.unwrap();
    assert_eq!(b.count().await, 1);
}
