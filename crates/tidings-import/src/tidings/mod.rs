//! Our own format: the whole blog as JSON Lines, so `tidings export --format
//! tidings` and `tidings import tidings` move a blog between instances (or
//! backends) with nothing lost.
//!
//! One JSON object per line: first `{"type":"blog","tidings":1,…}` with the
//! settings, then one `post` per post or page (oldest first), one `comment` per
//! comment (every status), one `attachment` per recorded file, and last
//! `{"type":"end","posts":N,"comments":M,"attachments":A}`. Fields added since
//! the first files (a page's `parent` and `menu_order`, `sticky`, attachments)
//! have defaults, so older files read as they did.
//! One record a line gives every error a line number, lets a reader stream
//! the file, and the `end` record tells a complete file from a cut one.
//! Ids, paths, dates, Markdown and HTML are kept exactly, so an import into a
//! fresh instance serves the same blog at the same addresses.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tidings_core::xml_chars::{self, ForbiddenChar};
use tidings_core::{BlogSettings, CommentStatus, CommentsAllowed, Moderation, PostKind};
use tidings_render::{html_to_text, sanitize_html};
use tidings_store::{ExportSnapshot, ImportAttachment, ImportBatch, ImportComment, ImportPost};

use crate::blogger::served_path;
use crate::{ParseError, dedup_labels};

/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record {
    Blog(BlogRecord),
    Post(PostRecord),
    Comment(CommentRecord),
    Attachment(AttachmentRecord),
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
    pub status: CommentStatus,
    /// Why it was held, as the comment queue shows it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hold_reasons: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
struct EndRecord {
    posts: u64,
    comments: u64,
    #[serde(default)]
    attachments: u64,
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
                ],
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
    /// Where the blog record is, for errors in the settings.
    pub blog_line: u64,
}

/// The whole blog in our format, and notes on what it leaves out (only
/// characters our import refuses: see `export::writable`).
pub fn export(blog: &BlogSettings, snap: &ExportSnapshot) -> (String, Vec<String>) {
    let (blog, snap, notes) = crate::export::writable(blog, snap);
    let (blog, snap) = (&*blog, &*snap);
    let mut out = String::with_capacity(1024 + snap.posts.len() * 2048);
    let mut line = |r: &Record| {
        // Serialising plain structs of strings and numbers cannot fail.
        out.push_str(&serde_json::to_string(r).unwrap_or_default());
        out.push('\n');
    };
    line(&Record::Blog(BlogRecord {
        tidings: VERSION,
        exported_at: Utc::now(),
        host: blog.host.clone(),
        title: blog.title.clone(),
        description: blog.description.clone(),
        timezone: blog.timezone.name().to_owned(),
        posts_per_page: blog.posts_per_page,
        comments_allowed: blog.comments_allowed,
        comment_moderation: blog.comment_moderation,
        moderation_days: blog.moderation_days,
        comment_min_seconds: blog.comment_min_seconds,
    }));
    let id = |external: &str| external.parse::<i64>().unwrap_or_default();
    for p in &snap.posts {
        line(&Record::Post(PostRecord {
            id: p.id.unwrap_or_else(|| id(&p.external_id)),
            kind: p.kind,
            title: p.title.clone(),
            slug: p.slug.clone(),
            path: p.path.clone(),
            status: if p.draft { "draft" } else { "published" }.into(),
            published_at: p.published_at,
            updated_at: p.updated_at,
            author: p.author_name.clone(),
            labels: p.labels.clone(),
            body_markdown: p.body_markdown.clone(),
            body_html: p.body_html.clone(),
            redirects: p.redirects.clone(),
            parent: p.parent.as_deref().map(id),
            menu_order: p.menu_order,
            sticky: p.sticky,
        }));
    }
    for c in &snap.comments {
        line(&Record::Comment(CommentRecord {
            id: c.id.unwrap_or_else(|| id(&c.external_id)),
            post_id: id(&c.post),
            parent: c.parent.as_deref().map(id),
            author: c.author_name.clone(),
            author_email: c.author_email.clone(),
            author_url: c.author_url.clone(),
            body: c.body.clone(),
            status: c.status,
            hold_reasons: c.hold_reasons.clone(),
            created_at: c.created_at,
        }));
    }
    for a in &snap.attachments {
        line(&Record::Attachment(AttachmentRecord {
            id: id(&a.external_id),
            post_id: a.post.as_deref().map(id),
            url: a.url.clone(),
            title: a.title.clone(),
            mime_type: a.mime_type.clone(),
            uploaded_at: a.uploaded_at,
            local_path: a.local_path.clone(),
        }));
    }
    line(&Record::End(EndRecord {
        posts: snap.posts.len() as u64,
        comments: snap.comments.len() as u64,
        attachments: snap.attachments.len() as u64,
    }));
    (out, notes)
}

/// Reads a whole export, refusing (with the line) anything it cannot keep
/// exactly: a record that does not parse, a duplicate id or path, a comment
/// whose post or parent is not in the file, a file cut short.
pub fn parse(bytes: &[u8]) -> Result<TidingsExport, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        ParseError::at(line, "not UTF-8 text")
    })?;
    let mut blog: Option<BlogRecord> = None;
    let mut posts: Vec<PostRecord> = Vec::new();
    let mut comments: Vec<CommentRecord> = Vec::new();
    let mut attachments: Vec<AttachmentRecord> = Vec::new();
    let mut attachment_ids = HashSet::new();
    let mut local_paths = HashSet::new();
    let mut post_ids = HashSet::new();
    let mut paths = HashSet::new();
    let mut comment_ids = HashSet::new();
    let mut ended = false;
    let mut blog_line = 0;
    for (n, raw) in text.split('\n').enumerate() {
        let line = n as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if ended {
            return Err(ParseError::at(line, "a record after the end record"));
        }
        let record: Record = serde_json::from_str(raw).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            let msg = match e.column() {
                0 => msg.to_owned(),
                c => format!("{msg} (column {c})"),
            };
            if blog_line == 0 {
                ParseError::at(line, format!("not a Tidings export: {msg}"))
            } else {
                ParseError::at(line, msg)
            }
        })?;
        let at = |m: String| ParseError::at(line, m);
        if let Some(e) = record.forbidden_char() {
            return Err(at(e.to_string()));
        }
        match record {
            Record::Blog(b) if blog_line == 0 => {
                if b.tidings != VERSION {
                    return Err(at(format!(
                        "this file is format version {}; this Tidings reads version {VERSION}",
                        b.tidings
                    )));
                }
                blog = Some(b);
                blog_line = line;
            }
            _ if blog_line == 0 => {
                return Err(at(
                    "the first record must be the blog (is this a Tidings export?)".into(),
                ));
            }
            Record::Blog(_) => return Err(at("a second blog record".into())),
            Record::Post(p) => {
                if !post_ids.insert(p.id) || p.id <= 0 {
                    return Err(at(format!(
                        "post id {} is not positive or not unique",
                        p.id
                    )));
                }
                if served_path(&p.path).as_ref().map(|(_, path)| path) != Some(&p.path) {
                    return Err(at(format!("{:?} is not a post or page address", p.path)));
                }
                if !paths.insert(p.path.clone()) {
                    return Err(at(format!("two posts have the address {}", p.path)));
                }
                if !matches!(p.status.as_str(), "draft" | "published" | "scheduled") {
                    return Err(at(format!(
                        "status {:?}: expected draft, published or scheduled",
                        p.status
                    )));
                }
                posts.push(p);
            }
            Record::Comment(c) => {
                if !comment_ids.insert(c.id) || c.id <= 0 {
                    return Err(at(format!(
                        "comment id {} is not positive or not unique",
                        c.id
                    )));
                }
                if !post_ids.contains(&c.post_id) {
                    return Err(at(format!(
                        "comment {} belongs to post {}, which is not in the file",
                        c.id, c.post_id
                    )));
                }
                comments.push(c);
            }
            Record::Attachment(a) => {
                if !attachment_ids.insert(a.id) || a.id <= 0 {
                    return Err(at(format!(
                        "attachment id {} is not positive or not unique",
                        a.id
                    )));
                }
                if let Some(post) = a.post_id
                    && !post_ids.contains(&post)
                {
                    return Err(at(format!(
                        "attachment {} belongs to post {post}, which is not in the file",
                        a.id
                    )));
                }
                if !(a.url.starts_with("http://") || a.url.starts_with("https://")) {
                    return Err(at(format!("{:?} is not an http(s) URL", a.url)));
                }
                if let Some(local) = &a.local_path {
                    if !crate::media::is_local_path(local) {
                        return Err(at(format!("{local:?} is not a /media/ address")));
                    }
                    if !local_paths.insert(local.clone()) {
                        return Err(at(format!("two attachments are served at {local}")));
                    }
                }
                attachments.push(a);
            }
            Record::End(e) => {
                if e.posts != posts.len() as u64
                    || e.comments != comments.len() as u64
                    || e.attachments != attachments.len() as u64
                {
                    return Err(at(format!(
                        "the file promises {} posts, {} comments and {} attachments but holds \
                         {}, {} and {}",
                        e.posts,
                        e.comments,
                        e.attachments,
                        posts.len(),
                        comments.len(),
                        attachments.len()
                    )));
                }
                ended = true;
            }
        }
    }
    let Some(blog) = blog else {
        return Err(ParseError::at(1, "an empty file"));
    };
    if !ended {
        let last = text.trim_end().lines().count() as u64;
        return Err(ParseError::at(
            last,
            "the file ends without its end record: it was cut short",
        ));
    }
    // Pages and replies may name a parent that comes later in the file.
    for p in &posts {
        if let Some(parent) = p.parent
            && (!post_ids.contains(&parent) || parent == p.id)
        {
            return Err(ParseError {
                line: None,
                message: format!(
                    "post {} names post {parent} as its parent, which is not in the file",
                    p.id
                ),
            });
        }
    }
    for c in &comments {
        if let Some(parent) = c.parent
            && !comment_ids.contains(&parent)
        {
            return Err(ParseError {
                line: None,
                message: format!(
                    "comment {} replies to comment {parent}, which is not in the file",
                    c.id
                ),
            });
        }
    }
    Ok(TidingsExport {
        blog,
        posts,
        comments,
        attachments,
        blog_line,
    })
}

impl TidingsExport {
    /// The export's settings applied to `blog` (whose host stays), when they fit.
    pub fn settings_for(&self, blog: &BlogSettings) -> Result<BlogSettings, ParseError> {
        let b = &self.blog;
        let timezone = tidings_core::parse_timezone(&b.timezone)
            .map_err(|e| ParseError::at(self.blog_line, e.to_string()))?;
        let s = BlogSettings {
            title: b.title.clone(),
            description: b.description.clone(),
            timezone,
            posts_per_page: b.posts_per_page,
            comments_allowed: b.comments_allowed,
            comment_moderation: b.comment_moderation,
            moderation_days: b.moderation_days,
            comment_min_seconds: b.comment_min_seconds,
            ..blog.clone()
        };
        s.validate()
            .map_err(|(_, why)| ParseError::at(self.blog_line, why))?;
        Ok(s)
    }

    /// The batch the store writes into `blog`: every id, path and date kept.
    pub fn to_batch(&self, blog: &BlogSettings) -> Result<ImportBatch, ParseError> {
        let settings = self.settings_for(blog)?;
        let posts = self
            .posts
            .iter()
            .map(|p| ImportPost {
                external_id: p.id.to_string(),
                id: Some(p.id),
                kind: p.kind,
                title: p.title.clone(),
                slug: p.slug.clone(),
                path: p.path.clone(),
                exact_path: true,
                body_markdown: p.body_markdown.clone(),
                // Our own HTML passes the sanitiser unchanged; a hand-edited
                // file gets no further than any author's HTML.
                body_html: sanitize_html(&p.body_html),
                body_text: html_to_text(&p.body_html),
                labels: dedup_labels(p.labels.iter().cloned()),
                draft: p.status == "draft",
                published_at: p.published_at,
                updated_at: p.updated_at,
                author_name: p.author.clone(),
                // The blog's own users come back as themselves where they exist.
                author_aliases: vec![p.author.clone()],
                redirects: p.redirects.clone(),
                parent: p.parent.map(|id| id.to_string()),
                menu_order: p.menu_order,
                sticky: p.sticky,
            })
            .collect();
        let comments = self
            .comments
            .iter()
            .map(|c| ImportComment {
                external_id: c.id.to_string(),
                id: Some(c.id),
                post: c.post_id.to_string(),
                parent: c.parent.map(|p| p.to_string()),
                author_name: c.author.clone(),
                author_email: c.author_email.clone(),
                author_url: c.author_url.clone(),
                body: c.body.clone(),
                status: c.status,
                hold_reasons: c.hold_reasons.clone(),
                created_at: c.created_at,
            })
            .collect();
        let attachments = self
            .attachments
            .iter()
            .map(|a| ImportAttachment {
                external_id: a.id.to_string(),
                url: a.url.clone(),
                title: a.title.clone(),
                post: a.post_id.map(|p| p.to_string()),
                mime_type: a.mime_type.clone(),
                uploaded_at: a.uploaded_at,
                local_path: a.local_path.clone(),
            })
            .collect();
        Ok(ImportBatch {
            blog_id: blog.id,
            source: "tidings",
            settings: Some(settings),
            posts,
            comments,
            attachments,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = concat!(
        r#"{"type":"blog","tidings":1,"exported_at":"2024-01-01T00:00:00Z","host":"h","title":"T","description":"","timezone":"UTC","posts_per_page":7,"comments_allowed":"anyone","comment_moderation":"never","moderation_days":14,"comment_min_seconds":3}"#,
        "\n",
        r#"{"type":"post","id":5,"kind":"post","title":"A","slug":"a","path":"/2020/01/a.html","status":"published","published_at":"2020-01-02T03:04:05Z","updated_at":"2020-01-02T03:04:05Z","author":"Ann","labels":["x"],"body_markdown":"hi","body_html":"<p>hi</p>"}"#,
        "\n",
        r#"{"type":"comment","id":9,"post_id":5,"parent":8,"author":"B","author_email":null,"author_url":null,"body":"re","status":"published","created_at":"2020-01-03T00:00:00Z"}"#,
        "\n",
        r#"{"type":"comment","id":8,"post_id":5,"parent":null,"author":"C","author_email":null,"author_url":null,"body":"first","status":"pending","created_at":"2020-01-03T00:00:00Z"}"#,
        "\n",
        r#"{"type":"end","posts":1,"comments":2}"#,
        "\n"
    );

    #[test]
    fn reads_a_whole_file() {
        let e = parse(GOOD.as_bytes()).unwrap();
        assert_eq!(e.posts.len(), 1);
        assert_eq!(e.comments.len(), 2);
        assert_eq!(e.comments[0].parent, Some(8));
    }

    #[test]
    fn a_cut_file_is_refused_with_its_line() {
        let cut = &GOOD[..GOOD.rfind("{\"type\":\"end\"").unwrap()];
        let e = parse(cut.as_bytes()).unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        let half = &GOOD[..GOOD.find("\"author\":\"B\"").unwrap()];
        let e = parse(half.as_bytes()).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("EOF"), "{e}");
    }

    #[test]
    fn bad_records_are_refused_with_their_line() {
        let bad = GOOD.replace("/2020/01/a.html", "/../etc");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(2));
        let bad = GOOD.replace("\"post_id\":5,\"parent\":8", "\"post_id\":6,\"parent\":8");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(3));
        let bad = GOOD.replace("\"body\":\"re\"", "\"body\":\"a\\u0000b\"");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(3));
        let fine = GOOD.replace("\"body\":\"re\"", "\"body\":\"a\\\\u0000b\"");
        assert_eq!(
            parse(fine.as_bytes()).unwrap().comments[0].body,
            "a\\u0000b"
        );
        let bad = GOOD.replace("\"parent\":8", "\"parent\":7");
        assert!(parse(bad.as_bytes()).is_err());
        let bad = GOOD.replace("\"comments\":2", "\"comments\":3");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(5));
        assert!(parse(b"").is_err());
        assert!(parse(b"<?xml version='1.0'?>").is_err());
    }
}
