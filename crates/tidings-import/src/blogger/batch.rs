//! What an import makes of a read Blogger export: every post at its old
//! path where we serve such a path (else at one of ours, the old one
//! redirecting), ids kept, the trash left out with its comments.

use chrono_tz::Tz;
use tidings_core::{BlogSettings, PostKind, post_path, slugify};
use tidings_render::{html_to_text, sanitize_html};
use tidings_store::{ImportBatch, ImportComment, ImportPost};

use super::{BloggerComment, BloggerExport, BloggerPost, served_path};
use crate::{comment_text, url_path};

impl BloggerExport {
    /// The batch the store writes into `blog`, and notes for the owner.
    pub fn to_batch(&self, blog: &BlogSettings) -> (ImportBatch, Vec<String>) {
        let (settings, mut notes) = self.settings_for(blog);
        let tz = settings.as_ref().unwrap_or(blog).timezone;
        // What the owner put in Blogger's trash stays out, with its comments.
        let trashed: Vec<&str> = self
            .posts
            .iter()
            .filter(|p| p.trashed)
            .map(|p| p.id.as_str())
            .collect();
        notes.extend(self.trash_notes());
        let posts = self
            .posts
            .iter()
            .filter(|p| !p.trashed)
            .map(|p| import_post(p, tz, &mut notes))
            .collect();
        let comments = self
            .comments
            .iter()
            .filter(|c| !trashed.contains(&c.post.as_str()))
            .map(import_comment)
            .collect();
        (
            ImportBatch {
                blog_id: blog.id,
                source: "blogger",
                settings,
                posts,
                comments,
                attachments: Vec::new(),
            },
            notes,
        )
    }

    /// A note for each post in Blogger's trash, with how many comments
    /// stay out with it.
    fn trash_notes(&self) -> Vec<String> {
        self.posts
            .iter()
            .filter(|p| p.trashed)
            .map(|p| {
                let comments = self.comments.iter().filter(|c| c.post == p.id).count();
                format!(
                    "skipped: {} {} ({:?}) is in Blogger's trash{}",
                    p.kind.as_str(),
                    p.id,
                    p.title,
                    match comments {
                        0 => String::new(),
                        1 => ", with its comment".to_owned(),
                        n => format!(", with its {n} comments"),
                    }
                )
            })
            .collect()
    }
}

/// A post at its old path when we serve such a path; else at a path of
/// ours in the blog's zone `tz`, the old address redirecting to it.
fn import_post(p: &BloggerPost, tz: Tz, notes: &mut Vec<String>) -> ImportPost {
    notes.extend(crate::too_deep_note(
        format_args!("{} {} ({:?})", p.kind.as_str(), p.id, p.title),
        &p.html,
    ));
    let title = p.title.clone();
    // A URL (the older export) or a path (Takeout).
    let old = p.url.as_deref().and_then(|u| {
        if u.starts_with('/') {
            Some(u.split('#').next().unwrap_or(u).to_owned())
        } else {
            url_path(u)
        }
    });
    let (slug, path, exact, redirects) = match old.as_deref().and_then(served_path) {
        Some((slug, path)) => (slug, path, true, Vec::new()),
        None => {
            let slug = slugify(if title.is_empty() { &p.id } else { &title });
            let path = post_path(p.kind, p.published, tz, &slug);
            (slug, path, false, old.into_iter().collect())
        }
    };
    ImportPost {
        external_id: p.id.clone(),
        id: p.id.parse().ok(),
        kind: p.kind,
        title,
        slug,
        path,
        exact_path: exact,
        body_markdown: None,
        body_html: sanitize_html(&p.html),
        body_text: html_to_text(&p.html),
        labels: p.labels.clone(),
        draft: p.draft,
        published_at: p.published,
        updated_at: p.updated,
        author_name: p.author.clone(),
        author_aliases: std::iter::once(p.author.clone())
            .chain(p.author_email.clone())
            .collect(),
        redirects,
        parent: None,
        menu_order: 0,
        sticky: false,
        description: p.description.clone(),
        noindex: false,
        // Unless the export says: pages showed comments only once they had
        // some, so they take none unless opened, as new pages here.
        comments: p.comments.unwrap_or(match p.kind {
            PostKind::Post => tidings_core::PostComments::Open,
            PostKind::Page => tidings_core::PostComments::Closed,
        }),
        password_hash: None,
    }
}

/// A comment, its Blogger HTML made plain text, its id kept.
fn import_comment(c: &BloggerComment) -> ImportComment {
    ImportComment {
        external_id: c.id.clone(),
        id: c.id.parse().ok(),
        post: c.post.clone(),
        parent: c.parent.clone(),
        author_name: c.author.clone(),
        author_email: None,
        author_url: c.author_url.clone(),
        body: comment_text(&c.html),
        status: c.status,
        hold_reasons: String::new(),
        created_at: c.published,
    }
}
