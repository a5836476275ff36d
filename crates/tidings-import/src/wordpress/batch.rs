//! What an import makes of a read WordPress export: posts at Tidings paths
//! with their old addresses as redirects, comments as plain text,
//! attachments recorded with their URLs.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use tidings_core::gadget::Gadget;
use tidings_core::{BlogSettings, PostKind, post_path, slugify};
use tidings_render::html_to_text;
use tidings_store::{ImportAttachment, ImportBatch, ImportComment, ImportHead, ImportPost};

use super::convert::{self, Library, Unknown};
use super::menus::{self, Target};
use super::{WxrAttachment, WxrComment, WxrExport, WxrItem, WxrStatus, content};
use crate::{comment_text, url_path};

impl WxrExport {
    /// The batch the store writes into `blog`, and notes for the owner.
    pub fn to_batch(&self, blog: &BlogSettings) -> (ImportBatch, Vec<String>) {
        let (head, mut notes) = self.head(blog);
        let now = Utc::now();
        let mut posts = Vec::new();
        let mut comments = Vec::new();
        let mut items = Items::new(self, blog, now);
        for item in &self.items {
            let (post, its_comments) = items.item(item, &mut notes);
            posts.push(post);
            comments.extend(its_comments);
        }
        let gadgets = items.finish(&mut notes);
        let attachments = (self.attachments.iter())
            .map(|a| import_attachment(a, now))
            .collect();
        let batch = ImportBatch {
            blog_id: head.blog_id,
            source: head.source,
            settings: head.settings,
            posts,
            comments,
            attachments,
            held_comment_mail: head.held_comment_mail,
            layout: None,
            gadgets,
        };
        (batch, notes)
    }

    /// What the store writes into `blog` before the items (the channel's
    /// title, description and language), and notes for the owner; the
    /// export's items need not be held.
    pub fn head(&self, blog: &BlogSettings) -> (ImportHead, Vec<String>) {
        let mut notes = Vec::new();
        for (kind, n) in &self.skipped {
            notes.push(format!("skipped: {n} items of type {kind}"));
        }
        let mut settings = blog.clone();
        if !self.title.is_empty() {
            settings.title = self.title.clone();
        }
        settings.description = self.description.clone();
        match self.language.as_deref().map(tidings_core::parse_language) {
            Some(Ok(tag)) => settings.language = tag,
            Some(Err(e)) => notes.push(format!("the channel's language was not kept: {e}")),
            None => {}
        }
        let settings = (settings != *blog && settings.validate().is_ok()).then_some(settings);
        let head = ImportHead {
            blog_id: blog.id,
            source: "wordpress",
            settings,
            held_comment_mail: Vec::new(),
            layout: None,
        };
        (head, notes)
    }
}

/// How each item becomes the store's, from what a first reading of the
/// export kept (its attachments, nav menus and categories): shortcodes
/// converted and featured images found with the attachments at hand, the
/// unknown shortcodes counted, and where the posts the menus name went.
pub(super) struct Items<'a> {
    export: &'a WxrExport,
    library: Library<'a>,
    unknown: Unknown,
    blog: &'a BlogSettings,
    /// The date of an item that has none.
    now: DateTime<Utc>,
    /// The `post_id`s the nav menus point at.
    menu_posts: HashSet<&'a str>,
    /// Where each of those is here and its title, as the items pass.
    places: HashMap<String, (String, String)>,
}

impl<'a> Items<'a> {
    /// `export`'s items made for `blog`; its own `items` are not read.
    pub(super) fn new(export: &'a WxrExport, blog: &'a BlogSettings, now: DateTime<Utc>) -> Self {
        let menu_posts = (export.menu_items.iter())
            .filter_map(|m| match &m.target {
                Target::Post(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        Self {
            export,
            library: Library::new(&export.attachments),
            unknown: Unknown::new(),
            blog,
            now,
            menu_posts,
            places: HashMap::new(),
        }
    }

    /// A post or page with its comments, as the store takes them.
    pub(super) fn item(
        &mut self,
        item: &WxrItem,
        notes: &mut Vec<String>,
    ) -> (ImportPost, Vec<ImportComment>) {
        let html = content::converted_html(&item.html, |c| {
            convert::convert(c, &item.id, &self.library, &mut self.unknown)
        });
        let mut post = import_post(item, html, self.blog, self.now, notes);
        if let Some(id) = &item.featured_image {
            post.featured_image = self.featured_image(item, id, notes);
            post.featured_image_html = tidings_render::featured_image(&post.featured_image);
        }
        if self.menu_posts.contains(item.id.as_str()) {
            let place = (post.path.clone(), post.title.clone());
            self.places.insert(item.id.clone(), place);
        }
        let comments = (item.comments.iter())
            .map(|c| import_comment(item, c, post.published_at))
            .collect();
        (post, comments)
    }

    /// The address of the attachment `id`, `item`'s featured image; empty,
    /// with a note, when the file does not hold it.
    fn featured_image(&self, item: &WxrItem, id: &str, notes: &mut Vec<String>) -> String {
        match self.library.attachment(id) {
            Some(a) => a.url.clone(),
            None => {
                notes.push(format!(
                    "{} {} ({:?}): its featured image, attachment {id}, is not in the file",
                    item.kind.as_str(),
                    item.id,
                    item.title
                ));
                String::new()
            }
        }
    }

    /// Once every item was made: the nav menus as gadgets, and a note for
    /// each menu item left out and each shortcode no item's conversion knew.
    pub(super) fn finish(self, notes: &mut Vec<String>) -> Vec<Gadget> {
        let places: menus::Posts<'_> = (self.places.iter())
            .map(|(id, (path, title))| (id.as_str(), (path.as_str(), title.as_str())))
            .collect();
        let gadgets = menus::gadgets(&self.export.menu_items, &places, &self.export.terms, notes);
        notes.extend(self.unknown.iter().map(|(name, n)| {
            format!("shortcode [{name}] ({n} times): no meaning here, its text kept without it")
        }));
        gadgets
    }
}

/// An attachment as the store records it (dated `now` when undated).
pub(super) fn import_attachment(a: &WxrAttachment, now: DateTime<Utc>) -> ImportAttachment {
    ImportAttachment {
        external_id: a.id.clone(),
        url: a.url.clone(),
        title: a.title.clone(),
        post: a.parent.clone(),
        mime_type: a.mime_type.clone(),
        uploaded_at: a.date.unwrap_or(now),
        local_path: None,
    }
}

/// A post or page at a path of ours (dated by `now` when it has no date);
/// a private one becomes a draft, with a note; a password-protected one
/// keeps its password (hashed by `tidings_app::import`).
fn import_post(
    item: &WxrItem,
    html: String,
    blog: &BlogSettings,
    now: DateTime<Utc>,
    notes: &mut Vec<String>,
) -> ImportPost {
    let published_at = item.date.or(item.modified).unwrap_or(now);
    let slug_source = if item.slug.is_empty() {
        &item.title
    } else {
        &item.slug
    };
    let slug = slugify(slug_source);
    let path = post_path(item.kind, published_at, blog.timezone, &slug);
    let redirects = old_addresses(item, &path);
    let private = matches!(item.status, WxrStatus::Private);
    if private {
        notes.push(format!(
            "{} {} ({:?}) was private: imported as a draft",
            item.kind.as_str(),
            item.id,
            item.title
        ));
    }
    notes.extend(crate::too_deep_note(
        format_args!("{} {} ({:?})", item.kind.as_str(), item.id, item.title),
        &html,
    ));
    let (body_html, teaser_html) = content::stored_body(&html);
    ImportPost {
        external_id: item.id.clone(),
        id: None,
        kind: item.kind,
        title: item.title.clone(),
        slug,
        path,
        exact_path: false,
        body_markdown: None,
        body_html,
        teaser_html,
        body_text: html_to_text(&html),
        labels: item.labels.clone(),
        draft: private || matches!(item.status, WxrStatus::Draft | WxrStatus::Pending),
        published_at,
        updated_at: item.modified.unwrap_or(published_at),
        author_name: if item.author.is_empty() {
            "Unknown".into()
        } else {
            item.author.clone()
        },
        author_aliases: [Some(&item.author_login), item.author_email.as_ref()]
            .into_iter()
            .flatten()
            .filter(|a| !a.is_empty())
            .cloned()
            .collect(),
        redirects,
        parent: item.parent.clone(),
        menu_order: item.menu_order,
        sticky: item.sticky && item.kind == PostKind::Post,
        description: item.excerpt.clone(),
        noindex: false,
        comments: item.comment_status,
        password_hash: item.password.clone(),
        featured_image: String::new(),
        featured_image_html: String::new(),
    }
}

/// Every old address of `item` that is not its new `path`, once each: its
/// permalink, a `/?…` guid, `/?p=ID` and, for a page, `/?page_id=ID`.
fn old_addresses(item: &WxrItem, path: &str) -> Vec<String> {
    let mut redirects = Vec::new();
    let mut old = |p: Option<String>| {
        if let Some(p) = p.filter(|p| *p != path && p != "/" && !redirects.contains(p)) {
            redirects.push(p);
        }
    };
    old(item.link.as_deref().and_then(url_path));
    old(item
        .guid
        .as_deref()
        .and_then(url_path)
        .filter(|p| p.starts_with("/?")));
    old(Some(format!("/?p={}", item.id)));
    if item.kind == PostKind::Page {
        old(Some(format!("/?page_id={}", item.id)));
    }
    redirects
}

/// A comment of `item`, as plain text (dated as its post when undated).
fn import_comment(item: &WxrItem, c: &WxrComment, published_at: DateTime<Utc>) -> ImportComment {
    // The text is made from the markup kept, when some is: what an export
    // writes and a later import reads again.
    let markup = tidings_render::comment_markup(&c.body);
    ImportComment {
        external_id: c.id.clone(),
        id: None,
        post: item.id.clone(),
        parent: c.parent.clone(),
        author_name: if c.author.is_empty() {
            tidings_core::comment::ANONYMOUS.to_owned()
        } else {
            c.author.clone()
        },
        author_email: c.email.clone(),
        author_url: c.url.clone(),
        body: comment_text(markup.as_deref().unwrap_or(&c.body)),
        body_html: markup.unwrap_or_default(),
        status: c.status,
        hold_reasons: String::new(),
        created_at: c.date.unwrap_or(published_at),
        member_aliases: c.user_aliases.clone(),
    }
}
