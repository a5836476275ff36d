//! The comment use cases against a real SQLite store, with the clock fixed:
//! what a reader's comment becomes (published, held, spam), when it is
//! refused (throttled with how long to wait, or the field to fix), and who
//! may moderate and reply.

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use tidings_app::comments::{self, Arrival, Decision, Member, Moderator, Queue};
use tidings_app::form_token::{self, Purpose};
use tidings_app::{Error, limits};
use tidings_core::{BlogSettings, Comment, CommentStatus, CommentsAllowed, Moderation, Post, Role};
use tidings_store::{CommentFilter, Store, User};

use common::t0;

const KEY: &[u8] = b"the blog's form key";

struct Blog {
    store: Store,
    dir: PathBuf,
    blog: BlogSettings,
    owner: User,
    post: Post,
}

impl Blog {
    /// A blog that publishes what passes (no moderation, no minimum fill
    /// time), with one post by its admin.
    async fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("tidings-app-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let mut blog = store.create_blog("example.org", "Tests").await.unwrap();
        blog.comment_moderation = Moderation::Never;
        blog.comment_min_seconds = 0;
        store.update_blog(&blog).await.unwrap();
        let owner = store
            .create_user(blog.id, "owner@example.org", "Owner", "-", Role::Admin)
            .await
            .unwrap();
        let post = common::post(&store, blog.id, &owner, "first").await;
        Self {
            store,
            dir,
            blog,
            owner,
            post,
        }
    }

    /// A reader's comment on the post, its form served a minute before `now`.
    fn arrival(&self, body: &str, address: u32, now: DateTime<Utc>) -> Arrival {
        Arrival {
            member: None,
            token: form_token::issue(
                KEY,
                Purpose::Comment,
                self.post.id,
                now - Duration::minutes(1),
            ),
            parent_id: None,
            name: Some("Ann".into()),
            email: None,
            url: None,
            body: Some(body.into()),
            honeypot: None,
            notify_replies: false,
            address: IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + address)),
            post_pass: None,
        }
    }

    async fn submit(&self, arrival: Arrival, now: DateTime<Utc>) -> Result<Comment, Error> {
        comments::submit(
            &self.store,
            &tidings_app::mail::Mail::off(),
            KEY,
            &self.blog,
            &self.post,
            arrival,
            now,
        )
        .await
    }

    async fn stored(&self) -> i64 {
        let all = CommentFilter {
            blog_id: self.blog.id,
            post_id: None,
            status: None,
            limit: 500,
            offset: 0,
        };
        self.store.count_comments(&all).await.unwrap()
    }

    async fn close(self) {
        self.store.close().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn field_of(r: Result<Comment, Error>) -> &'static str {
    match r {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("refused with a field to fix, not {other:?}"),
    }
}

#[tokio::test]
async fn a_comment_is_published_held_or_taken_for_spam() {
    let mut b = Blog::new("verdicts").await;
    let now = t0();
    let c = b
        .submit(b.arrival("Nice post, thank you.", 1, now), now)
        .await
        .unwrap();
    assert_eq!(c.status, CommentStatus::Published);
    assert_eq!((c.author_name.as_str(), c.created_at), ("Ann", now));

    let mut bot = b.arrival("Buy now", 2, now);
    bot.honeypot = Some("http://spam.example".into());
    let c = b.submit(bot, now).await.unwrap();
    assert_eq!(c.status, CommentStatus::Spam);
    assert_eq!(c.hold_reasons, "filled the hidden field");

    b.blog.comment_moderation = Moderation::Always;
    let c = b
        .submit(b.arrival("Held, please.", 3, now), now)
        .await
        .unwrap();
    assert_eq!(c.status, CommentStatus::Pending);
    assert_eq!(c.hold_reasons, "held for moderation");

    b.blog.comment_moderation = Moderation::Never;
    b.blog.comment_min_seconds = 120;
    let c = b
        .submit(b.arrival("Too quick.", 4, now), now)
        .await
        .unwrap();
    assert_eq!(c.status, CommentStatus::Pending);
    assert!(
        c.hold_reasons.contains("after the form loaded"),
        "{}",
        c.hold_reasons
    );
    assert_eq!(b.stored().await, 4);
    b.close().await;
}

#[tokio::test]
async fn a_field_to_fix_is_named_and_nothing_is_stored() {
    let b = Blog::new("fields").await;
    let now = t0();
    let mut a = b.arrival("   ", 1, now);
    assert_eq!(field_of(b.submit(a.clone(), now).await), "body");
    a.body = Some("fine".into());
    a.url = Some("javascript:alert(1)".into());
    assert_eq!(field_of(b.submit(a.clone(), now).await), "url");
    a.url = None;
    a.name = Some("n".repeat(500));
    assert_eq!(field_of(b.submit(a.clone(), now).await), "name");
    a.name = None;
    a.parent_id = Some(999_999);
    assert_eq!(field_of(b.submit(a, now).await), "parent");
    assert_eq!(b.stored().await, 0);
    b.close().await;
}

#[tokio::test]
async fn a_form_we_did_not_serve_is_refused_without_a_field() {
    let b = Blog::new("tokens").await;
    let now = t0();
    let mut a = b.arrival("hello", 1, now);
    a.token = form_token::issue(KEY, Purpose::Comment, b.post.id + 1, now);
    assert!(
        matches!(b.submit(a.clone(), now).await, Err(Error::Malformed(m)) if m.contains("Reload the page"))
    );
    a.token = form_token::issue(KEY, Purpose::Comment, b.post.id, now - Duration::days(3));
    assert!(matches!(b.submit(a, now).await, Err(Error::Malformed(m)) if m.contains("expired")));
    assert_eq!(b.stored().await, 0);
    b.close().await;
}

#[tokio::test]
async fn who_may_comment_is_the_blogs_setting() {
    let mut b = Blog::new("who").await;
    let now = t0();
    b.blog.comments_allowed = CommentsAllowed::Nobody;
    let closed = b.submit(b.arrival("hi", 1, now), now).await;
    assert!(matches!(closed, Err(Error::Forbidden(m)) if m.contains("closed")));
    b.blog.comments_allowed = CommentsAllowed::SignedIn;
    let stranger = b.submit(b.arrival("hi", 1, now), now).await;
    assert!(matches!(stranger, Err(Error::Forbidden(m)) if m.contains("signed-in")));
    let mut member = b.arrival("hi", 1, now);
    member.member = Some(Member {
        id: b.owner.id,
        name: "Owner".into(),
    });
    let c = b.submit(member, now).await.unwrap();
    assert_eq!(
        c.author_name, "Owner",
        "a member comments under their own name"
    );
    b.close().await;
}

#[tokio::test]
async fn an_address_is_throttled_after_twenty_in_ten_minutes() {
    let b = Blog::new("address").await;
    let limit = limits::COMMENTS_PER_ADDRESS;
    for i in 0..limit.count {
        let at = t0() + Duration::seconds(i);
        b.submit(b.arrival(&format!("comment number {i}"), 1, at), at)
            .await
            .unwrap();
    }
    // The 21st, 20 s after the first: free again when the first is 10 min old.
    let at = t0() + Duration::seconds(limit.count);
    match b.submit(b.arrival("one too many", 1, at), at).await {
        Err(Error::Throttled {
            message,
            retry_after,
        }) => {
            assert_eq!(retry_after, 600 - 20);
            assert!(message.contains("580 seconds"), "{message}");
        }
        other => panic!("throttled, not {other:?}"),
    }
    // Another address is not held back.
    b.submit(b.arrival("from elsewhere", 2, at), at)
        .await
        .unwrap();
    assert_eq!(b.stored().await, limit.count + 1);
    b.close().await;
}

#[tokio::test]
async fn a_flooded_post_is_throttled_until_its_window_ends() {
    let b = Blog::new("flood").await;
    let now = t0() + Duration::seconds(100);
    for i in 0..limits::COMMENTS_PER_POST.count {
        let i = u32::try_from(i).unwrap();
        b.submit(b.arrival(&format!("from address {i}"), i, now), now)
            .await
            .unwrap();
    }
    match b.submit(b.arrival("one more", 10_000, now), now).await {
        Err(Error::Throttled { retry_after, .. }) => assert_eq!(retry_after, 500),
        other => panic!("throttled, not {other:?}"),
    }
    b.close().await;
}

#[tokio::test]
async fn the_queue_is_for_moderators_of_the_post() {
    let b = Blog::new("queue").await;
    let now = t0();
    let on_owners = b
        .submit(b.arrival("on the owner's post", 1, now), now)
        .await
        .unwrap();
    let author = b
        .store
        .create_user(b.blog.id, "author@example.org", "Author", "-", Role::Author)
        .await
        .unwrap();
    let helper = b
        .store
        .create_user(
            b.blog.id,
            "helper@example.org",
            "Helper",
            "-",
            Role::Contributor,
        )
        .await
        .unwrap();
    let by = |user, role| Moderator { user, role };
    let refused = Queue::open(&b.store, b.blog.id, by(&helper, Role::Contributor));
    assert!(matches!(refused, Err(Error::Forbidden(m)) if m.contains("contributor")));

    let queue = Queue::open(&b.store, b.blog.id, by(&author, Role::Author)).unwrap();
    let others = queue.moderate(on_owners.id, Decision::Spam).await;
    assert!(matches!(others, Err(Error::Forbidden(m)) if m.contains("other people's posts")));
    assert!(matches!(
        queue.comment(999_999).await,
        Err(Error::NotFound(_))
    ));

    let admin = Queue::open(&b.store, b.blog.id, by(&b.owner, Role::Admin)).unwrap();
    let marked = admin.moderate(on_owners.id, Decision::Spam).await.unwrap();
    assert_eq!(marked.comment.status, CommentStatus::Spam);
    let back = admin
        .moderate(on_owners.id, Decision::Approve)
        .await
        .unwrap();
    assert_eq!(back.comment.status, CommentStatus::Published);
    let (listed, total) = admin
        .list(CommentFilter {
            blog_id: b.blog.id,
            post_id: None,
            status: Some(CommentStatus::Published),
            limit: 10,
            offset: 0,
        })
        .await
        .unwrap();
    assert_eq!((listed.len(), total), (1, 1));
    b.close().await;
}

#[tokio::test]
async fn a_reply_is_published_and_approves_what_it_answers() {
    let mut b = Blog::new("reply").await;
    let now = t0();
    b.blog.comment_moderation = Moderation::Always;
    let held = b
        .submit(b.arrival("A question?", 1, now), now)
        .await
        .unwrap();
    assert_eq!(held.status, CommentStatus::Pending);
    let queue = Queue::open(
        &b.store,
        b.blog.id,
        Moderator {
            user: &b.owner,
            role: Role::Admin,
        },
    )
    .unwrap();
    assert_eq!(
        field_of(
            queue
                .reply(held.id, Some(" "), now)
                .await
                .map(|r| r.comment)
        ),
        "body"
    );

    let later = now + Duration::minutes(5);
    let reply = queue
        .reply(held.id, Some("An answer."), later)
        .await
        .unwrap();
    assert_eq!(reply.post_path, b.post.path);
    let c = &reply.comment;
    assert_eq!(
        (c.status, c.parent_id, c.author_name.as_str(), c.created_at),
        (CommentStatus::Published, Some(held.id), "Owner", later)
    );
    assert!(c.by_member, "the owner's reply is marked as the author's");
    assert!(!held.by_member);
    let parent = queue.comment(held.id).await.unwrap();
    assert_eq!(parent.comment.status, CommentStatus::Published);
    b.close().await;
}

#[tokio::test]
async fn first_time_moderation_trusts_whom_the_owner_approved() {
    let b = Blog::new("first-time").await;
    let fresh = b.store.create_blog("new.example", "New").await.unwrap();
    assert_eq!(
        fresh.comment_moderation,
        Moderation::FirstTime,
        "new blogs' default"
    );
    let mut b = b;
    b.blog.comment_moderation = Moderation::FirstTime;
    let now = t0();
    let from = |email: Option<&str>, address| {
        let mut a = b.arrival("Hello there.", address, now);
        a.email = email.map(str::to_owned);
        a
    };
    let first = b
        .submit(from(Some("ann@example.org"), 1), now)
        .await
        .unwrap();
    assert_eq!(first.status, CommentStatus::Pending);
    assert_eq!(first.hold_reasons, "first comment by this name and email");
    let queue = Queue::open(
        &b.store,
        b.blog.id,
        Moderator {
            user: &b.owner,
            role: Role::Admin,
        },
    )
    .unwrap();
    queue.moderate(first.id, Decision::Approve).await.unwrap();
    let again = b
        .submit(from(Some("ANN@example.org"), 2), now)
        .await
        .unwrap();
    assert_eq!(again.status, CommentStatus::Published);
    let no_email = b.submit(from(None, 3), now).await.unwrap();
    assert_eq!(no_email.status, CommentStatus::Pending);

    let mut member = from(None, 4);
    member.member = Some(Member {
        id: b.owner.id,
        name: b.owner.name.clone(),
    });
    let by_owner = b.submit(member, now).await.unwrap();
    assert_eq!(by_owner.status, CommentStatus::Published);
    assert!(by_owner.by_member);
    assert_eq!(by_owner.author_name, "Owner");
    b.close().await;
}
