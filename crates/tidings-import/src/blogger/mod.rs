//! Blogger's exports, both of them, told apart entry by entry:
//!
//! - "Back up content" (`blog-MM-DD-YYYY.xml`): one Atom feed whose entries
//!   are the blog's settings, its template, posts, pages and comments, told
//!   apart by a `#kind` category;
//! - Takeout's `feed.atom` (namespace `http://schemas.google.com/blogger/2018`):
//!   posts, pages and comments told apart by `blogger:type`, with a
//!   `blogger:status`, the path in `blogger:filename`, and a comment's post and
//!   parent comment in `blogger:parent` and `blogger:inReplyTo`.
//!
//! Every post keeps its exact old path and its Blogger id (so
//! `/feeds/POSTID/comments/default` keeps answering), every comment its id
//! (so `#cID` anchors still land), replies their parent.

use chrono::{DateTime, Utc};
use tidings_core::{
    BlogSettings, CommentStatus, CommentsAllowed, FeedContent, Moderation, PostComments, PostKind,
};

mod batch;
mod embeds;
mod gadgets;
mod stream;
mod takeout;
pub mod widgets;

pub use self::batch::BloggerPlan;
pub use self::stream::{BloggerOutline, outline, stream};

use crate::xml::{Elem, read_records};
use crate::{ParseError, dedup_labels, one_line};

const KIND_SCHEME: &str = "http://schemas.google.com/g/2005#kind";
const KIND_PREFIX: &str = "http://schemas.google.com/blogger/2008/kind#";
const LABEL_SCHEME: &str = "http://www.blogger.com/atom/ns#";

/// Which of Blogger's exports a file is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BloggerFormat {
    /// "Back up content": entries told apart by a `#kind` category.
    #[default]
    BackUp,
    /// Google Takeout's `feed.atom`: entries with `blogger:type`.
    Takeout,
}

/// A Blogger export, read.
#[derive(Debug, Clone, Default)]
pub struct BloggerExport {
    pub format: BloggerFormat,
    /// `BLOG_NAME`, `BLOG_TIME_ZONE`… with their values, in file order.
    pub settings: Vec<(String, String)>,
    /// The blog's template, kept aside: Tidings does not run Blogger themes.
    pub template: Option<String>,
    /// The sidebar made of the template's widgets; `None` without a
    /// template, or when none of its widgets could be carried.
    pub layout: Option<Vec<tidings_core::gadget::Gadget>>,
    /// The template's Header picture, when it shows one.
    pub header_image: Option<tidings_core::HeaderImage>,
    pub posts: Vec<BloggerPost>,
    pub comments: Vec<BloggerComment>,
    /// Quirks tolerated while reading, one line each.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BloggerPost {
    /// The number after `.post-` or `.page-` in the entry id.
    pub id: String,
    pub kind: PostKind,
    pub title: String,
    /// Its body, embedded players made links (`embeds`).
    pub html: String,
    pub labels: Vec<String>,
    pub draft: bool,
    /// In Blogger's trash (Takeout's `SOFT_TRASHED`): not imported.
    pub trashed: bool,
    pub published: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The public URL (`rel="alternate"`) or path (`blogger:filename`);
    /// drafts have none.
    pub url: Option<String>,
    pub author: String,
    /// The author's address, when Blogger gave a real one (it usually says
    /// `noreply@blogger.com`).
    pub author_email: Option<String>,
    /// The post's search description (`<summary>`); empty for none.
    pub description: String,
    /// Its reader comments setting, when the export says it
    /// (`blogger:readerComments`, as Blogger's API names it).
    pub comments: Option<PostComments>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BloggerComment {
    pub id: String,
    /// The id of the post or page it belongs to.
    pub post: String,
    /// The id of the comment it replies to, when Blogger recorded one.
    pub parent: Option<String>,
    pub author: String,
    pub author_url: Option<String>,
    pub html: String,
    pub published: DateTime<Utc>,
    /// Published, or (Blogger keeps removed comments as placeholders)
    /// deleted; Takeout also has held and spam ones.
    pub status: CommentStatus,
    /// Takeout's author type (`BLOGGER`, `ANONYMOUS`…), when given.
    pub author_kind: Option<String>,
}

/// Reads a Blogger export, held whole: "Back up content" or Takeout's
/// `feed.atom`.
pub fn parse(bytes: &[u8]) -> Result<BloggerExport, ParseError> {
    read(bytes, |_| Ok(()))
}

/// Reads a Blogger export from `input`, calling `take` after each entry
/// with the export read so far: what `take` leaves in it is kept, so an
/// import can take each post and comment as it comes and hold none.
fn read(
    input: impl std::io::Read,
    mut take: impl FnMut(&mut BloggerExport) -> Result<(), ParseError>,
) -> Result<BloggerExport, ParseError> {
    let mut export = BloggerExport::default();
    let mut feed_title = None;
    // The first post's named author, for the template's Profile widget:
    // found as the posts pass, since `take` may keep none of them.
    let mut author = None;
    let outline = read_records(input, 1, |_, e| {
        if e.is("atom", "entry") {
            if e.child("blogger", "type").is_some() {
                export.format = BloggerFormat::Takeout;
                takeout::entry(&mut export, &e)?;
            } else {
                entry(&mut export, &e)?;
            }
            if author.is_none() {
                author = export.posts.last().map(|p| p.author.clone()).filter(|a| {
                    a != tidings_core::comment::ANONYMOUS && !a.eq_ignore_ascii_case("unknown")
                });
            }
            take(&mut export)
        } else {
            if e.is("atom", "title") {
                feed_title = Some(one_line(&e.text));
            }
            Ok(())
        }
    })?;
    if !outline.root.is("atom", "feed") {
        return Err(ParseError::at(
            outline.root.line,
            format!(
                "this is not a Blogger export: its root is <{}>, not an Atom <feed>",
                outline.root.name
            ),
        ));
    }
    // Takeout has no settings entries: the feed's title is the blog's.
    if export.format == BloggerFormat::Takeout
        && !export.settings.iter().any(|(k, _)| k == "BLOG_NAME")
        && let Some(title) = feed_title.filter(|t| !t.is_empty())
    {
        export.settings.push(("BLOG_NAME".into(), title));
    }
    export.read_widgets(author.as_deref());
    let mut notes = outline.notes;
    notes.append(&mut export.notes);
    export.notes = notes;
    Ok(export)
}

impl BloggerExport {
    /// The template's widgets as gadgets, the Header's picture, and its
    /// title and description where the settings entries lack them. A template that
    /// will not read is a note, not a failed import: the posts matter more.
    fn read_widgets(&mut self, author: Option<&str>) {
        let Some(template) = &self.template else {
            return;
        };
        let widgets = match widgets::read(template) {
            Ok(widgets) => widgets,
            Err(e) => {
                self.notes.push(format!(
                    "the template's widgets were not read ({e}): the sidebar is left as it is"
                ));
                return;
            }
        };
        let mut carried = gadgets::carry(&widgets, author);
        self.notes.extend(carried.notes);
        let most = tidings_core::gadget::MAX_GADGETS;
        if carried.gadgets.len() > most {
            self.notes.push(format!(
                "the sidebar keeps the first {most} of the template's {} gadgets",
                carried.gadgets.len()
            ));
            carried.gadgets.truncate(most);
        }
        for (name, value) in [
            ("BLOG_NAME", carried.title),
            ("BLOG_DESCRIPTION", carried.description),
        ] {
            if let Some(value) = value
                && !self.settings.iter().any(|(n, _)| n == name)
            {
                self.settings.push((name.to_owned(), value));
            }
        }
        if !carried.gadgets.is_empty() {
            self.layout = Some(carried.gadgets);
        }
        self.header_image = carried.header_image;
    }
}

/// The number after the last `.post-`, `.page-` or `post-` in an id or ref.
fn number_after(id: &str) -> Option<String> {
    let at = ["post-", "page-"]
        .iter()
        .filter_map(|m| id.rfind(m).map(|i| i + m.len()))
        .max()?;
    let n: String = id[at..].chars().take_while(char::is_ascii_digit).collect();
    (!n.is_empty()).then_some(n)
}

fn kind_of(e: &Elem) -> Option<String> {
    e.all("atom", "category")
        .find(|c| c.attr("scheme") == Some(KIND_SCHEME))
        .and_then(|c| c.attr("term"))
        .map(|t| t.strip_prefix(KIND_PREFIX).unwrap_or(t).to_owned())
}

fn time(e: &Elem, name: &str) -> Result<Option<DateTime<Utc>>, ParseError> {
    time_in(e, "atom", name)
}

/// The time in child `ns:name`; `None` when it is missing or empty.
fn time_in(e: &Elem, ns: &str, name: &str) -> Result<Option<DateTime<Utc>>, ParseError> {
    let Some(c) = e.child(ns, name).filter(|c| !c.text.trim().is_empty()) else {
        return Ok(None);
    };
    DateTime::parse_from_rfc3339(c.text.trim())
        .map(|t| Some(t.with_timezone(&Utc)))
        .map_err(|_| {
            ParseError::at(
                c.line,
                format!("<{name}> {:?} is not an RFC 3339 time", c.text.trim()),
            )
        })
}

fn link<'a>(e: &'a Elem, rel: &str) -> Option<&'a str> {
    e.all("atom", "link")
        .filter(|l| l.attr("rel") == Some(rel))
        .find(|l| rel != "alternate" || l.attr("type").is_none_or(|t| t == "text/html"))
        .and_then(|l| l.attr("href"))
}

/// The entry author's e-mail address, unless it is Blogger's placeholder.
fn author_email(e: &Elem) -> Option<String> {
    e.child("atom", "author")
        .and_then(|a| a.text_of("atom", "email"))
        .map(str::trim)
        .filter(|m| m.contains('@') && !m.eq_ignore_ascii_case("noreply@blogger.com"))
        .map(str::to_owned)
}

fn author(e: &Elem) -> (String, Option<String>) {
    let a = e.child("atom", "author");
    let name = a
        .and_then(|a| a.text_of("atom", "name"))
        .map(one_line)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| tidings_core::comment::ANONYMOUS.to_owned());
    // Checked with every import's commenter addresses (`tidings_app::import`).
    let uri = a.and_then(|a| a.text_of("atom", "uri")).map(str::to_owned);
    (name, uri)
}

/// An entry of the "Back up content" export: a setting, the template, a
/// post or page, or a comment, told by its kind category (or, in older
/// exports, by its id).
fn entry(export: &mut BloggerExport, e: &Elem) -> Result<(), ParseError> {
    let id = e.text_of("atom", "id").unwrap_or_default().to_owned();
    let kind = kind_of(e).unwrap_or_else(|| {
        // Older exports without the kind category: tell by the id.
        if id.contains(".settings.") {
            "settings".into()
        } else if id.contains(".layout") || id.contains(".template") {
            "template".into()
        } else if e.child("thr", "in-reply-to").is_some() {
            "comment".into()
        } else if id.contains(".page-") {
            "page".into()
        } else {
            "post".into()
        }
    });
    let content = e.child("atom", "content").map(|c| c.text.clone());
    match kind.as_str() {
        "settings" => {
            let name = id.rsplit(".settings.").next().unwrap_or_default();
            if !name.is_empty() && name != id {
                export.settings.push((
                    name.to_owned(),
                    content.unwrap_or_default().trim().to_owned(),
                ));
            }
        }
        "template" => export.template = content,
        "post" | "page" => export.posts.push(post_entry(
            e,
            &id,
            &kind,
            embeds::as_links(&content.unwrap_or_default()),
        )?),
        "comment" => export
            .comments
            .push(comment_entry(e, &id, content.unwrap_or_default())?),
        other => export.notes.push(format!(
            "skipped: an entry of kind {other:?} (line {})",
            e.line
        )),
    }
    Ok(())
}

/// A `post` or `page` entry (`kind`) of the "Back up content" export.
fn post_entry(e: &Elem, id: &str, kind: &str, html: String) -> Result<BloggerPost, ParseError> {
    let number = number_after(id).ok_or_else(|| {
        ParseError::at(e.line, format!("a {kind} entry without a post id: {id:?}"))
    })?;
    let published = time(e, "published")?
        .ok_or_else(|| ParseError::at(e.line, format!("{kind} {number} has no <published>")))?;
    let draft = e
        .child("app", "control")
        .and_then(|c| c.text_of("app", "draft"))
        .is_some_and(|d| d.eq_ignore_ascii_case("yes"));
    Ok(BloggerPost {
        id: number,
        kind: if kind == "page" {
            PostKind::Page
        } else {
            PostKind::Post
        },
        title: one_line(e.text_of("atom", "title").unwrap_or_default()),
        html,
        labels: dedup_labels(
            e.all("atom", "category")
                .filter(|c| c.attr("scheme") == Some(LABEL_SCHEME))
                .filter_map(|c| c.attr("term"))
                .map(str::to_owned),
        ),
        draft,
        trashed: false,
        updated: time(e, "updated")?.unwrap_or(published),
        published,
        url: if draft {
            None
        } else {
            link(e, "alternate").map(str::to_owned)
        },
        author: author(e).0,
        author_email: author_email(e),
        description: crate::description(e.text_of("atom", "summary").unwrap_or_default()),
        comments: reader_comments(e),
    })
}

/// A post's `blogger:readerComments`, in the words of Blogger's API:
/// `ALLOW`, `DONT_ALLOW_SHOW_EXISTING` (closed), `DONT_ALLOW_HIDE_EXISTING`
/// (hidden). Neither of Blogger's own exports has been seen to carry it;
/// ours writes it so a move through Blogger's format keeps each post's.
fn reader_comments(e: &Elem) -> Option<PostComments> {
    match e
        .text_of("blogger", "readerComments")?
        .to_ascii_uppercase()
        .as_str()
    {
        "ALLOW" => Some(PostComments::Open),
        "DONT_ALLOW_SHOW_EXISTING" => Some(PostComments::Closed),
        "DONT_ALLOW_HIDE_EXISTING" => Some(PostComments::Hidden),
        _ => None,
    }
}

/// A comment entry of the "Back up content" export: its post from
/// `thr:in-reply-to`, its own id and its parent's from the edit and related
/// links.
fn comment_entry(e: &Elem, id: &str, html: String) -> Result<BloggerComment, ParseError> {
    let post = e
        .child("thr", "in-reply-to")
        .and_then(|r| r.attr("ref"))
        .and_then(number_after)
        .ok_or_else(|| {
            ParseError::at(
                e.line,
                "a comment without <thr:in-reply-to ref=\"…post-ID\">".to_owned(),
            )
        })?;
    // The edit link ends in the comment's own id; the entry id too.
    let id = link_number(e, "edit")
        .or_else(|| number_after(id))
        .ok_or_else(|| ParseError::at(e.line, format!("a comment without an id: {id:?}")))?;
    let parent = link_number(e, "related");
    let (author, author_url) = author(e);
    let removed = e.all("gd", "extendedProperty").any(|p| {
        p.attr("name") == Some("blogger.contentRemoved") && p.attr("value") == Some("true")
    });
    Ok(BloggerComment {
        id,
        post,
        parent,
        author,
        author_url,
        html,
        published: time(e, "published")?
            .ok_or_else(|| ParseError::at(e.line, "a comment without <published>"))?,
        status: if removed {
            CommentStatus::Deleted
        } else {
            CommentStatus::Published
        },
        author_kind: None,
    })
}

/// The number a link `rel` ends in (`…/comments/default/123`).
fn link_number(e: &Elem, rel: &str) -> Option<String> {
    link(e, rel)
        .and_then(|h| h.rsplit('/').next())
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
}

/// A post or comment id given as `tag:…post-N`, `…page-N` or just `N`.
fn post_number(s: &str) -> Option<String> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(s.to_owned());
    }
    number_after(s)
}

impl BloggerExport {
    /// The blog's settings with what the export says applied, or `None` when
    /// it carries none we keep.
    pub fn settings_for(&self, blog: &BlogSettings) -> (Option<BlogSettings>, Vec<String>) {
        let mut s = blog.clone();
        let mut notes = Vec::new();
        let mut max_unit_posts = true;
        for (name, value) in &self.settings {
            if name == "BLOG_MAX_UNIT" {
                max_unit_posts = value.eq_ignore_ascii_case("POSTS");
            }
        }
        for (name, value) in &self.settings {
            let v = value.trim();
            let upper = v.to_ascii_uppercase();
            match name.as_str() {
                "BLOG_NAME" if !v.is_empty() => s.title = one_line(v),
                "BLOG_DESCRIPTION" => s.description = v.to_owned(),
                // Blogger's "Custom robots.txt" (Settings, Crawlers and indexing).
                "BLOG_CUSTOM_ROBOTS_TXT" => s.robots_txt = value.clone(),
                "BLOG_LOCALE" if !v.is_empty() => match tidings_core::parse_language(v) {
                    Ok(tag) => s.language = tag,
                    Err(e) => notes.push(format!("setting {name} ignored: {e}")),
                },
                "BLOG_TIME_ZONE" if !v.is_empty() => match tidings_core::parse_timezone(v) {
                    Ok(tz) => s.timezone = tz,
                    Err(e) => notes.push(format!("setting {name} ignored: {e}")),
                },
                "BLOG_MAX_NUM" if max_unit_posts => match v.parse::<u32>() {
                    Ok(n) if (1..=BlogSettings::MAX_POSTS_PER_PAGE).contains(&n) => {
                        s.posts_per_page = n
                    }
                    _ => notes.push(format!("setting {name} ignored: {v:?}")),
                },
                // Blogger writes "Always" as ENABLED and "Never" as DISABLED.
                "BLOG_COMMENT_MODERATION" => match upper.as_str() {
                    "ENABLED" | "ALWAYS" | "YES" | "TRUE" => {
                        s.comment_moderation = Moderation::Always
                    }
                    "DISABLED" | "NEVER" | "NO" | "FALSE" | "" => {
                        s.comment_moderation = Moderation::Never
                    }
                    _ if upper.contains("DATE")
                        || upper.contains("DAYS")
                        || upper.contains("OLDER") =>
                    {
                        s.comment_moderation = Moderation::OlderThan
                    }
                    _ => notes.push(format!("setting {name} ignored: {v:?}")),
                },
                "BLOG_COMMENT_MODERATION_DELAY" => match v.parse::<u32>() {
                    Ok(n) if n <= BlogSettings::MAX_MODERATION_DAYS => s.moderation_days = n,
                    _ => notes.push(format!("setting {name} ignored: {v:?}")),
                },
                // "Allow blog feed": FULL, or SHORT (Blogger's "Until Jump
                // Break" and its older summaries); NONE has no match here,
                // where every blog has feeds.
                "BLOG_POST_FEED" => match upper.as_str() {
                    "FULL" => s.feed_content = FeedContent::Full,
                    "SHORT" | "JUMP" | "JUMPBREAK" | "UNTIL_JUMP_BREAK" => {
                        s.feed_content = FeedContent::UntilBreak
                    }
                    _ => notes.push(format!("setting {name} ignored: {v:?}")),
                },
                "BLOG_COMMENT_ACCESS" => match upper.as_str() {
                    "ANYONE" | "ANYBODY" | "ALL" => s.comments_allowed = CommentsAllowed::Anyone,
                    "NONE" | "NOBODY" | "HIDE" => s.comments_allowed = CommentsAllowed::Nobody,
                    _ => s.comments_allowed = CommentsAllowed::SignedIn,
                },
                _ => {}
            }
        }
        if let Some(picture) = &self.header_image {
            s.header_image = picture.clone();
        }
        if s.validate().is_err() {
            notes.push("the export's blog settings were not kept: they do not fit".into());
            return (None, notes);
        }
        ((s != *blog).then_some(s), notes)
    }
}

/// `(slug, path)` when `path` is one Tidings serves as it is: `/YYYY/MM/x.html`
/// or `/p/x.html`.
pub(crate) fn served_path(path: &str) -> Option<(String, String)> {
    let path = path.split('?').next()?;
    let parts: Vec<&str> = path.split('/').collect();
    let file = match parts.as_slice() {
        ["", y, m, file]
            if y.len() == 4
                && m.len() == 2
                && y.bytes().all(|b| b.is_ascii_digit())
                && m.bytes().all(|b| b.is_ascii_digit()) =>
        {
            file
        }
        ["", "p", file] => file,
        _ => return None,
    };
    let slug = file.strip_suffix(".html").filter(|s| !s.is_empty())?;
    Some((slug.to_owned(), path.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths() {
        assert_eq!(
            number_after("tag:blogger.com,1999:blog-123.post-456").as_deref(),
            Some("456")
        );
        assert_eq!(
            number_after("tag:blogger.com,1999:blog-123.page-9").as_deref(),
            Some("9")
        );
        assert_eq!(number_after("tag:blogger.com,1999:blog-123"), None);
        assert_eq!(
            served_path("/2014/05/a-b.html"),
            Some(("a-b".into(), "/2014/05/a-b.html".into()))
        );
        assert_eq!(
            served_path("/p/about.html"),
            Some(("about".into(), "/p/about.html".into()))
        );
        assert_eq!(served_path("/about/"), None);
        assert_eq!(served_path("/2014/5/a.html"), None);
    }
}
