//! A blog as a WordPress eXtended RSS 1.2 file, the format WordPress's
//! importer (Tools → Import → WordPress) and ours read.
//!
//! Labels become categories (declared once in the channel, so WordPress
//! creates them with their names); drafts stay drafts, posts dated later are
//! `future`; each body is one raw-HTML block (`<!-- wp:html -->`), so
//! WordPress shows our HTML as it is; comments keep their thread (`comment_parent`) and status
//! (`1`, `0`, `spam`, `trash`). Comment bodies are plain text here, so they
//! are escaped: WordPress shows `<` as written instead of reading a tag.
//! A member's comment names them as its `comment_user_id`, an author of the
//! channel's, so it stays the author's reply on the other side.
//! Pages keep their parent and menu order, sticky posts `is_sticky`; each
//! attachment is an `attachment` item whose `attachment_url` is our copy
//! where there is one (so WordPress's importer can fetch it from us), else
//! the file's old URL.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use quick_xml::escape::escape;
use tidings_core::{BlogSettings, CommentStatus, CommentsAllowed, PostComments, PostKind, slugify};
use tidings_render::escape_html;
use tidings_store::{ExportSnapshot, ImportAttachment, ImportComment, ImportPost};

/// Text as a CDATA section; `]]>` inside is split across two sections.
fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>"))
}

/// WordPress's `YYYY-MM-DD HH:MM:SS`, in `tz`.
fn wp_date(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// A WordPress term slug: ours when the label has letters we can spell,
/// else the label percent-encoded, as WordPress's `sanitize_title` does.
fn nicename(label: &str) -> String {
    let slug = slugify(label);
    if slug != "post" || label.eq_ignore_ascii_case("post") {
        return slug;
    }
    label
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => (b as char).to_string(),
            b'A'..=b'Z' => (b.to_ascii_lowercase() as char).to_string(),
            _ => format!("%{b:02x}"),
        })
        .collect()
}

/// A login for an author's display name (WordPress maps logins to users).
fn login(name: &str, n: usize) -> String {
    match slugify(name) {
        s if s == "post" => format!("author-{n}"),
        s => s,
    }
}

/// Writes the whole blog to `out` as WXR 1.2; notes on what it leaves out.
pub fn wxr(
    blog: &BlogSettings,
    snap: &ExportSnapshot,
    out_file: &mut impl std::io::Write,
) -> std::io::Result<Vec<String>> {
    let (blog, snap, mut notes) = super::writable(blog, snap);
    let (blog, snap) = (&*blog, &*snap);
    let base = format!("https://{}", blog.host);
    let (thumbnails, featured) = super::thumbnails::thumbnails(snap, &base);
    let out = Channel {
        tz: blog.timezone,
        base,
        thumbnails,
        now: Utc::now(),
        blog_takes_comments: blog.comments_allowed != CommentsAllowed::Nobody,
        authors: authors(snap),
        labels: label_nicenames(snap),
    };
    let mut x = super::buffer();
    out.head(&mut x, blog);
    let mut comments: HashMap<&str, Vec<&ImportComment>> = HashMap::new();
    for c in &snap.comments {
        comments.entry(c.post.as_str()).or_default().push(c);
    }
    for p in &snap.posts {
        let its = comments.remove(p.external_id.as_str()).unwrap_or_default();
        out.item(&mut x, p, its.into_iter());
        super::spill(&mut x, out_file)?;
    }
    for a in snap.attachments.iter().chain(&featured) {
        out.attachment(&mut x, a);
        super::spill(&mut x, out_file)?;
    }
    x.push_str("</channel>\n</rss>\n");
    out_file.write_all(x.as_bytes())?;
    let protected = snap
        .posts
        .iter()
        .filter(|p| p.password_hash.is_some())
        .count();
    if protected > 0 {
        notes.push(format!(
            "{protected} password-protected posts carry their password's Argon2 hash as \
             <wp:post_password>: our importer keeps it, WordPress asks readers for that \
             text until you set a new password there"
        ));
    }
    if snap
        .posts
        .iter()
        .any(|p| p.comments == PostComments::Hidden)
    {
        notes.push(
            "WordPress cannot hide a post's comments: posts whose comments are hidden \
             are exported with comments closed, their comments with them"
                .to_owned(),
        );
    }
    if snap.posts.iter().any(|p| !p.redirects.is_empty()) {
        notes.push(
            "old addresses that redirect here are not in a WordPress export; \
             each post's <link> is its address on this blog"
                .to_owned(),
        );
    }
    Ok(notes)
}

/// One of the channel's authors: whom posts' `dc:creator` and members'
/// comments' `comment_user_id` name.
struct Author {
    /// Its `wp:author_id`, from 1.
    id: usize,
    login: String,
    /// A member's e-mail, known from their comments (it is how an import
    /// finds them again); empty when unknown.
    email: String,
}

/// Authors, by display name, each with an id and a login of their own:
/// those of posts, and the members who wrote comments (by their name, the
/// first of the comment's `member_aliases`, then their e-mail).
fn authors(snap: &ExportSnapshot) -> BTreeMap<&str, Author> {
    let mut authors: BTreeMap<&str, Author> = BTreeMap::new();
    let posts = snap.posts.iter().map(|p| (p.author_name.as_str(), None));
    let members = (snap.comments.iter())
        .filter_map(|c| Some((c.member_aliases.first()?.as_str(), c.member_aliases.get(1))));
    for (name, email) in posts.chain(members) {
        let n = authors.len() + 1;
        let author = authors.entry(name).or_insert_with(|| Author {
            id: 0,
            login: login(name, n),
            email: String::new(),
        });
        if let Some(email) = email {
            author.email.clone_from(email);
        }
    }
    let mut logins_taken = std::collections::HashSet::new();
    for (i, author) in authors.values_mut().enumerate() {
        author.id = i + 1;
        if !logins_taken.insert(author.login.clone()) {
            author.login = format!("{}-{}", author.login, i + 1);
            logins_taken.insert(author.login.clone());
        }
    }
    authors
}

/// Every label once, with its term slug.
fn label_nicenames(snap: &ExportSnapshot) -> BTreeMap<&str, String> {
    let mut labels: BTreeMap<&str, String> = BTreeMap::new();
    for p in &snap.posts {
        for l in &p.labels {
            labels.entry(l.as_str()).or_insert_with(|| nicename(l));
        }
    }
    labels
}

/// What every part of the channel shares: the blog's zone and address, the
/// moment of the export, and the authors and categories declared up front.
struct Channel<'a> {
    tz: Tz,
    base: String,
    now: DateTime<Utc>,
    /// Whether the blog takes comments: when it does not, no post does.
    blog_takes_comments: bool,
    authors: BTreeMap<&'a str, Author>,
    labels: BTreeMap<&'a str, String>,
    /// Each post's featured image, as an attachment id, by post id.
    thumbnails: HashMap<String, String>,
}

impl Channel<'_> {
    /// The document's start: the blog, then its authors and categories.
    fn head(&self, x: &mut String, blog: &BlogSettings) {
        let base = self.base.as_str();
        let _ = write!(
            x,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
             <!-- A WordPress eXtended RSS file written by Tidings: import it with \
             Tools > Import > WordPress. -->\n\
             <rss version=\"2.0\"\n\
             \txmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n\
             \txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n\
             \txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n\
             \txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
             \txmlns:wp=\"http://wordpress.org/export/1.2/\"\n>\n<channel>\n\
             \t<title>{}</title>\n\t<link>{}</link>\n\t<description>{}</description>\n\
             \t<pubDate>{}</pubDate>\n\t<language>{}</language>\n\
             \t<wp:wxr_version>1.2</wp:wxr_version>\n\
             \t<wp:base_site_url>{}</wp:base_site_url>\n\
             \t<wp:base_blog_url>{}</wp:base_blog_url>\n",
            escape(blog.title.as_str()),
            escape(base),
            escape(blog.description.as_str()),
            self.now.to_rfc2822(),
            escape(blog.language.as_str()),
            escape(base),
            escape(base),
        );
        for (name, author) in &self.authors {
            let _ = writeln!(
                x,
                "\t<wp:author><wp:author_id>{}</wp:author_id><wp:author_login>{}</wp:author_login>\
                 <wp:author_email>{}</wp:author_email><wp:author_display_name>{}\
                 </wp:author_display_name><wp:author_first_name></wp:author_first_name>\
                 <wp:author_last_name></wp:author_last_name></wp:author>",
                author.id,
                cdata(&author.login),
                escape(author.email.as_str()),
                cdata(name),
            );
        }
        for (i, (label, nice)) in self.labels.iter().enumerate() {
            let _ = writeln!(
                x,
                "\t<wp:category><wp:term_id>{}</wp:term_id><wp:category_nicename>{}\
                 </wp:category_nicename><wp:category_parent></wp:category_parent>\
                 <wp:cat_name>{}</wp:cat_name></wp:category>",
                i + 1,
                cdata(nice),
                cdata(label),
            );
        }
        x.push_str("\t<generator>Tidings</generator>\n");
    }

    /// A post or page as an `item`, with its categories and comments.
    fn item<'c>(
        &self,
        x: &mut String,
        p: &ImportPost,
        comments: impl Iterator<Item = &'c ImportComment>,
    ) {
        let (base, tz) = (self.base.as_str(), self.tz);
        let status = if p.draft {
            "draft"
        } else if p.published_at > self.now {
            "future"
        } else {
            "publish"
        };
        let link = format!("{base}{}", p.path);
        let _ = write!(
            x,
            "\t<item>\n\t\t<title>{}</title>\n\t\t<link>{}</link>\n\t\t<pubDate>{}</pubDate>\n\
             \t\t<dc:creator>{}</dc:creator>\n\t\t<guid isPermaLink=\"false\">{}</guid>\n\
             \t\t<description></description>\n\t\t<content:encoded>{}</content:encoded>\n\
             \t\t<excerpt:encoded>{}</excerpt:encoded>\n\
             \t\t<wp:post_id>{}</wp:post_id>\n\
             \t\t<wp:post_date>{}</wp:post_date>\n\t\t<wp:post_date_gmt>{}</wp:post_date_gmt>\n\
             \t\t<wp:post_modified>{}</wp:post_modified>\n\
             \t\t<wp:post_modified_gmt>{}</wp:post_modified_gmt>\n\
             \t\t<wp:comment_status>{}</wp:comment_status>\n\
             \t\t<wp:ping_status>closed</wp:ping_status>\n\
             \t\t<wp:post_name>{}</wp:post_name>\n\t\t<wp:status>{status}</wp:status>\n\
             \t\t<wp:post_parent>{}</wp:post_parent>\n\t\t<wp:menu_order>{}</wp:menu_order>\n\
             \t\t<wp:post_type>{}</wp:post_type>\n\t\t<wp:post_password>{}</wp:post_password>\n\
             \t\t<wp:is_sticky>{}</wp:is_sticky>\n",
            escape(p.title.as_str()),
            escape(link.as_str()),
            p.published_at.to_rfc2822(),
            cdata(&self.authors[p.author_name.as_str()].login),
            escape(format!("{base}/?p={}", p.external_id).as_str()),
            cdata(&wordpress_body(&p.body_html, base)),
            cdata(&p.description),
            p.external_id,
            wp_date(p.published_at, tz),
            wp_date(p.published_at, Tz::UTC),
            wp_date(p.updated_at, tz),
            wp_date(p.updated_at, Tz::UTC),
            if self.blog_takes_comments && p.comments == PostComments::Open {
                "open"
            } else {
                "closed"
            },
            escape(p.slug.as_str()),
            p.parent.as_deref().unwrap_or("0"),
            p.menu_order,
            match p.kind {
                PostKind::Post => "post",
                PostKind::Page => "page",
            },
            escape(p.password_hash.as_deref().unwrap_or_default()),
            u8::from(p.sticky),
        );
        for l in &p.labels {
            let _ = writeln!(
                x,
                "\t\t<category domain=\"category\" nicename=\"{}\">{}</category>",
                escape(self.labels[l.as_str()].as_str()),
                cdata(l),
            );
        }
        if let Some(id) = self.thumbnails.get(&p.external_id) {
            let _ = write!(
                x,
                "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>_thumbnail_id</wp:meta_key>\n\
                 \t\t\t<wp:meta_value>{id}</wp:meta_value>\n\t\t</wp:postmeta>\n"
            );
        }
        for c in comments {
            self.comment(x, c);
        }
        x.push_str("\t</item>\n");
    }

    /// A comment inside its post's `item`, its body escaped plain text; a
    /// member's names them as its user.
    fn comment(&self, x: &mut String, c: &ImportComment) {
        let user = (c.member_aliases.first())
            .and_then(|name| self.authors.get(name.as_str()))
            .map_or(0, |a| a.id);
        let approved = match c.status {
            CommentStatus::Published => "1",
            CommentStatus::Pending => "0",
            CommentStatus::Spam => "spam",
            CommentStatus::Deleted => "trash",
        };
        let _ = write!(
            x,
            "\t\t<wp:comment>\n\t\t\t<wp:comment_id>{}</wp:comment_id>\n\
             \t\t\t<wp:comment_author>{}</wp:comment_author>\n\
             \t\t\t<wp:comment_author_email>{}</wp:comment_author_email>\n\
             \t\t\t<wp:comment_author_url>{}</wp:comment_author_url>\n\
             \t\t\t<wp:comment_author_IP></wp:comment_author_IP>\n\
             \t\t\t<wp:comment_date>{}</wp:comment_date>\n\
             \t\t\t<wp:comment_date_gmt>{}</wp:comment_date_gmt>\n\
             \t\t\t<wp:comment_content>{}</wp:comment_content>\n\
             \t\t\t<wp:comment_approved>{approved}</wp:comment_approved>\n\
             \t\t\t<wp:comment_type>comment</wp:comment_type>\n\
             \t\t\t<wp:comment_parent>{}</wp:comment_parent>\n\
             \t\t\t<wp:comment_user_id>{user}</wp:comment_user_id>\n\t\t</wp:comment>\n",
            c.external_id,
            cdata(&c.author_name),
            escape(c.author_email.as_deref().unwrap_or_default()),
            escape(c.author_url.as_deref().unwrap_or_default()),
            wp_date(c.created_at, self.tz),
            wp_date(c.created_at, Tz::UTC),
            cdata(&if c.body_html.is_empty() {
                escape_html(&c.body)
            } else {
                c.body_html.clone()
            }),
            c.parent.as_deref().unwrap_or("0"),
        );
    }

    /// An attachment as an `attachment` item: our copy's address where we
    /// have one (so WordPress's importer fetches it from us), else the old.
    fn attachment(&self, x: &mut String, a: &ImportAttachment) {
        let url = match &a.local_path {
            Some(local) => format!("{}{local}", self.base),
            None => a.url.clone(),
        };
        let _ = write!(
            x,
            "\t<item>\n\t\t<title>{}</title>\n\t\t<pubDate>{}</pubDate>\n\
             \t\t<guid isPermaLink=\"false\">{}</guid>\n\t\t<description></description>\n\
             \t\t<content:encoded><![CDATA[]]></content:encoded>\n\
             \t\t<wp:post_id>{}</wp:post_id>\n\
             \t\t<wp:post_date>{}</wp:post_date>\n\t\t<wp:post_date_gmt>{}</wp:post_date_gmt>\n\
             \t\t<wp:post_name>{}</wp:post_name>\n\t\t<wp:status>inherit</wp:status>\n\
             \t\t<wp:post_parent>{}</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n\
             \t\t<wp:post_type>attachment</wp:post_type>\n{}\
             \t\t<wp:attachment_url>{}</wp:attachment_url>\n\t</item>\n",
            escape(a.title.as_str()),
            a.uploaded_at.to_rfc2822(),
            escape(a.url.as_str()),
            a.external_id,
            wp_date(a.uploaded_at, self.tz),
            wp_date(a.uploaded_at, Tz::UTC),
            escape(slugify(&a.title).as_str()),
            a.post.as_deref().unwrap_or("0"),
            a.mime_type
                .as_deref()
                .map(|m| format!("\t\t<wp:post_mime_type>{}</wp:post_mime_type>\n", escape(m)))
                .unwrap_or_default(),
            escape(url.as_str()),
        );
    }
}

/// A post's body as WordPress takes it: one raw-HTML block, which it shows
/// as it is, without turning its newlines into <br> and <p> (wpautop); the
/// jump break as WordPress's more tag, which it finds inside the block too;
/// our uploads by their absolute addresses, which its importer fetches.
fn wordpress_body(html: &str, base: &str) -> String {
    let body = tidings_render::absolute_media(html, base);
    let body = body.as_deref().unwrap_or(html);
    format!(
        "<!-- wp:html -->\n{}\n<!-- /wp:html -->",
        body.replacen(tidings_render::JUMP_BREAK, "<!--more-->", 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_survives_its_own_terminator() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
    }

    #[test]
    fn our_wordpress_importer_reads_it_back() {
        use tidings_store::{ImportComment, ImportPost};
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let post = |id: &str, kind, draft, when: &str| ImportPost {
            external_id: id.into(),
            id: id.parse().ok(),
            kind,
            title: format!("Title <{id}> & ]]> more"),
            slug: format!("slug-{id}"),
            path: format!("/2020/01/slug-{id}.html"),
            exact_path: true,
            body_markdown: None,
            body_html: "<p>a ]]> b</p>".into(),
            teaser_html: String::new(),
            body_text: "a ]]> b".into(),
            labels: vec!["Äpfel".into(), "how to".into()],
            draft,
            published_at: at(when),
            updated_at: at(when),
            author_name: "Zoë".into(),
            author_aliases: vec![],
            redirects: vec![],
            parent: (id == "2").then(|| "1".into()),
            menu_order: 3,
            sticky: id == "1",
            description: format!("About {id} ]]> too"),
            noindex: false,
            comments: tidings_core::PostComments::Open,
            password_hash: None,
            // The attachment's copy, an upload, none.
            featured_image: match id {
                "1" => "/media/2020/01/a.jpg".into(),
                "3" => "/media/u/ab12.png".into(),
                _ => String::new(),
            },
            featured_image_html: String::new(),
        };
        let comment = |id: &str, parent: Option<&str>, status| ImportComment {
            external_id: id.into(),
            id: id.parse().ok(),
            post: "1".into(),
            parent: parent.map(Into::into),
            author_name: "R".into(),
            author_email: Some("r@example.org".into()),
            author_url: None,
            body: "x < y\n\nsecond".into(),
            body_html: String::new(),
            status,
            hold_reasons: String::new(),
            created_at: at("2020-01-02T00:00:00Z"),
            // The first is the post's author's own.
            member_aliases: match id {
                "7" => vec!["Zoë".into(), "zoe@example.org".into()],
                _ => Vec::new(),
            },
        };
        let snap = ExportSnapshot {
            posts: vec![
                post("1", PostKind::Post, false, "2020-01-01T00:00:00Z"),
                post("2", PostKind::Page, true, "2020-01-01T00:00:00Z"),
                post("3", PostKind::Post, false, "2999-01-01T00:00:00Z"),
            ],
            comments: vec![
                comment("7", None, CommentStatus::Published),
                comment("8", Some("7"), CommentStatus::Pending),
                comment("9", None, CommentStatus::Spam),
            ],
            attachments: vec![tidings_store::ImportAttachment {
                external_id: "40".into(),
                url: "https://old.example/wp-content/uploads/2020/01/a.jpg".into(),
                title: "A & B".into(),
                post: Some("1".into()),
                mime_type: Some("image/jpeg".into()),
                uploaded_at: at("2020-01-01T00:00:00Z"),
                local_path: Some("/media/2020/01/a.jpg".into()),
            }],
        };
        let blog = BlogSettings {
            timezone: "Europe/Berlin".parse().unwrap(),
            ..BlogSettings::new(1, "example.org", "T & T")
        };
        let mut text = Vec::new();
        wxr(&blog, &snap, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        let back = crate::wordpress::parse(text.as_bytes()).unwrap();
        assert_eq!(back.title, "T & T");
        assert_eq!(back.items.len(), 3);
        let first = &back.items[0];
        assert_eq!(first.title, "Title <1> & ]]> more");
        assert_eq!(
            first.html,
            "<!-- wp:html -->\n<p>a ]]> b</p>\n<!-- /wp:html -->"
        );
        assert_eq!(first.author, "Zoë");
        assert_eq!(first.labels, ["Äpfel", "how to"]);
        assert_eq!(first.date, Some(at("2020-01-01T00:00:00Z")));
        assert_eq!(first.comments.len(), 3);
        assert_eq!(first.comments[1].parent.as_deref(), Some("7"));
        // The member's comment names the post's author, found by e-mail.
        assert_eq!(first.comments[0].user_id.as_deref(), Some("1"));
        assert_eq!(
            first.comments[0].user_aliases,
            ["zoe", "zoe@example.org", "r@example.org"]
        );
        assert!(text.contains("<wp:author_email>zoe@example.org</wp:author_email>"));
        assert_eq!(first.comments[1].user_id, None);
        assert!(first.comments[1].user_aliases.is_empty());
        assert_eq!(first.comments[1].status, CommentStatus::Pending);
        assert_eq!(first.comments[2].status, CommentStatus::Spam);
        assert_eq!(
            crate::comment_text(&first.comments[0].body),
            "x < y\n\nsecond"
        );
        assert_eq!(back.items[1].kind, PostKind::Page);
        assert_eq!(back.items[1].status, crate::wordpress::WxrStatus::Draft);
        assert_eq!(back.items[2].status, crate::wordpress::WxrStatus::Future);
        assert!(first.sticky && !back.items[1].sticky);
        assert_eq!(first.excerpt, "About 1 ]]> too");
        assert_eq!(back.items[1].parent.as_deref(), Some("1"));
        assert_eq!(back.items[1].menu_order, 3);
        assert_eq!(first.featured_image.as_deref(), Some("40"));
        assert_eq!(back.items[1].featured_image, None);
        assert_eq!(back.items[2].featured_image.as_deref(), Some("41"));
        assert_eq!(
            back.attachments[1].url,
            "https://example.org/media/u/ab12.png"
        );
        assert_eq!(
            back.attachments[..1],
            [crate::wordpress::WxrAttachment {
                id: "40".into(),
                title: "A & B".into(),
                url: "https://example.org/media/2020/01/a.jpg".into(),
                parent: Some("1".into()),
                date: Some(at("2020-01-01T00:00:00Z")),
                mime_type: Some("image/jpeg".into()),
            }]
        );
    }

    #[test]
    fn term_slugs_are_spelled_or_encoded() {
        assert_eq!(nicename("How to"), "how-to");
        assert_eq!(nicename("Äpfel"), "apfel");
        assert_eq!(nicename("日本"), "ri-ben");
        assert_eq!(nicename("!!"), "%21%21");
    }
}
