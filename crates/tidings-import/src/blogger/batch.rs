//! What an import makes of a read Blogger export: every post at its old
//! path where we serve such a path (else at one of ours, the old one
//! redirecting), ids kept, the trash left out with its comments.

use std::collections::HashSet;

use chrono_tz::Tz;
use tidings_core::{BlogSettings, PostKind, post_path, slugify};
use tidings_render::html_to_text;
use tidings_store::{ImportBatch, ImportComment, ImportHead, ImportPost};

use super::{BloggerComment, BloggerExport, BloggerPost, served_path};
use crate::{comment_text, url_path};

/// How each post and comment of an export becomes the store's, from what
/// is known before they are read: the blog's zone (for paths of ours),
/// Blogger's "Convert line breaks", the posts in Blogger's trash.
#[derive(Debug, Clone)]
pub struct BloggerPlan {
    tz: Tz,
    line_breaks: bool,
    trashed: HashSet<String>,
}

impl BloggerPlan {
    /// The post as the store takes it, with a note when its body is
    /// flattened; `None` for one in Blogger's trash.
    pub fn post(&self, p: &BloggerPost, notes: &mut Vec<String>) -> Option<ImportPost> {
        (!p.trashed).then(|| import_post(p, self.tz, self.line_breaks, notes))
    }

    /// The comment as the store takes it; `None` for one on a post in
    /// Blogger's trash, which stays out with it.
    pub fn comment(&self, c: &BloggerComment) -> Option<ImportComment> {
        (!self.trashed.contains(&c.post)).then(|| import_comment(c))
    }
}

impl BloggerExport {
    /// The batch the store writes into `blog`, and notes for the owner.
    pub fn to_batch(&self, blog: &BlogSettings) -> (ImportBatch, Vec<String>) {
        let (head, plan, mut notes) = self.plan(blog, |id| {
            self.comments.iter().filter(|c| c.post == id).count()
        });
        let posts = self
            .posts
            .iter()
            .filter_map(|p| plan.post(p, &mut notes))
            .collect();
        let comments = self
            .comments
            .iter()
            .filter_map(|c| plan.comment(c))
            .collect();
        let batch = ImportBatch {
            blog_id: head.blog_id,
            source: head.source,
            settings: head.settings,
            posts,
            comments,
            attachments: Vec::new(),
            held_comment_mail: head.held_comment_mail,
            layout: head.layout,
            gadgets: Vec::new(),
        };
        (batch, notes)
    }

    /// What the store writes before the posts, how each item is to be
    /// made, and notes for the owner (`comments_of`: how many comments a
    /// trashed post has, for its note). The export's posts need hold only
    /// the trashed ones.
    pub(super) fn plan(
        &self,
        blog: &BlogSettings,
        comments_of: impl Fn(&str) -> usize,
    ) -> (ImportHead, BloggerPlan, Vec<String>) {
        let (settings, mut notes) = self.settings_for(blog);
        let tz = settings.as_ref().unwrap_or(blog).timezone;
        // What the owner put in Blogger's trash stays out, with its comments.
        let trashed = self.posts.iter().filter(|p| p.trashed);
        notes.extend(trashed.clone().map(|p| trash_note(p, comments_of(&p.id))));
        // "Convert line breaks": Blogger showed each newline of a post as a
        // line break, and old posts were written counting on it.
        let line_breaks = self.settings.iter().any(|(name, value)| {
            name == "BLOG_CONVERT_LINE_BREAKS" && value.trim().eq_ignore_ascii_case("true")
        });
        let plan = BloggerPlan {
            tz,
            line_breaks,
            trashed: trashed.map(|p| p.id.clone()).collect(),
        };
        let head = ImportHead {
            blog_id: blog.id,
            source: "blogger",
            settings,
            held_comment_mail: self.held_comment_mail(),
            layout: self.layout.clone(),
        };
        (head, plan, notes)
    }

    /// The addresses Blogger mailed comments to: "Comment moderation
    /// email" (`BLOG_COMMENT_MODERATION_EMAIL`, held comments) and "Comment
    /// notification email" (`BLOG_COMMENT_EMAIL`, every comment), each up
    /// to ten addresses; the store applies them to the members they name.
    fn held_comment_mail(&self) -> Vec<String> {
        let mut emails: Vec<String> = self
            .settings
            .iter()
            .filter(|(name, _)| {
                name == "BLOG_COMMENT_MODERATION_EMAIL" || name == "BLOG_COMMENT_EMAIL"
            })
            .flat_map(|(_, value)| {
                value
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .map(|e| e.trim().to_lowercase())
                    .filter(|e| e.contains('@'))
                    .collect::<Vec<_>>()
            })
            .collect();
        emails.sort();
        emails.dedup();
        emails
    }
}

/// The note for a post in Blogger's trash, with how many comments stay out
/// with it.
fn trash_note(p: &BloggerPost, comments: usize) -> String {
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
}

/// A post at its old path when we serve such a path; else at a path of
/// ours in the blog's zone `tz`, the old address redirecting to it.
fn import_post(p: &BloggerPost, tz: Tz, line_breaks: bool, notes: &mut Vec<String>) -> ImportPost {
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
    let html = if line_breaks {
        with_line_breaks(&p.html)
    } else {
        p.html.clone()
    };
    let (body_html, teaser_html) = crate::stored_body(&html);
    ImportPost {
        external_id: p.id.clone(),
        id: p.id.parse().ok(),
        kind: p.kind,
        title,
        slug,
        path,
        exact_path: exact,
        body_markdown: None,
        body_html,
        teaser_html,
        body_text: html_to_text(&html),
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
        featured_image: String::new(),
        featured_image_html: String::new(),
    }
}

/// A comment, its Blogger HTML made plain text, its id kept.
fn import_comment(c: &BloggerComment) -> ImportComment {
    // The text is made from the markup kept, when some is: what an export
    // writes and a later import reads again.
    let markup = tidings_render::comment_markup(&c.html);
    ImportComment {
        external_id: c.id.clone(),
        id: c.id.parse().ok(),
        post: c.post.clone(),
        parent: c.parent.clone(),
        author_name: c.author.clone(),
        author_email: None,
        author_url: c.author_url.clone(),
        body: comment_text(markup.as_deref().unwrap_or(&c.html)),
        body_html: markup.unwrap_or_default(),
        status: c.status,
        hold_reasons: String::new(),
        created_at: c.published,
        // A Blogger export does not say which commenters were the blog's.
        member_aliases: Vec::new(),
    }
}

/// `html` as Blogger showed it with "Convert line breaks" on: each newline a
/// `<br />`, except inside `<pre>`, where newlines already show.
fn with_line_breaks(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut in_pre = 0usize;
    let mut rest = html.as_str();
    while let Some(i) = rest.find(['<', '\n']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('\n') {
            out.push_str(if in_pre > 0 { "\n" } else { "<br />\n" });
            rest = &rest[1..];
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = rest[..tag_end].to_ascii_lowercase();
        if tag.starts_with("<pre") && tag[4..].starts_with(['>', ' ', '\t', '\n']) {
            in_pre += 1;
        } else if tag.starts_with("</pre") {
            in_pre = in_pre.saturating_sub(1);
        }
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::with_line_breaks;

    #[test]
    fn newlines_become_breaks_outside_pre() {
        assert_eq!(
            with_line_breaks("One\r\nTwo\n<pre>a\nb</pre>\nThree"),
            "One<br />\nTwo<br />\n<pre>a\nb</pre><br />\nThree"
        );
        assert_eq!(with_line_breaks("<p\nclass=x>a</p>"), "<p\nclass=x>a</p>");
    }
}
