//! Posts and static pages, and the path each one is served at.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::UnknownValue;

/// A dated post in the blog's stream, or a static page outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostKind {
    Post,
    Page,
}

impl PostKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::Page => "page",
        }
    }
}

impl std::str::FromStr for PostKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "post" => Ok(Self::Post),
            "page" => Ok(Self::Page),
            _ => Err(UnknownValue {
                what: "kind",
                allowed: "post, page",
                got: s.to_owned(),
            }),
        }
    }
}

/// Where a post stands for readers.
///
/// Only `Draft`, `Pending` and `Published` are stored; a published post whose time has not
/// come yet *is* scheduled. Deriving it means a scheduled post goes live at its
/// instant on every node without any background job or restart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Draft,
    /// A draft its writer submitted for review: still unpublished, waiting
    /// for an author or admin to publish it.
    Pending,
    Scheduled,
    Published,
}

impl PostStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Pending => "pending",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
        }
    }

    /// The status as stored: scheduled posts are stored as published.
    pub fn stored(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Pending => "pending",
            Self::Scheduled | Self::Published => "published",
        }
    }

    /// Whether a post with this status is not published (nor scheduled).
    pub fn is_unpublished(self) -> bool {
        matches!(self, Self::Draft | Self::Pending)
    }
}

impl std::str::FromStr for PostStatus {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(Self::Draft),
            "pending" => Ok(Self::Pending),
            "scheduled" => Ok(Self::Scheduled),
            "published" => Ok(Self::Published),
            _ => Err(UnknownValue {
                what: "status",
                allowed: "draft, pending, scheduled, published",
                got: s.to_owned(),
            }),
        }
    }
}

/// What a post does with comments: open takes them; closed shows those it
/// has but takes no more; hidden shows none and takes none. WordPress's
/// `comment_status` and Blogger's per-post reader comments setting say the
/// same three things, so a move keeps each post as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostComments {
    #[default]
    Open,
    Closed,
    Hidden,
}

impl PostComments {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Hidden => "hidden",
        }
    }

    /// Whether readers see the comments it has.
    pub fn shown(self) -> bool {
        self != Self::Hidden
    }
}

impl std::str::FromStr for PostComments {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "open" => Ok(Self::Open),
            "closed" => Ok(Self::Closed),
            "hidden" => Ok(Self::Hidden),
            _ => Err(UnknownValue {
                what: "comments",
                allowed: "open, closed, hidden",
                got: s.to_owned(),
            }),
        }
    }
}

/// A post or page as stored, with what the pages show about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub id: i64,
    pub blog_id: i64,
    pub kind: PostKind,
    pub title: String,
    pub slug: String,
    /// The path it is served at, fixed when it is first published so links never break.
    pub path: String,
    /// The Markdown the author wrote, when the body came from Markdown.
    /// Readers' pages read posts without it (`None`): they show the HTML.
    pub body_markdown: Option<String>,
    /// The sanitised HTML shown to readers, rendered once at save time.
    pub body_html: String,
    /// What list pages show of it when it has a jump break: the sanitised
    /// HTML before the break, cut when it was saved; empty for a post
    /// without one, which lists show whole.
    pub teaser_html: String,
    /// `true` for draft (or pending), `false` for published (or scheduled,
    /// see [`PostStatus`]).
    pub draft: bool,
    /// A draft submitted for review ([`PostStatus::Pending`]); only ever
    /// `true` with `draft`.
    pub pending: bool,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The user who wrote it; `None` for imported authors without an account.
    pub author_id: Option<i64>,
    pub author_name: String,
    pub labels: Vec<String>,
    /// Published comments, replies included.
    pub comment_count: i64,
    /// Shown first on page 1 of the home page (WordPress's sticky posts).
    pub sticky: bool,
    /// What search results and link previews say of it (Blogger's search
    /// description, WordPress's excerpt); empty: its summary.
    pub description: String,
    /// Search engines are asked not to index its page (Blogger's custom
    /// robots header tags).
    pub noindex: bool,
    /// Follow by Email's subscribers are mailed it when it first shows;
    /// `false`: its author said not to ("don't mail this one").
    pub mail_subscribers: bool,
    /// Whether it takes comments and shows them.
    pub comments: PostComments,
    /// The Argon2id hash of the password readers must give to read it;
    /// `None` for a post anyone may read. Never shown to anyone: it signs
    /// the cookie that opens the post, and checks the password.
    pub password_hash: Option<String>,
    /// Its featured image (WordPress's `_thumbnail_id`): the picture's
    /// address, a path on the blog or a web address; empty for none. Its
    /// share image, and there for list pages' templates.
    pub featured_image: String,
    /// That picture as the post's page shows it: an `<img>` made when the
    /// post was saved, as the body's pictures are; empty for none.
    pub featured_image_html: String,
    /// When it was moved to the trash; `None` for a post not in it. A
    /// trashed post is shown nowhere, and its address answers 410.
    pub trashed_at: Option<DateTime<Utc>>,
    /// A page's parent page, under which the sidebar's list of pages
    /// nests it; `None` for a page at the top, and for every post.
    pub parent_id: Option<i64>,
    /// A page's place among its sibling pages, lowest first (WordPress's
    /// `menu_order`); 0 for posts.
    pub menu_order: i64,
}

impl Post {
    /// How long a trashed post can be restored before it is removed.
    pub const TRASH_DAYS: i64 = 30;

    pub fn is_trashed(&self) -> bool {
        self.trashed_at.is_some()
    }

    /// Whether readers need a password to read it.
    pub fn is_protected(&self) -> bool {
        self.password_hash.is_some()
    }
}

impl Post {
    /// The longest description kept: Blogger allows 150 characters, a
    /// WordPress excerpt runs longer.
    pub const MAX_DESCRIPTION_CHARS: usize = 1_000;
}

impl Post {
    pub fn status_at(&self, now: DateTime<Utc>) -> PostStatus {
        if self.draft && self.pending {
            PostStatus::Pending
        } else if self.draft {
            PostStatus::Draft
        } else if self.published_at > now {
            PostStatus::Scheduled
        } else {
            PostStatus::Published
        }
    }

    pub fn is_visible_at(&self, now: DateTime<Utc>) -> bool {
        !self.is_trashed() && self.status_at(now) == PostStatus::Published
    }
}

/// The path of a post (`/YYYY/MM/slug.html`, year and month in the blog's zone)
/// or of a page (`/p/slug.html`), as Blogger lays them out.
pub fn post_path(kind: PostKind, published_at: DateTime<Utc>, tz: Tz, slug: &str) -> String {
    match kind {
        PostKind::Page => format!("/p/{slug}.html"),
        PostKind::Post => {
            let local = published_at.with_timezone(&tz);
            format!("/{:04}/{:02}/{slug}.html", local.year(), local.month())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn path_uses_the_blog_zone() {
        // 02:30 UTC on June 1 is still May 31 in Los Angeles.
        let at = Utc.with_ymd_and_hms(2014, 6, 1, 2, 30, 0).unwrap();
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        assert_eq!(post_path(PostKind::Post, at, la, "x"), "/2014/05/x.html");
        assert_eq!(
            post_path(PostKind::Post, at, Tz::UTC, "x"),
            "/2014/06/x.html"
        );
        assert_eq!(post_path(PostKind::Page, at, la, "about"), "/p/about.html");
    }

    #[test]
    fn scheduled_is_derived_from_time() {
        let now = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
        let mut p = Post {
            id: 1,
            blog_id: 1,
            kind: PostKind::Post,
            title: "t".into(),
            slug: "t".into(),
            path: "/2020/01/t.html".into(),
            body_markdown: None,
            body_html: String::new(),
            teaser_html: String::new(),
            draft: false,
            pending: false,
            published_at: now + chrono::Duration::hours(1),
            updated_at: now,
            author_id: None,
            author_name: "a".into(),
            labels: vec![],
            comment_count: 0,
            sticky: false,
            description: String::new(),
            noindex: false,
            mail_subscribers: true,
            comments: PostComments::Open,
            password_hash: None,
            featured_image: String::new(),
            featured_image_html: String::new(),
            trashed_at: None,
            parent_id: None,
            menu_order: 0,
        };
        assert_eq!(p.status_at(now), PostStatus::Scheduled);
        assert!(!p.is_visible_at(now));
        assert!(p.is_visible_at(now + chrono::Duration::hours(2)));
        p.draft = true;
        assert_eq!(
            p.status_at(now + chrono::Duration::hours(2)),
            PostStatus::Draft
        );
    }
}
