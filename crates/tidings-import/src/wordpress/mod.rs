//! WordPress's export (WXR 1.0 to 1.2, `http://` or `https://` namespaces):
//! an RSS channel whose items are posts, pages, attachments and menu items,
//! with their comments inside.
//!
//! Posts and pages get Tidings paths (`/YYYY/MM/slug.html`, `/p/slug.html`);
//! every old address (the item's `<link>`, which for a child page is the
//! hierarchical `/parent/child/`, `/?p=ID`, `/?page_id=ID`) becomes a
//! redirect to the new one. Pages keep their parent and menu order, posts
//! their stickiness; attachments are recorded with their URLs (fetching the
//! files is the binary's `--fetch-media`). Authors whose login or e-mail is a
//! member of the blog become that member, and so do the comments the
//! site's users wrote (`wp:comment_user_id`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use tidings_core::{CommentStatus, PostComments, PostKind};

use crate::xml::{Elem, read_records};

mod batch;
mod content;
pub(crate) mod convert;
mod menus;
mod shortcodes;
mod stream;
mod terms;

pub use self::stream::{WxrOutline, outline, stream};

pub use self::content::autop;
pub use self::menus::{MenuItem, Target};
use self::terms::Terms;
use crate::{ParseError, dedup_labels, one_line};

/// A WordPress export, read.
#[derive(Debug, Clone, Default)]
pub struct WxrExport {
    pub title: String,
    pub description: String,
    /// The channel's `<language>` (WordPress writes `en-US`, `fr-FR`…).
    pub language: Option<String>,
    pub wxr_version: Option<String>,
    pub items: Vec<WxrItem>,
    pub attachments: Vec<WxrAttachment>,
    /// The nav menus' items, in file order.
    pub menu_items: Vec<MenuItem>,
    /// The channel's categories, for labels' parents and menu items.
    pub(crate) terms: Terms,
    /// Items of types we do not import, by type, with how many.
    pub skipped: Vec<(String, usize)>,
    pub notes: Vec<String>,
}

/// What WordPress says about a post's visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WxrStatus {
    Publish,
    Future,
    Draft,
    Pending,
    Private,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WxrItem {
    pub id: String,
    pub kind: PostKind,
    pub title: String,
    pub link: Option<String>,
    pub guid: Option<String>,
    /// The display name (the login until the channel's authors are read).
    pub author: String,
    pub author_login: String,
    pub author_email: Option<String>,
    pub html: String,
    pub slug: String,
    pub status: WxrStatus,
    /// `wp:post_password` as WordPress keeps it (as typed), or our own
    /// export's hash of it; `None` for a post anyone may read.
    pub password: Option<String>,
    /// `wp:comment_status`: `closed` keeps the comments it has and takes
    /// no more; anything else (`open`, or none given) takes them.
    pub comment_status: PostComments,
    pub sticky: bool,
    /// `excerpt:encoded`: the post's own description; empty for none.
    pub excerpt: String,
    /// `wp:post_parent`, when not `0`.
    pub parent: Option<String>,
    pub menu_order: i64,
    pub date: Option<DateTime<Utc>>,
    pub modified: Option<DateTime<Utc>>,
    pub labels: Vec<String>,
    /// The `post_id` of its featured image's attachment (`_thumbnail_id`).
    pub featured_image: Option<String>,
    pub comments: Vec<WxrComment>,
    pub line: u64,
}

/// An uploaded file (`post_type` `attachment`).
#[derive(Debug, Clone, PartialEq)]
pub struct WxrAttachment {
    pub id: String,
    pub title: String,
    /// `wp:attachment_url`, else the item's `<guid>`.
    pub url: String,
    /// The post or page it was uploaded to.
    pub parent: Option<String>,
    pub date: Option<DateTime<Utc>>,
    /// `wp:post_mime_type`, which some exports carry.
    pub mime_type: Option<String>,
}

/// `comment`, `pingback` or `trackback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WxrCommentType {
    Comment,
    Pingback,
    Trackback,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WxrComment {
    pub id: String,
    pub parent: Option<String>,
    pub author: String,
    pub email: Option<String>,
    pub url: Option<String>,
    pub body: String,
    pub status: CommentStatus,
    pub kind: WxrCommentType,
    pub date: Option<DateTime<Utc>>,
    /// `wp:comment_user_id` when not `0`: one of the site's users wrote it,
    /// signed in (the owner answering a reader, most often).
    pub user_id: Option<String>,
    /// Whom the import looks for among the blog's members for a comment
    /// with a `user_id`: that user's login and e-mail from the channel's
    /// authors, then the e-mail the comment gives (WordPress fills it in
    /// from the signed-in user's account). Empty for a reader's comment.
    pub user_aliases: Vec<String>,
}

/// Reads a WordPress export, held whole.
pub fn parse(bytes: &[u8]) -> Result<WxrExport, ParseError> {
    let mut authors = Authors::default();
    let mut export = read(bytes, &mut authors, |_| Ok(()))?;
    for item in &mut export.items {
        by_author(item, &authors);
    }
    Ok(export)
}

/// The channel's authors (`wp:author`).
#[derive(Debug, Clone, Default)]
struct Authors {
    /// Login → (display name, e-mail).
    by_login: HashMap<String, (String, Option<String>)>,
    /// `wp:author_id` → login: whom a comment's `wp:comment_user_id` names.
    logins: HashMap<String, String>,
}

impl Authors {
    /// A channel's `wp:author`: the login, with the display name, e-mail
    /// and id.
    fn add(&mut self, e: &Elem) {
        let Some(login) = e.text_of("wp", "author_login") else {
            return;
        };
        let name = e
            .text_of("wp", "author_display_name")
            .unwrap_or(login)
            .to_owned();
        let email = e
            .text_of("wp", "author_email")
            .map(str::trim)
            .filter(|m| m.contains('@'))
            .map(str::to_owned);
        if let Some(id) = e.text_of("wp", "author_id").map(str::trim) {
            self.logins.insert(id.to_owned(), login.to_owned());
        }
        self.by_login
            .insert(login.to_owned(), (one_line(&name), email));
    }
}

/// `item` with its author's display name and e-mail from the channel's,
/// and its users' comments with whom the channel says they are.
fn by_author(item: &mut WxrItem, authors: &Authors) {
    if let Some((name, email)) = authors.by_login.get(&item.author_login) {
        item.author = name.clone();
        item.author_email = email.clone();
    }
    for c in &mut item.comments {
        let Some(user) = &c.user_id else { continue };
        let login = authors.logins.get(user);
        let email = login
            .and_then(|l| authors.by_login.get(l))
            .and_then(|(_, email)| email.as_ref());
        c.user_aliases = [login, email, c.email.as_ref()]
            .into_iter()
            .flatten()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
    }
}

/// Reads a WordPress export from `input`, its authors into `authors`,
/// calling `take` after each item with the export read so far: what `take`
/// leaves in it is kept, so an import can take each post as it comes and
/// hold none.
fn read(
    input: impl std::io::Read,
    authors: &mut Authors,
    mut take: impl FnMut(&mut WxrExport) -> Result<(), ParseError>,
) -> Result<WxrExport, ParseError> {
    let mut export = WxrExport::default();
    let mut in_channel = false;
    let outline = read_records(input, 2, |path, e| {
        if path.get(1).map(String::as_str) != Some("channel") {
            return Ok(());
        }
        in_channel = true;
        match (e.ns.as_str(), e.name.as_str()) {
            ("", "title") => export.title = one_line(&e.text),
            ("", "description") => export.description = e.text.trim().to_owned(),
            ("", "language") => export.language = Some(e.text.trim().to_owned()),
            ("wp", "wxr_version") => export.wxr_version = Some(e.text.trim().to_owned()),
            ("wp", "author") => authors.add(&e),
            ("wp", "category") => export.terms.category(&e),
            ("wp", "term") => export.terms.term(&e),
            ("", "item") => {
                export.take_item(&e)?;
                take(&mut export)?;
            }
            _ => {}
        }
        Ok(())
    })?;
    if outline.root.name != "rss" || !in_channel {
        return Err(ParseError::at(
            outline.root.line,
            format!(
                "this is not a WordPress export: its root is <{}>, not an <rss> with a <channel>",
                outline.root.name
            ),
        ));
    }
    if export.wxr_version.is_none() {
        return Err(ParseError::at(
            outline.root.line,
            "this RSS file has no <wp:wxr_version>: it is not a WordPress export",
        ));
    }
    let mut notes = outline.notes;
    notes.append(&mut export.notes);
    export.notes = notes;
    Ok(export)
}

impl WxrExport {
    /// An `<item>`: a post or page, an attachment, or a type we count and skip.
    fn take_item(&mut self, e: &Elem) -> Result<(), ParseError> {
        let kind = match e.text_of("wp", "post_type").unwrap_or("post") {
            "post" => PostKind::Post,
            "page" => PostKind::Page,
            "attachment" => {
                match attachment(e) {
                    Some(a) => self.attachments.push(a),
                    None => self.notes.push(format!(
                        "skipped: the attachment on line {} has no URL",
                        e.line
                    )),
                }
                return Ok(());
            }
            "nav_menu_item" => {
                self.menu_items.extend(menus::item(e));
                return Ok(());
            }
            other => {
                match self.skipped.iter_mut().find(|(t, _)| t == other) {
                    Some((_, n)) => *n += 1,
                    None => self.skipped.push((other.to_owned(), 1)),
                }
                return Ok(());
            }
        };
        if let Some(mut item) = item(e, kind, &self.terms, &mut self.notes)? {
            self.terms.merge_case(&mut item.labels);
            self.items.push(item);
        }
        Ok(())
    }
}

/// A WordPress `YYYY-MM-DD HH:MM:SS`, taken as UTC; `0000-00-00 …` is none.
fn wp_date(s: Option<&str>) -> Option<DateTime<Utc>> {
    let s = s?.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|t| t.and_utc())
}

/// The value of an item's `wp:postmeta` named `key`, when not empty.
fn meta<'a>(e: &'a Elem, key: &str) -> Option<&'a str> {
    e.all("wp", "postmeta")
        .find(|m| m.text_of("wp", "meta_key") == Some(key))
        .and_then(|m| m.text_of("wp", "meta_value"))
}

/// WordPress's way of saying "none" for a parent.
fn parent_of(e: &Elem) -> Option<String> {
    e.text_of("wp", "post_parent")
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "0")
        .map(str::to_owned)
}

fn attachment(e: &Elem) -> Option<WxrAttachment> {
    let url = e
        .text_of("wp", "attachment_url")
        .or_else(|| e.text_of("", "guid"))
        .map(str::trim)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))?;
    Some(WxrAttachment {
        id: e.text_of("wp", "post_id")?.trim().to_owned(),
        title: one_line(e.text_of("", "title").unwrap_or_default()),
        url: url.to_owned(),
        parent: parent_of(e),
        date: wp_date(e.text_of("wp", "post_date_gmt"))
            .or_else(|| wp_date(e.text_of("wp", "post_date"))),
        mime_type: e
            .text_of("wp", "post_mime_type")
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_owned),
    })
}

/// A post or page item with its comments; `None` for one in the trash.
fn item(
    e: &Elem,
    kind: PostKind,
    terms: &Terms,
    notes: &mut Vec<String>,
) -> Result<Option<WxrItem>, ParseError> {
    let id = e
        .text_of("wp", "post_id")
        .ok_or_else(|| ParseError::at(e.line, "an <item> without <wp:post_id>"))?
        .to_owned();
    let Some(status) = item_status(e, kind, &id, notes) else {
        return Ok(None);
    };
    // The GMT date, else the site-local one (zone unknown: taken as UTC),
    // else the RSS date.
    let date = wp_date(e.text_of("wp", "post_date_gmt"))
        .or_else(|| wp_date(e.text_of("wp", "post_date")))
        .or_else(|| {
            e.text_of("", "pubDate")
                .and_then(|d| DateTime::parse_from_rfc2822(d).ok())
                .map(|d| d.with_timezone(&Utc))
        });
    let modified = wp_date(e.text_of("wp", "post_modified_gmt"))
        .or_else(|| wp_date(e.text_of("wp", "post_modified")));
    // A category's parents come with it: their pages list its posts.
    let labels = dedup_labels(
        e.all("", "category")
            .filter(|c| matches!(c.attr("domain"), Some("category" | "post_tag") | None))
            .flat_map(|c| {
                let parents = match (c.attr("domain"), c.attr("nicename")) {
                    (Some("category"), Some(slug)) => terms.ancestors(slug),
                    _ => Vec::new(),
                };
                std::iter::once(c.text.clone()).chain(parents)
            }),
    );
    let comments = e
        .all("wp", "comment")
        .map(comment)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(WxrItem {
        kind,
        title: one_line(e.text_of("", "title").unwrap_or_default()),
        link: e.text_of("", "link").map(str::to_owned),
        guid: e.text_of("", "guid").map(str::to_owned),
        author: e.text_of("dc", "creator").unwrap_or_default().to_owned(),
        author_login: e.text_of("dc", "creator").unwrap_or_default().to_owned(),
        author_email: None,
        html: e
            .child("content", "encoded")
            .map(|c| c.text.clone())
            .unwrap_or_default(),
        slug: percent_decode(e.text_of("wp", "post_name").unwrap_or_default()),
        status,
        password: e
            .child("wp", "post_password")
            .map(|c| c.text.clone())
            .filter(|p| !p.is_empty()),
        comment_status: match e.text_of("wp", "comment_status") {
            Some("closed") => PostComments::Closed,
            _ => PostComments::Open,
        },
        sticky: e.text_of("wp", "is_sticky").map(str::trim) == Some("1"),
        excerpt: crate::description(&crate::comment_text(
            e.text_of("excerpt", "encoded").unwrap_or_default(),
        )),
        parent: parent_of(e),
        menu_order: e
            .text_of("wp", "menu_order")
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0),
        date,
        modified,
        labels,
        featured_image: meta(e, "_thumbnail_id").map(str::to_owned),
        comments,
        line: e.line,
        id,
    }))
}

/// An item's `wp:status`; `None` for the trash, which is skipped with a
/// note, as is a status we do not know (imported as a draft).
fn item_status(e: &Elem, kind: PostKind, id: &str, notes: &mut Vec<String>) -> Option<WxrStatus> {
    Some(match e.text_of("wp", "status").unwrap_or("publish") {
        "publish" => WxrStatus::Publish,
        "future" => WxrStatus::Future,
        "draft" | "auto-draft" => WxrStatus::Draft,
        "pending" => WxrStatus::Pending,
        "private" => WxrStatus::Private,
        "trash" => {
            notes.push(format!("skipped: {} {id} is in the trash", kind.as_str()));
            return None;
        }
        other => {
            notes.push(format!(
                "tolerated: {} {id} has status {other:?}, imported as a draft",
                kind.as_str()
            ));
            WxrStatus::Draft
        }
    })
}

/// A `wp:comment` of an item.
fn comment(c: &Elem) -> Result<WxrComment, ParseError> {
    let Some(cid) = c.text_of("wp", "comment_id") else {
        return Err(ParseError::at(
            c.line,
            "a <wp:comment> without <wp:comment_id>",
        ));
    };
    let status = match c.text_of("wp", "comment_approved").unwrap_or("1") {
        "1" | "approve" | "approved" => CommentStatus::Published,
        "spam" => CommentStatus::Spam,
        "trash" | "post-trashed" => CommentStatus::Deleted,
        _ => CommentStatus::Pending,
    };
    let kind = match c.text_of("wp", "comment_type").unwrap_or("") {
        "pingback" => WxrCommentType::Pingback,
        "trackback" => WxrCommentType::Trackback,
        _ => WxrCommentType::Comment,
    };
    Ok(WxrComment {
        id: cid.to_owned(),
        parent: c
            .text_of("wp", "comment_parent")
            .filter(|p| *p != "0")
            .map(str::to_owned),
        author: one_line(c.text_of("wp", "comment_author").unwrap_or_default()),
        email: c.text_of("wp", "comment_author_email").map(str::to_owned),
        // Checked with every import's commenter addresses
        // (`tidings_app::import`).
        url: c.text_of("wp", "comment_author_url").map(str::to_owned),
        body: c
            .text_of("wp", "comment_content")
            .unwrap_or_default()
            .to_owned(),
        status,
        kind,
        date: wp_date(c.text_of("wp", "comment_date_gmt"))
            .or_else(|| wp_date(c.text_of("wp", "comment_date"))),
        user_id: c
            .text_of("wp", "comment_user_id")
            .map(str::trim)
            .filter(|u| !u.is_empty() && *u != "0")
            .map(str::to_owned),
        // Filled in from the channel's authors (`by_author`).
        user_aliases: Vec::new(),
    })
}

/// `%C3%A9t%C3%A9` → `été`: WordPress stores non-ASCII slugs encoded.
pub(crate) fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let pair = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some((hex(*bytes.get(i + 1)?)?, hex(*bytes.get(i + 2)?)?)))
            .flatten();
        match pair {
            Some((hi, lo)) => {
                out.push(hi * 16 + lo);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_decoded() {
        assert_eq!(percent_decode("%c3%a9t%c3%a9"), "été");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
