//! A blog as a Blogger "Back up content" export, the format our Blogger
//! importer (and Blogger's own) reads.

use std::fmt::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use quick_xml::escape::escape;
use tidings_core::{
    BlogSettings, CommentStatus, CommentsAllowed, Moderation, PostComments, PostKind,
};
use tidings_render::escape_html;
use tidings_store::{ExportSnapshot, ImportComment, ImportPost};

/// Blogger's blog id in entry ids: ours, so a round trip keeps every id.
fn tag(blog: &BlogSettings, rest: &str) -> String {
    format!("tag:blogger.com,1999:blog-{}.{rest}", blog.id)
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Writes the whole blog to `out` as a Blogger Atom export; notes on what
/// it leaves out.
pub fn blogger(
    blog: &BlogSettings,
    snap: &ExportSnapshot,
    out_file: &mut impl std::io::Write,
) -> std::io::Result<Vec<String>> {
    let (blog, snap, mut notes) = super::writable(blog, snap);
    let (blog, snap) = (&*blog, &*snap);
    let out = Feed {
        blog,
        base: format!("https://{}", blog.host),
        now: rfc3339(Utc::now()),
    };
    let mut x = super::buffer();
    out.head(&mut x);
    let mut post_paths = std::collections::HashMap::new();
    let mut protected = 0;
    for p in &snap.posts {
        post_paths.insert(p.external_id.as_str(), p.path.as_str());
        if p.password_hash.is_some() && !p.draft {
            // Blogger has no passwords: published, the post would be open
            // to everyone there.
            protected += 1;
            out.post(
                &mut x,
                &ImportPost {
                    draft: true,
                    ..p.clone()
                },
            );
        } else {
            out.post(&mut x, p);
        }
        super::spill(&mut x, out_file)?;
    }
    if protected > 0 {
        notes.push(format!(
            "{protected} password-protected posts are drafts in a Blogger export, \
             which has no passwords"
        ));
    }
    let mut left_out = 0;
    for c in &snap.comments {
        if !matches!(c.status, CommentStatus::Published | CommentStatus::Deleted) {
            left_out += 1;
            continue;
        }
        let Some(path) = post_paths.get(c.post.as_str()) else {
            continue;
        };
        out.comment(&mut x, c, path);
        super::spill(&mut x, out_file)?;
    }
    x.push_str("</feed>\n");
    out_file.write_all(x.as_bytes())?;
    if left_out > 0 {
        notes.push(format!(
            "{left_out} comments awaiting moderation or marked spam are not in a Blogger export"
        ));
    }
    Ok(notes)
}

/// The blog's settings as Blogger names and spells them.
fn settings(blog: &BlogSettings) -> [(&'static str, String); 9] {
    [
        ("BLOG_NAME", blog.title.clone()),
        ("BLOG_DESCRIPTION", blog.description.clone()),
        ("BLOG_TIME_ZONE", blog.timezone.name().to_owned()),
        // Blogger writes its locales with an underscore (`pt_BR`).
        ("BLOG_LOCALE", blog.language.replace('-', "_")),
        ("BLOG_MAX_NUM", blog.posts_per_page.to_string()),
        ("BLOG_MAX_UNIT", "POSTS".to_owned()),
        (
            "BLOG_COMMENT_MODERATION",
            // As Blogger's own "Back up content" files spell "Always" and
            // "Never". Its "Sometimes" is in no export we have seen: `DATE`
            // is ours, which our importer reads back.
            match blog.comment_moderation {
                Moderation::Never => "DISABLED",
                Moderation::Always => "ENABLED",
                Moderation::OlderThan => "DATE",
                // Blogger has no first-time moderation: it holds them all.
                Moderation::FirstTime => "ENABLED",
            }
            .to_owned(),
        ),
        (
            "BLOG_COMMENT_MODERATION_DELAY",
            blog.moderation_days.to_string(),
        ),
        (
            "BLOG_COMMENT_ACCESS",
            match blog.comments_allowed {
                CommentsAllowed::Anyone => "ANYONE",
                CommentsAllowed::SignedIn => "REGISTERED",
                CommentsAllowed::Nobody => "NONE",
            }
            .to_owned(),
        ),
    ]
}

/// What every entry shares: the blog, its address, the moment of the export.
struct Feed<'a> {
    blog: &'a BlogSettings,
    base: String,
    now: String,
}

impl Feed<'_> {
    /// The feed's start and one entry per setting.
    fn head(&self, x: &mut String) {
        let (blog, now) = (self.blog, &self.now);
        let _ = write!(
            x,
            "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' \
             xmlns:gd='http://schemas.google.com/g/2005' \
             xmlns:thr='http://purl.org/syndication/thread/1.0' \
             xmlns:app='http://purl.org/atom/app#' \
             xmlns:blogger='http://schemas.google.com/blogger/2018'>\n<id>{}</id>\n<updated>{now}</updated>\n\
             <title type='text'>{}</title>\n<link rel='alternate' type='text/html' href='{}/'/>\n\
             <generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>\n",
            tag(blog, "archive"),
            escape(blog.title.as_str()),
            escape(self.base.as_str()),
        );
        for (name, value) in settings(blog) {
            let _ = write!(
                x,
                "<entry>\n<id>{}</id>\n<published>{now}</published>\n<updated>{now}</updated>\n\
                 {}\n<title type='text'>{name}</title>\n<content type='text'>{}</content>\n</entry>\n",
                tag(blog, &format!("settings.{name}")),
                kind("settings"),
                escape(value.as_str()),
            );
        }
    }

    /// A post or page as an entry; a draft has no address yet.
    fn post(&self, x: &mut String, p: &ImportPost) {
        let id = &p.external_id;
        let (k, prefix) = match p.kind {
            PostKind::Post => ("post", "post"),
            PostKind::Page => ("page", "page"),
        };
        let _ = write!(
            x,
            "<entry>\n<id>{}</id>\n<published>{}</published>\n<updated>{}</updated>\n{}\n",
            tag(self.blog, &format!("{prefix}-{id}")),
            rfc3339(p.published_at),
            rfc3339(p.updated_at),
            kind(k),
        );
        for label in &p.labels {
            let _ = writeln!(
                x,
                "<category scheme='http://www.blogger.com/atom/ns#' term='{}'/>",
                escape(label.as_str())
            );
        }
        let _ = write!(
            x,
            "<title type='text'>{}</title>\n<content type='html'>{}</content>\n",
            escape(p.title.as_str()),
            // Blogger's own jump break, which its importer and ours read;
            // our uploads by their absolute addresses.
            escape(
                tidings_render::absolute_media(&p.body_html, &self.base)
                    .as_deref()
                    .unwrap_or(&p.body_html)
                    .replacen(tidings_render::JUMP_BREAK, "<a name=\"more\"></a>", 1)
                    .as_str()
            ),
        );
        if !p.draft {
            let _ = writeln!(
                x,
                "<link rel='alternate' type='text/html' href='{}{}' title='{}'/>",
                escape(self.base.as_str()),
                escape(p.path.as_str()),
                escape(p.title.as_str()),
            );
        }
        let _ = writeln!(
            x,
            "<author><name>{}</name></author>",
            escape(p.author_name.as_str())
        );
        if p.draft {
            x.push_str("<app:control><app:draft>yes</app:draft></app:control>\n");
        }
        // In the words of Blogger's API; `import blogger` reads it back.
        let _ = writeln!(
            x,
            "<blogger:readerComments>{}</blogger:readerComments>",
            match p.comments {
                PostComments::Open => "ALLOW",
                PostComments::Closed => "DONT_ALLOW_SHOW_EXISTING",
                PostComments::Hidden => "DONT_ALLOW_HIDE_EXISTING",
            }
        );
        x.push_str("</entry>\n");
    }

    /// A comment as an entry replying to the post at `path`; its plain
    /// text becomes HTML with line breaks, as Blogger stores comments.
    fn comment(&self, x: &mut String, c: &ImportComment, path: &str) {
        let blog = self.blog;
        let feed = format!(
            "https://www.blogger.com/feeds/{}/{}/comments/default",
            blog.id, c.post
        );
        // An imported comment's own markup, else its text with its breaks.
        let html = if c.body_html.is_empty() {
            escape_html(&c.body).replace('\n', "<br />")
        } else {
            c.body_html.clone()
        };
        let _ = write!(
            x,
            "<entry>\n<id>{}</id>\n<published>{}</published>\n<updated>{}</updated>\n{}\n\
             <title type='text'></title>\n<content type='html'>{}</content>\n\
             <link rel='edit' type='application/atom+xml' href='{feed}/{}'/>\n",
            tag(blog, &format!("post-{}", c.external_id)),
            rfc3339(c.created_at),
            rfc3339(c.created_at),
            kind("comment"),
            escape(html.as_str()),
            c.external_id,
        );
        if let Some(parent) = &c.parent {
            let _ = writeln!(
                x,
                "<link rel='related' type='application/atom+xml' href='{feed}/{parent}'/>"
            );
        }
        let _ = write!(x, "<author><name>{}</name>", escape(c.author_name.as_str()));
        if let Some(url) = &c.author_url {
            let _ = write!(x, "<uri>{}</uri>", escape(url.as_str()));
        }
        let _ = write!(
            x,
            "</author>\n<thr:in-reply-to href='{}{}' ref='{}' type='text/html'/>\n",
            escape(self.base.as_str()),
            escape(path),
            tag(blog, &format!("post-{}", c.post)),
        );
        if c.status == CommentStatus::Deleted {
            x.push_str("<gd:extendedProperty name='blogger.contentRemoved' value='true'/>\n");
        }
        x.push_str("</entry>\n");
    }
}

fn kind(k: &str) -> String {
    format!(
        "<category scheme='http://schemas.google.com/g/2005#kind' \
         term='http://schemas.google.com/blogger/2008/kind#{k}'/>"
    )
}
