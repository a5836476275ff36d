//! What the use-case tests share: a real SQLite store in a directory of its
//! own, and a fixed clock. (Each test file is a crate of its own and uses
//! part of this, hence the allowance.)
#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use tidings_core::Post;
use tidings_store::{NewPost, Store, User};

/// A fresh store in a temporary directory named for the test (`name`) and
/// this process; the caller removes the directory when done.
pub async fn open(name: &str) -> (Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("tidings-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
    (store, dir)
}

/// The tests' "now": a fixed instant, so windows and expiries are exact (a
/// whole ten-minute window since the epoch: the per-post comment counter's
/// window ends at `t0 + 10 min`).
pub fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

/// The password of [`owner`]'s account.
pub const PASSWORD: &str = "a long and hard passphrase";

/// A blog and its admin, whose password is [`PASSWORD`] (hashed on the
/// use cases' pool, as the server would): the blog's id and the admin.
pub async fn owner(store: &Store) -> (i64, tidings_store::User) {
    let blog = store.create_blog("blog.example", "Blog").await.unwrap();
    let hash = tidings_app::work::hash_password(PASSWORD).await.unwrap();
    let user = store
        .create_user(
            blog.id,
            "o@example.org",
            "Owner",
            &hash,
            tidings_core::Role::Admin,
        )
        .await
        .unwrap();
    (blog.id, user)
}

/// A post of `blog_id` by `by`, published a day before [`t0`], at
/// `/2027/01/SLUG.html`.
pub async fn post(store: &Store, blog_id: i64, by: &User, slug: &str) -> Post {
    store
        .insert_post(&NewPost {
            blog_id,
            kind: tidings_core::PostKind::Post,
            title: slug.into(),
            slug: slug.into(),
            path: format!("/2027/01/{slug}.html"),
            body_markdown: None,
            body_html: "<p>x</p>".into(),
            teaser_html: String::new(),
            body_text: "x".into(),
            labels: Vec::new(),
            draft: false,
            pending: false,
            review_mail: Vec::new(),
            published_at: t0() - Duration::days(1),
            author_id: Some(by.id),
            author_name: by.name.clone(),
            sticky: false,
            description: String::new(),
            noindex: false,
            mail_subscribers: true,
            comments: tidings_core::PostComments::Open,
            password_hash: None,
            featured_image: String::new(),
            featured_image_html: String::new(),
            saved_by: by.name.clone(),
            parent_id: None,
            menu_order: 0,
        })
        .await
        .unwrap()
}
