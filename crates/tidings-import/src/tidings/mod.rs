//! Our own format: the whole blog as JSON Lines, so `tidings export --format
//! tidings` and `tidings import tidings` move a blog between instances (or
//! backends) with nothing lost.
//!
//! One JSON object per line: first `{"type":"blog","tidings":1,…}` with the
//! settings, then one `post` per post or page (oldest first), one `comment` per
//! comment (every status), one `attachment` per recorded file, and last
//! one `media` per upload (its original and every copy, their bytes in
//! base64), and last
//! `{"type":"end","posts":N,"comments":M,"attachments":A,"media":U}`. Fields
//! added since the first files (a page's `parent` and `menu_order`, `sticky`,
//! attachments, media) have defaults, so older files read as they did.
//! One record a line gives every error a line number, lets a reader stream
//! the file, and the `end` record tells a complete file from a cut one.
//! Ids, paths, dates, Markdown and HTML are kept exactly, so an import into a
//! fresh instance serves the same blog at the same addresses.

//!
//! The records are declared here; [`write`] writes them, [`read`] reads and
//! checks a file, [`batch`] turns it into what the store imports.

mod batch;
mod read;
mod write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tidings_core::xml_chars::{self, ForbiddenChar};
use tidings_core::{
    CommentStatus, CommentsAllowed, FeedContent, HeaderImage, Moderation, PostComments, PostKind,
};

pub use batch::{head, media, stream};
pub use read::{RestoredMedia, parse};
pub use write::export;

/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record {
    Blog(BlogRecord),
    Post(PostRecord),
    Comment(CommentRecord),
    Attachment(AttachmentRecord),
    Media(MediaRecord),
    End(EndRecord),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BlogRecord {
    pub tidings: u32,
    pub exported_at: DateTime<Utc>,
    pub host: String,
    pub title: String,
    pub description: String,
    pub timezone: String,
    pub posts_per_page: u32,
    pub comments_allowed: CommentsAllowed,
    pub comment_moderation: Moderation,
    pub moderation_days: u32,
    pub comment_min_seconds: u32,
    /// Absent from exports made before blogs had a language.
    #[serde(default = "english")]
    pub language: String,
    /// Empty for the built-in robots.txt, and in exports made before it.
    #[serde(default)]
    pub robots_txt: String,
    /// The picture link previews show for a post without one; empty for
    /// none, and in exports made before it.
    #[serde(default)]
    pub share_image: String,
    /// The blog's icon in browser tabs (an upload comes back at its
    /// address); empty for the built-in one, and in exports made before it.
    #[serde(default)]
    pub favicon: String,
    /// Whole posts in feeds, or up to their jump break; absent from exports
    /// made before feeds followed jump breaks (they carried whole posts).
    #[serde(default)]
    pub feed_content: FeedContent,
    /// What new posts do with comments; `open` in exports made before it.
    #[serde(default)]
    pub default_comments: PostComments,
    /// The picture atop every page, with its placement, size and copies
    /// (uploads come back at their addresses, so the copies still hold);
    /// none in exports made before it.
    #[serde(default)]
    pub header_image: HeaderImage,
}

fn english() -> String {
    "en".to_owned()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PostRecord {
    pub id: i64,
    pub kind: PostKind,
    pub title: String,
    pub slug: String,
    pub path: String,
    /// `draft` or `published` (a published post dated later is scheduled).
    pub status: String,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub author: String,
    pub labels: Vec<String>,
    pub body_markdown: Option<String>,
    pub body_html: String,
    /// Old addresses that answer 301 with this post's path.
    #[serde(default)]
    pub redirects: Vec<String>,
    /// The id of its parent page.
    #[serde(default)]
    pub parent: Option<i64>,
    /// Its place among its sibling pages, lowest first.
    #[serde(default)]
    pub menu_order: i64,
    /// Shown first on page 1 of the home page.
    #[serde(default)]
    pub sticky: bool,
    /// For search results and link previews; empty for the summary.
    #[serde(default)]
    pub description: String,
    /// Search engines are asked not to index it.
    #[serde(default)]
    pub noindex: bool,
    /// What list pages show of it; empty (and in exports made before jump
    /// breaks): cut from the body at its break, if it has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub teaser_html: String,
    /// Whether it takes and shows comments; `open` in exports made before it.
    #[serde(default)]
    pub comments: PostComments,
    /// The Argon2id hash of the password readers must give; absent for a
    /// post anyone may read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_hash: Option<String>,
    /// Its featured image's address; absent for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub featured_image: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AttachmentRecord {
    pub id: i64,
    /// The post or page it was uploaded to.
    pub post_id: Option<i64>,
    /// Where the file was before the move.
    pub url: String,
    pub title: String,
    pub mime_type: Option<String>,
    pub uploaded_at: DateTime<Utc>,
    /// Where the copy in the data directory is served (`/media/…`). The file
    /// itself is not in the export: copy the `media` folder along.
    pub local_path: Option<String>,
}

/// An upload, whole: restored byte for byte at the same addresses.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MediaRecord {
    pub id: i64,
    #[serde(default)]
    pub alt: String,
    pub created_at: DateTime<Utc>,
    /// The original first, then its copies.
    pub files: Vec<MediaFileRecord>,
}

/// One file of an upload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MediaFileRecord {
    /// Where it is served: `/media/u/…`.
    pub path: String,
    pub mime_type: String,
    pub width: u32,
    pub height: u32,
    /// A copy made from the original (`false` for the original itself).
    pub variant: bool,
    /// Its bytes, in standard base64 (RFC 4648, with padding).
    pub data: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CommentRecord {
    pub id: i64,
    pub post_id: i64,
    pub parent: Option<i64>,
    pub author: String,
    pub author_email: Option<String>,
    pub author_url: Option<String>,
    /// Plain text, as sent.
    pub body: String,
    /// An imported comment's own markup within the comment allowlist; absent
    /// for comments written as plain text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body_html: String,
    pub status: CommentStatus,
    /// Why it was held, as the comment queue shows it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hold_reasons: String,
    pub created_at: DateTime<Utc>,
    /// The member of the blog who wrote it, by name and then e-mail: an
    /// import makes it the comment of the member of that name or e-mail
    /// (marked as the author's). Absent for a reader's comment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct EndRecord {
    posts: u64,
    comments: u64,
    #[serde(default)]
    attachments: u64,
    #[serde(default)]
    media: u64,
}

impl Record {
    /// The first text of the record XML cannot carry, named by item and
    /// field (`post 12: title`): a file written by hand or by an older
    /// Tidings may hold one, and nothing we store may (feeds and exports
    /// would break on it).
    fn forbidden_char(&self) -> Option<ForbiddenChar> {
        fn opt(s: &Option<String>) -> &str {
            s.as_deref().unwrap_or_default()
        }
        let (item, fields): (String, Vec<(&str, &str)>) = match self {
            Record::Blog(b) => (
                "the blog".into(),
                vec![
                    ("host", b.host.as_str()),
                    ("title", b.title.as_str()),
                    ("description", b.description.as_str()),
                    ("timezone", b.timezone.as_str()),
                ],
            ),
            Record::Post(p) => (
                format!("post {}", p.id),
                [
                    ("title", p.title.as_str()),
                    ("slug", p.slug.as_str()),
                    ("path", p.path.as_str()),
                    ("status", p.status.as_str()),
                    ("author", p.author.as_str()),
                    ("body_html", p.body_html.as_str()),
                    ("body_markdown", opt(&p.body_markdown)),
                ]
                .into_iter()
                .chain(p.labels.iter().map(|l| ("labels", l.as_str())))
                .chain(p.redirects.iter().map(|r| ("redirects", r.as_str())))
                .collect(),
            ),
            Record::Comment(c) => (
                format!("comment {}", c.id),
                vec![
                    ("author", c.author.as_str()),
                    ("body", c.body.as_str()),
                    ("hold_reasons", c.hold_reasons.as_str()),
                    ("author_email", opt(&c.author_email)),
                    ("author_url", opt(&c.author_url)),
                ]
                .into_iter()
                .chain(c.member.iter().map(|m| ("member", m.as_str())))
                .collect(),
            ),
            Record::Attachment(a) => (
                format!("attachment {}", a.id),
                vec![
                    ("url", a.url.as_str()),
                    ("title", a.title.as_str()),
                    ("mime_type", opt(&a.mime_type)),
                    ("local_path", opt(&a.local_path)),
                ],
            ),
            Record::Media(m) => (format!("media {}", m.id), vec![("alt", m.alt.as_str())]),
            Record::End(_) => return None,
        };
        fields.into_iter().find_map(|(field, value)| {
            xml_chars::find_forbidden(value).map(|(_, ch)| ForbiddenChar {
                field: format!("{item}: {field}"),
                ch,
            })
        })
    }
}

/// A parsed export: the blog's settings, its posts and its comments.
#[derive(Debug, Clone)]
pub struct TidingsExport {
    pub blog: BlogRecord,
    pub posts: Vec<PostRecord>,
    pub comments: Vec<CommentRecord>,
    pub attachments: Vec<AttachmentRecord>,
    /// The uploads, their files' bytes decoded and checked.
    pub media: Vec<RestoredMedia>,
    /// Where the blog record is, for errors in the settings.
    pub blog_line: u64,
}
