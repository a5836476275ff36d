//! What an import makes of a parsed file: the blog's settings and the
//! store's batch, every id, path and date kept.

use std::io::Read;

use tidings_core::BlogSettings;
use tidings_render::{featured_image, html_to_text, sanitize_html};
use tidings_store::{
    ImportAttachment, ImportBatch, ImportComment, ImportHead, ImportItem, ImportPost,
};

use super::read::{Item, RestoredMedia, blog_record, read};
use super::{AttachmentRecord, BlogRecord, CommentRecord, PostRecord, Record, TidingsExport};
use crate::{ParseError, dedup_labels};

impl TidingsExport {
    /// The export's settings applied to `blog` (whose host stays), when they fit.
    pub fn settings_for(&self, blog: &BlogSettings) -> Result<BlogSettings, ParseError> {
        settings(&self.blog, self.blog_line, blog)
    }

    /// The batch the store writes into `blog`: every id, path and date kept.
    pub fn to_batch(&self, blog: &BlogSettings) -> Result<ImportBatch, ParseError> {
        Ok(ImportBatch {
            blog_id: blog.id,
            source: "tidings",
            settings: Some(self.settings_for(blog)?),
            posts: self.posts.iter().map(import_post).collect(),
            comments: self.comments.iter().map(import_comment).collect(),
            attachments: self.attachments.iter().map(import_attachment).collect(),
            held_comment_mail: Vec::new(),
            layout: None,
            gadgets: Vec::new(),
        })
    }
}

/// What the store writes into `blog` before the items of a file: the
/// settings of its blog record, which is read alone (it is the first).
pub fn head(input: impl Read, blog: &BlogSettings) -> Result<ImportHead, ParseError> {
    let (record, line) = blog_record(input)?;
    Ok(ImportHead {
        blog_id: blog.id,
        source: "tidings",
        settings: Some(settings(&record, line, blog)?),
        held_comment_mail: Vec::new(),
        layout: None,
    })
}

/// Reads a file, handing `send` each post, comment and attachment as it is
/// read; how many uploads it carries, each checked and let go (the uploads
/// are restored from a reading of their own, [`media`], once the import is
/// in). An error of `send` (the writer stopped) stops the reading.
pub fn stream(
    input: impl Read,
    mut send: impl FnMut(ImportItem) -> Result<(), ParseError>,
) -> Result<u64, ParseError> {
    let file = read(input, |item| match item {
        Item::Record(record) => match *record {
            Record::Post(p) => send(ImportItem::Post(Box::new(import_post(&p)))),
            Record::Comment(c) => send(ImportItem::Comment(import_comment(&c))),
            Record::Attachment(a) => send(ImportItem::Attachment(import_attachment(&a))),
            _ => Ok(()),
        },
        Item::Media(_) => Ok(()),
    })?;
    Ok(file.media)
}

/// Reads a file once more, handing `restore` each upload, checked, as it
/// is read, so no more than one is held. An error of `restore` stops the
/// reading.
pub fn media(
    input: impl Read,
    mut restore: impl FnMut(RestoredMedia) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    read(input, |item| match item {
        Item::Media(m) => restore(m),
        Item::Record(_) => Ok(()),
    })?;
    Ok(())
}

/// The settings of blog record `b` (on `line`) applied to `blog` (whose
/// host stays), when they fit.
fn settings(b: &BlogRecord, line: u64, blog: &BlogSettings) -> Result<BlogSettings, ParseError> {
    let timezone = tidings_core::parse_timezone(&b.timezone)
        .map_err(|e| ParseError::at(line, e.to_string()))?;
    let s = BlogSettings {
        title: b.title.clone(),
        description: b.description.clone(),
        timezone,
        posts_per_page: b.posts_per_page,
        comments_allowed: b.comments_allowed,
        comment_moderation: b.comment_moderation,
        moderation_days: b.moderation_days,
        comment_min_seconds: b.comment_min_seconds,
        language: b.language.clone(),
        robots_txt: b.robots_txt.clone(),
        share_image: b.share_image.clone(),
        favicon: b.favicon.clone(),
        feed_content: b.feed_content,
        default_comments: b.default_comments,
        header_image: b.header_image.clone(),
        ..blog.clone()
    };
    s.validate().map_err(|(_, why)| ParseError::at(line, why))?;
    Ok(s)
}

/// A post as the store takes it: its id, path and dates kept.
fn import_post(p: &PostRecord) -> ImportPost {
    ImportPost {
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
        teaser_html: teaser(p),
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
        description: crate::description(&p.description),
        noindex: p.noindex,
        comments: p.comments,
        password_hash: p.password_hash.clone(),
        featured_image: p.featured_image.clone(),
        featured_image_html: featured_image(&p.featured_image),
    }
}

fn import_comment(c: &CommentRecord) -> ImportComment {
    ImportComment {
        external_id: c.id.to_string(),
        id: Some(c.id),
        post: c.post_id.to_string(),
        parent: c.parent.map(|p| p.to_string()),
        author_name: c.author.clone(),
        author_email: c.author_email.clone(),
        author_url: c.author_url.clone(),
        body: c.body.clone(),
        body_html: tidings_render::comment_markup(&c.body_html).unwrap_or_default(),
        status: c.status,
        hold_reasons: c.hold_reasons.clone(),
        created_at: c.created_at,
        member_aliases: c.member.clone(),
    }
}

fn import_attachment(a: &AttachmentRecord) -> ImportAttachment {
    ImportAttachment {
        external_id: a.id.to_string(),
        url: a.url.clone(),
        title: a.title.clone(),
        post: a.post_id.map(|p| p.to_string()),
        mime_type: a.mime_type.clone(),
        uploaded_at: a.uploaded_at,
        local_path: a.local_path.clone(),
    }
}

/// What list pages show of `p`: its own teaser when the file has one (a
/// post whose summary came from front matter), else cut from its body.
fn teaser(p: &PostRecord) -> String {
    if p.teaser_html.trim().is_empty() {
        tidings_render::teaser(&sanitize_html(&p.body_html)).unwrap_or_default()
    } else {
        sanitize_html(&p.teaser_html)
    }
}
