//! `tidings serve --demo`: a living blog for a newcomer's first look.
//!
//! The posts are saved through the same use case as an author's writing
//! ([`crate::posts::save`]), so the demo shows what the product really
//! does; the comments are stored with the status each is meant to show
//! (one held, as moderation would). The text is written for Tidings.

use chrono::{Duration, Utc};
use tidings_core::{BlogSettings, CommentStatus, PostKind, PostStatus, Role};
use tidings_store::{NewComment, PostFilter, Store};

use crate::Error;
use crate::posts::{self, PostInput, Writer};

struct DemoPost {
    kind: PostKind,
    title: &'static str,
    days_ago: i64,
    labels: &'static [&'static str],
    body: &'static str,
}

const POSTS: &[DemoPost] = &[
    DemoPost {
        kind: PostKind::Post,
        title: "Welcome to Tidings",
        days_ago: 0,
        labels: &["Tidings", "Getting started"],
        body: "This blog runs on **Tidings**, a blog engine in one binary.\n\n\
               Posts appear newest first under the day they were published, \
               with their labels and a link to their comments. Every address \
               follows Blogger's layout, so a blog that moves here keeps its links.\n\n\
               Try the search box, the archive in the sidebar, or leave a comment below.",
    },
    DemoPost {
        kind: PostKind::Post,
        title: "Writing in Markdown",
        days_ago: 1,
        labels: &["Writing"],
        body: "Authors write in Markdown; Tidings turns it into HTML once, when \
               the post is saved.\n\n\
               | You type | You get |\n|---|---|\n| `*words*` | *words* |\n\
               | `**words**` | **words** |\n| `~~words~~` | ~~words~~ |\n\n\
               Footnotes work too.[^1]\n\n[^1]: Like this one.",
    },
    DemoPost {
        kind: PostKind::Post,
        title: "Feeds for every reader",
        days_ago: 3,
        labels: &["Tidings", "Feeds"],
        body: "Every blog has Atom, RSS and JSON feeds at the addresses Blogger \
               used: `/feeds/posts/default`, with `?alt=rss` or `?alt=json`. \
               Each label has a feed of its own, and so do the comments.",
    },
    DemoPost {
        kind: PostKind::Post,
        title: "Comments without the spam",
        days_ago: 6,
        labels: &["Comments"],
        body: "Readers comment without an account. Tidings holds what looks \
               like spam — a form sent back too fast, a hidden field filled in, \
               a wall of links — for the owner to review, and never shows a \
               comment's markup as anything but text.",
    },
    DemoPost {
        kind: PostKind::Page,
        title: "About",
        days_ago: 7,
        labels: &[],
        body: "This is a static page: it lives at `/p/about.html`, outside the \
               stream of posts, and pages like it make good homes for an \
               introduction or a list of links.",
    },
];

/// Fills `blog` with the demo content, unless it already has posts.
pub async fn fill(store: &Store, blog: &BlogSettings) -> Result<bool, Error> {
    let mut any = PostFilter::visible(blog.id, Utc::now(), 1);
    any.visible_at = None;
    any.kind = None;
    if store.count_posts(&any).await? > 0 {
        return Ok(false);
    }
    let now = Utc::now();
    // No account wrote these; they publish as an admin would.
    let team = Writer {
        id: None,
        name: "The Tidings team".into(),
        role: Role::Admin,
    };
    let mut created = Vec::new();
    for p in POSTS {
        let input = PostInput {
            kind: Some(p.kind),
            title: Some(p.title.into()),
            body: Some(p.body.into()),
            labels: Some(p.labels.iter().map(|l| (*l).to_owned()).collect()),
            status: Some(PostStatus::Published),
            published_at: Some(now - Duration::days(p.days_ago) - Duration::minutes(5)),
            ..PostInput::default()
        };
        created.push(posts::save(store, blog, &team, None, input, now).await?);
    }
    comment_on(store, &created[0], now).await?;
    Ok(true)
}

/// Three comments on the welcome post: one answered, one awaiting approval.
async fn comment_on(
    store: &Store,
    welcome: &tidings_core::Post,
    now: chrono::DateTime<Utc>,
) -> Result<(), Error> {
    let comment = |parent_id, name: &str, body: &str, status, minutes_ago| NewComment {
        blog_id: welcome.blog_id,
        post_id: welcome.id,
        parent_id,
        author_name: name.to_owned(),
        author_email: None,
        author_url: None,
        body: body.to_owned(),
        status,
        hold_reasons: if status == CommentStatus::Pending {
            "held for moderation".to_owned()
        } else {
            String::new()
        },
        ip: String::new(),
        created_at: now - Duration::minutes(minutes_ago),
        user_id: None,
        mail_if_held: Vec::new(),
        watch_replies: false,
    };
    let first = store
        .insert_comment(&comment(
            None,
            "A first reader",
            "Congratulations on the new blog!\n\nThe archive in the sidebar is a nice touch.",
            CommentStatus::Published,
            4,
        ))
        .await?;
    store
        .insert_comment(&comment(
            Some(first.id),
            "The Tidings team",
            "Thank you! Replies sit under the comment they answer.",
            CommentStatus::Published,
            3,
        ))
        .await?;
    store
        .insert_comment(&comment(
            None,
            "Someone new",
            "This comment waits for the owner's approval, so readers do not see it yet.",
            CommentStatus::Pending,
            2,
        ))
        .await?;
    Ok(())
}
