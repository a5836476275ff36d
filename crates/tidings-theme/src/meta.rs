//! What a page says about itself to search engines and link previews: its
//! canonical address, its description, and on post pages OpenGraph, the
//! Twitter card and JSON-LD `BlogPosting`; on the home page JSON-LD `Blog`
//! and `WebSite`: a shared link shows a title card with the post's own
//! words and picture, and search engines index one address per page.
//!
//! Everything here is computed from what the page already read, so the
//! metadata costs no query.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::json;
use tidings_core::{BlogSettings, Post};

/// How long a description made from a post's text may be: what search
/// results and previews show of one.
const SUMMARY_CHARS: usize = 200;

#[derive(Serialize, Debug)]
pub struct PageMeta {
    /// The page's absolute address, without what only one visit asks
    /// (`showComment`, `replyTo`).
    pub canonical: String,
    /// `<meta name="description">`; none when empty.
    pub description: String,
    /// `<meta name="robots" content="noindex">`: the post asks for it.
    pub noindex: bool,
    /// OpenGraph and the Twitter card: post pages only.
    pub og: Option<OpenGraph>,
    /// JSON-LD, with `<`, `>` and `&` as `\u` escapes so no text in it can
    /// end its `<script>` element.
    pub json_ld_html: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct OpenGraph {
    pub title: String,
    pub url: String,
    pub description: String,
    pub site_name: String,
    /// The post's featured image, else its first picture, else the blog's
    /// default share image, absolute.
    pub image: Option<String>,
    /// `ko_KR`, `pt_BR`: the blog's language as OpenGraph names locales.
    pub locale: String,
    pub published_time: String,
    pub modified_time: String,
    /// `summary_large_image` with a picture, else `summary`.
    pub twitter_card: &'static str,
}

impl PageMeta {
    /// A page of the blog that is not a post: the blog's description.
    pub fn page(blog: &BlogSettings, canonical: String) -> Self {
        Self {
            canonical,
            description: blog.description.clone(),
            noindex: false,
            og: None,
            json_ld_html: None,
        }
    }

    /// The home page: the blog's description, and the blog as JSON-LD.
    pub fn home(blog: &BlogSettings, base_url: &str) -> Self {
        let url = format!("{base_url}/");
        let graph = json!({
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebSite",
                    "@id": format!("{url}#website"),
                    "name": blog.title,
                    "url": url,
                    "inLanguage": blog.language,
                },
                {
                    "@type": "Blog",
                    "@id": format!("{url}#blog"),
                    "name": blog.title,
                    "description": blog.description,
                    "url": url,
                    "inLanguage": blog.language,
                    "isPartOf": {"@id": format!("{url}#website")},
                },
            ],
        });
        Self {
            json_ld_html: Some(script_json(&graph)),
            ..Self::page(blog, url)
        }
    }

    /// A post or static page: its own description (else its summary),
    /// OpenGraph, the Twitter card and JSON-LD `BlogPosting` (`WebPage` for
    /// a static page).
    pub fn post(blog: &BlogSettings, post: &Post, base_url: &str) -> Self {
        let url = format!("{base_url}{}", post.path);
        let description = if post.description.is_empty() {
            tidings_render::summary(
                &tidings_render::html_to_text(&post.body_html),
                SUMMARY_CHARS,
            )
        } else {
            post.description.clone()
        };
        // The post's featured image, else its first picture, else the
        // blog's default share image.
        let image = Some(post.featured_image.clone())
            .filter(|s| !s.is_empty())
            .or_else(|| first_image(&post.body_html))
            .or_else(|| Some(blog.share_image.clone()).filter(|s| !s.is_empty()))
            .map(|src| absolute(base_url, &src));
        let published = iso(post.published_at);
        let modified = iso(post.updated_at.max(post.published_at));
        let kind = match post.kind {
            tidings_core::PostKind::Post => "BlogPosting",
            tidings_core::PostKind::Page => "WebPage",
        };
        let mut ld = json!({
            "@context": "https://schema.org",
            "@type": kind,
            "headline": post.title,
            "description": description,
            "datePublished": published,
            "dateModified": modified,
            "author": {"@type": "Person", "name": post.author_name},
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": blog.language,
            "isPartOf": {"@type": "Blog", "name": blog.title, "url": format!("{base_url}/")},
        });
        if let Some(image) = &image {
            ld["image"] = json!([image]);
        }
        if !post.labels.is_empty() {
            ld["keywords"] = json!(post.labels.join(", "));
        }
        let og = OpenGraph {
            title: post.title.clone(),
            url: url.clone(),
            description: description.clone(),
            site_name: blog.title.clone(),
            twitter_card: if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
            image,
            locale: tidings_core::og_locale(&blog.language),
            published_time: published,
            modified_time: modified,
        };
        Self {
            canonical: url,
            description,
            noindex: post.noindex,
            og: Some(og),
            json_ld_html: Some(script_json(&ld)),
        }
    }
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `value` as JSON that can sit inside `<script>`: the characters HTML
/// would read as markup written as JSON's own `\u` escapes.
fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The `src` of the first `<img>` of sanitised HTML, entities decoded as
/// far as the sanitiser writes them (`&amp;`).
fn first_image(html: &str) -> Option<String> {
    let tag = &html[html.find("<img ")?..];
    let tag = &tag[..tag.find('>')?];
    let src = tag.split(" src=\"").nth(1)?.split('"').next()?;
    Some(src.replace("&amp;", "&")).filter(|s| !s.is_empty())
}

/// `src` made absolute against the blog's address; an address of another
/// site is kept, anything else (a `data:` URL, say) too.
fn absolute(base_url: &str, src: &str) -> String {
    if src.starts_with("//") {
        let scheme = base_url.split(':').next().unwrap_or("https");
        format!("{scheme}:{src}")
    } else if src.starts_with('/') {
        format!("{base_url}{src}")
    } else {
        src.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_picture_is_found_and_made_absolute() {
        let html = r#"<p>a</p><img alt="x" src="/media/u/ab.jpg?a=1&amp;b=2" width="3"><img src="/2.png">"#;
        let src = first_image(html).unwrap();
        assert_eq!(src, "/media/u/ab.jpg?a=1&b=2");
        assert_eq!(
            absolute("https://b.example", &src),
            "https://b.example/media/u/ab.jpg?a=1&b=2"
        );
        assert_eq!(
            absolute("http://b", "//cdn.example/x.png"),
            "http://cdn.example/x.png"
        );
        assert_eq!(first_image("<p>no picture</p>"), None);
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        let v = json!({"headline": "</script><script>alert(1)</script> & more"});
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
