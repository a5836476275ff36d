//! Writing a blog in our format.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::Utc;
use tidings_core::BlogSettings;
use tidings_store::{ExportSnapshot, Media};

use super::{
    AttachmentRecord, BlogRecord, CommentRecord, EndRecord, MediaFileRecord, MediaRecord,
    PostRecord, Record, VERSION,
};

/// Writes the whole blog to `out` in our format, its uploads with the bytes
/// of each file (`media`: each upload with its files' bytes, in the order of
/// its `files`); notes on what it leaves out (only characters our import
/// refuses: see `export::writable`).
pub fn export(
    blog: &BlogSettings,
    snap: &ExportSnapshot,
    media: &[(Media, Vec<Vec<u8>>)],
    out: &mut impl std::io::Write,
) -> std::io::Result<Vec<String>> {
    let (blog, snap, notes) = crate::export::writable(blog, snap);
    let (blog, snap) = (&*blog, &*snap);
    let mut text = crate::export::buffer();
    let mut line = |r: &Record| {
        // Serialising plain structs of strings and numbers cannot fail.
        text.push_str(&serde_json::to_string(r).unwrap_or_default());
        text.push('\n');
        crate::export::spill(&mut text, out)
    };
    line(&Record::Blog(blog_record(blog)))?;
    for p in &snap.posts {
        line(&Record::Post(post_record(p)))?;
    }
    for c in &snap.comments {
        line(&Record::Comment(comment_record(c)))?;
    }
    for a in &snap.attachments {
        line(&Record::Attachment(AttachmentRecord {
            id: numeric_id(&a.external_id),
            post_id: a.post.as_deref().map(numeric_id),
            url: a.url.clone(),
            title: a.title.clone(),
            mime_type: a.mime_type.clone(),
            uploaded_at: a.uploaded_at,
            local_path: a.local_path.clone(),
        }))?;
    }
    for (m, bytes) in media {
        line(&Record::Media(media_record(m, bytes)))?;
    }
    line(&Record::End(EndRecord {
        posts: snap.posts.len() as u64,
        comments: snap.comments.len() as u64,
        attachments: snap.attachments.len() as u64,
        media: media.len() as u64,
    }))?;
    out.write_all(text.as_bytes())?;
    Ok(notes)
}

/// A stored id from the snapshot's external id (ours are numbers).
fn numeric_id(external: &str) -> i64 {
    external.parse::<i64>().unwrap_or_default()
}

fn post_record(p: &tidings_store::ImportPost) -> PostRecord {
    PostRecord {
        id: p.id.unwrap_or_else(|| numeric_id(&p.external_id)),
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
        parent: p.parent.as_deref().map(numeric_id),
        menu_order: p.menu_order,
        sticky: p.sticky,
        description: p.description.clone(),
        noindex: p.noindex,
        teaser_html: p.teaser_html.clone(),
        comments: p.comments,
        password_hash: p.password_hash.clone(),
        featured_image: p.featured_image.clone(),
    }
}

fn comment_record(c: &tidings_store::ImportComment) -> CommentRecord {
    CommentRecord {
        id: c.id.unwrap_or_else(|| numeric_id(&c.external_id)),
        post_id: numeric_id(&c.post),
        parent: c.parent.as_deref().map(numeric_id),
        author: c.author_name.clone(),
        author_email: c.author_email.clone(),
        author_url: c.author_url.clone(),
        body: c.body.clone(),
        body_html: c.body_html.clone(),
        status: c.status,
        hold_reasons: c.hold_reasons.clone(),
        created_at: c.created_at,
        member: c.member_aliases.clone(),
    }
}

/// An upload with every file's bytes, the original first, as an import
/// expects.
fn media_record(m: &Media, bytes: &[Vec<u8>]) -> MediaRecord {
    let mut files: Vec<_> = m.files.iter().zip(bytes).collect();
    files.sort_by_key(|(f, _)| f.variant);
    MediaRecord {
        id: m.id,
        alt: m.alt.clone(),
        created_at: m.created_at,
        files: files
            .into_iter()
            .map(|(f, bytes)| MediaFileRecord {
                path: f.path.clone(),
                mime_type: f.mime_type.clone(),
                width: f.width,
                height: f.height,
                variant: f.variant,
                data: BASE64.encode(bytes),
            })
            .collect(),
    }
}

/// The blog's record: its settings, and when and which version wrote it.
fn blog_record(blog: &BlogSettings) -> BlogRecord {
    BlogRecord {
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
        language: blog.language.clone(),
        robots_txt: blog.robots_txt.clone(),
        share_image: blog.share_image.clone(),
        favicon: blog.favicon.clone(),
        default_comments: blog.default_comments,
        feed_content: blog.feed_content,
        header_image: blog.header_image.clone(),
    }
}
