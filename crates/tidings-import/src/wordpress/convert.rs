//! WordPress content turned into the HTML its readers saw, at import: the
//! shortcodes WordPress itself registers (`[caption]`, `[gallery]`,
//! `[audio]`, `[video]`, `[embed]`) and oEmbed addresses alone on a line.
//! What they become is plain HTML the sanitiser keeps and the built-in
//! theme styles; nothing on a public page loads from another site before
//! the reader asks (players are `preload="none"`, embeds are links).
//!
//! Any other shortcode (a plugin's) has no meaning here: an enclosing one
//! keeps its content, a self-closing one goes, and each kind is counted
//! for the import's notes, so the owner knows what to look at.

use std::collections::{BTreeMap, HashMap};

use tidings_render::escape_html;

use super::WxrAttachment;
use super::shortcodes::{Shortcode, replace};

/// The attachments a gallery may show, by id and by the post they were
/// uploaded to (in the export's order).
pub(super) struct Library<'a> {
    by_id: HashMap<&'a str, &'a WxrAttachment>,
    by_post: HashMap<&'a str, Vec<&'a WxrAttachment>>,
}

impl<'a> Library<'a> {
    pub fn new(attachments: &'a [WxrAttachment]) -> Self {
        let mut by_post: HashMap<&str, Vec<&WxrAttachment>> = HashMap::new();
        for a in attachments.iter().filter(|a| is_image(a)) {
            if let Some(parent) = a.parent.as_deref() {
                by_post.entry(parent).or_default().push(a);
            }
        }
        Self {
            by_id: attachments.iter().map(|a| (a.id.as_str(), a)).collect(),
            by_post,
        }
    }

    /// The attachment whose `post_id` is `id`.
    pub fn attachment(&self, id: &str) -> Option<&'a WxrAttachment> {
        self.by_id.get(id).copied()
    }
}

/// Shortcodes WordPress or a common plugin registers that have nothing to
/// show here, or bracketed words that are plainly a shortcode (an
/// attribute, a closing tag): counted by kind.
pub(super) type Unknown = BTreeMap<String, usize>;

/// `content` (of post `post_id`) with its shortcodes and oEmbed lines
/// converted; unknown shortcodes counted in `unknown`.
pub(super) fn convert(
    content: &str,
    post_id: &str,
    library: &Library<'_>,
    unknown: &mut Unknown,
) -> String {
    let embedded = embed_lines(content);
    shortcodes(&embedded, post_id, library, unknown)
}

fn shortcodes(text: &str, post_id: &str, library: &Library<'_>, unknown: &mut Unknown) -> String {
    replace(text, |sc| {
        Some(match sc.name {
            "caption" | "wp_caption" => caption(sc, post_id, library, unknown),
            "gallery" => gallery(sc, post_id, library),
            "audio" => player("audio", sc),
            "video" => player("video", sc),
            "embed" => sc
                .content
                .map(str::trim)
                .filter(|u| is_web_address(u))
                .map_or_else(String::new, embed_card),
            name if is_shortcode(sc) => {
                *unknown.entry(name.to_owned()).or_default() += 1;
                sc.content
                    .map(|c| shortcodes(c, post_id, library, unknown))
                    .unwrap_or_default()
            }
            _ => return None,
        })
    })
}

/// Plugins' shortcodes are told from bracketed words by an attribute or a
/// closing tag; `[sic]` and `[simple boat]` are words.
fn is_shortcode(sc: &Shortcode<'_>) -> bool {
    sc.content.is_some() || sc.has_named_attrs()
}

/// `[caption id=… align=… width=… caption=…]<a><img></a> Text[/caption]`:
/// a figure, floated as aligned, as wide as the image, its text below.
fn caption(
    sc: &Shortcode<'_>,
    post_id: &str,
    library: &Library<'_>,
    unknown: &mut Unknown,
) -> String {
    let inner = sc.content.unwrap_or("").trim();
    let split = leading_element(inner);
    let (image, text) = inner.split_at(split);
    let text = sc.attr("caption").map_or_else(
        || shortcodes(text.trim(), post_id, library, unknown),
        escape_html,
    );
    let align = sc
        .attr("align")
        .filter(|a| ["alignleft", "alignright", "aligncenter", "alignnone"].contains(a))
        .unwrap_or("alignnone");
    let width = sc
        .attr("width")
        .and_then(|w| w.trim().parse::<u32>().ok())
        .filter(|w| (1..10_000).contains(w))
        .map_or_else(String::new, |w| format!(" style=\"width:{w}px\""));
    format!(
        "<figure class=\"wp-caption {align}\"{width}>{image}<figcaption class=\"wp-caption-text\">{text}</figcaption></figure>"
    )
}

/// The length of the `<a …><img …></a>` or `<img …>` `html` starts with.
fn leading_element(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    if lower.starts_with("<a") {
        lower.find("</a>").map_or(0, |e| e + 4)
    } else if lower.starts_with("<img") {
        lower.find('>').map_or(0, |e| e + 1)
    } else {
        0
    }
}

/// `[gallery ids=… include=… columns=… size=…]`: the attachments it names,
/// or the post's own images, as a grid of pictures linked to their files.
fn gallery(sc: &Shortcode<'_>, post_id: &str, library: &Library<'_>) -> String {
    let named = sc.attr("ids").or_else(|| sc.attr("include"));
    let images: Vec<&WxrAttachment> = match named {
        Some(ids) => ids
            .split(',')
            .filter_map(|id| library.by_id.get(id.trim()).copied())
            .collect(),
        None => library.by_post.get(post_id).cloned().unwrap_or_default(),
    };
    let columns = sc
        .attr("columns")
        .and_then(|c| c.trim().parse::<u8>().ok())
        .filter(|c| (1..=9).contains(c))
        .unwrap_or(3);
    let size = sc
        .attr("size")
        .filter(|s| ["thumbnail", "medium", "large", "full"].contains(s))
        .unwrap_or("thumbnail");
    let mut html = format!("<div class=\"gallery gallery-columns-{columns}\">");
    for a in images {
        let url = escape_html(&a.url);
        let alt = escape_html(&a.title);
        html.push_str(&format!(
            "<figure class=\"gallery-item\"><a href=\"{url}\"><img class=\"size-{size}\" src=\"{url}\" alt=\"{alt}\" loading=\"lazy\"></a></figure>"
        ));
    }
    html.push_str("</div>");
    html
}

/// `[audio mp3=… ogg=… src=…]`, `[video mp4=… webm=… poster=… width=…]`
/// (or the address first, `[audio https://…]`): the player with each
/// source, and a link to the first for browsers without one.
fn player(kind: &str, sc: &Shortcode<'_>) -> String {
    const FORMATS: &[(&str, &str)] = &[
        ("src", ""),
        ("mp3", "audio/mpeg"),
        ("m4a", "audio/mp4"),
        ("ogg", "audio/ogg"),
        ("oga", "audio/ogg"),
        ("wav", "audio/wav"),
        ("wma", ""),
        ("flac", "audio/flac"),
        ("mp4", "video/mp4"),
        ("m4v", "video/mp4"),
        ("webm", "video/webm"),
        ("ogv", "video/ogg"),
        ("wmv", ""),
        ("flv", ""),
        ("mov", "video/quicktime"),
    ];
    let mut sources: Vec<(String, &str)> = sc
        .positional()
        .filter(|u| is_web_address(u))
        .map(|u| (u.to_owned(), ""))
        .into_iter()
        .collect();
    for (attr, mime) in FORMATS {
        if let Some(url) = sc.attr(attr).filter(|u| is_web_address(u)) {
            sources.push((url.to_owned(), mime));
        }
    }
    let Some((first, _)) = sources.first().cloned() else {
        return String::new();
    };
    let mut html = format!("<{kind} controls");
    if kind == "video" {
        for attr in ["width", "height"] {
            if let Some(n) = sc.attr(attr).and_then(|v| v.parse::<u32>().ok()) {
                html.push_str(&format!(" {attr}=\"{n}\""));
            }
        }
        if let Some(poster) = sc.attr("poster").filter(|u| is_web_address(u)) {
            html.push_str(&format!(" poster=\"{}\"", escape_html(poster)));
        }
    }
    html.push('>');
    for (url, mime) in &sources {
        html.push_str(&format!("<source src=\"{}\"", escape_html(url)));
        if !mime.is_empty() {
            html.push_str(&format!(" type=\"{mime}\""));
        }
        html.push('>');
    }
    let first = escape_html(&first);
    html.push_str(&format!("<a href=\"{first}\">{first}</a></{kind}>"));
    html
}

/// Each line that is only a web address (WordPress's oEmbed: a YouTube or
/// Vimeo address alone on its line, in classic and block content alike)
/// made a link card.
fn embed_lines(content: &str) -> String {
    if !content.contains("http") {
        return content.to_owned();
    }
    let mut out = String::with_capacity(content.len());
    for line in content.split_inclusive('\n') {
        let url = line.trim();
        if is_web_address(url) && provider(url).is_some() {
            out.push_str(&embed_card(url));
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A link to what WordPress showed embedded, named by its site: the page
/// loads nothing from there until the reader follows it.
pub(crate) fn embed_card(url: &str) -> String {
    let escaped = escape_html(url);
    let site = provider(url).map_or_else(String::new, |p| {
        format!("<span class=\"embed-provider\">{p}</span> ")
    });
    format!("<p class=\"wp-embed\">{site}<a href=\"{escaped}\">{escaped}</a></p>")
}

/// The oEmbed providers WordPress knows best, by host.
fn provider(url: &str) -> Option<&'static str> {
    const PROVIDERS: &[(&str, &str)] = &[
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("vimeo.com", "Vimeo"),
        ("twitter.com", "X (Twitter)"),
        ("x.com", "X (Twitter)"),
        ("wordpress.tv", "WordPress.tv"),
        ("soundcloud.com", "SoundCloud"),
        ("spotify.com", "Spotify"),
        ("flickr.com", "Flickr"),
        ("instagram.com", "Instagram"),
        ("facebook.com", "Facebook"),
        ("tiktok.com", "TikTok"),
        ("dailymotion.com", "Dailymotion"),
        ("slideshare.net", "SlideShare"),
        ("imgur.com", "Imgur"),
        ("reddit.com", "Reddit"),
        ("ted.com", "TED"),
        ("mixcloud.com", "Mixcloud"),
        ("speakerdeck.com", "Speaker Deck"),
        ("tumblr.com", "Tumblr"),
    ];
    let host = url.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    let host = host.to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")))
        .map(|(_, name)| *name)
}

/// `http(s)://…` with nothing that ends an address in it.
fn is_web_address(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
}

fn is_image(a: &WxrAttachment) -> bool {
    match a.mime_type.as_deref() {
        Some(mime) => mime.starts_with("image/"),
        None => {
            let lower = a.url.to_ascii_lowercase();
            [".jpg", ".jpeg", ".png", ".gif", ".webp"]
                .iter()
                .any(|ext| lower.ends_with(ext))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(id: &str, parent: &str) -> WxrAttachment {
        WxrAttachment {
            id: id.into(),
            title: format!("Picture {id}"),
            url: format!("https://old.test/{id}.jpg"),
            parent: Some(parent.into()),
            date: None,
            mime_type: Some("image/jpeg".into()),
        }
    }

    fn run(content: &str) -> (String, Unknown) {
        let files = [
            attachment("7", "1"),
            attachment("8", "1"),
            attachment("9", "2"),
        ];
        let library = Library::new(&files);
        let mut unknown = Unknown::new();
        (convert(content, "1", &library, &mut unknown), unknown)
    }

    #[test]
    fn captions_become_figures_keeping_alignment_and_width() {
        let (html, _) = run(
            r#"[caption id="attachment_7" align="alignright" width="300"]<a href="/a.jpg"><img src="/a.jpg" /></a> Right <em>here</em>.[/caption]"#,
        );
        assert_eq!(
            html,
            r#"<figure class="wp-caption alignright" style="width:300px"><a href="/a.jpg"><img src="/a.jpg" /></a><figcaption class="wp-caption-text">Right <em>here</em>.</figcaption></figure>"#
        );
        let (html, _) = run(r#"[caption width="9" caption="A & B"]<img src="/b.jpg">[/caption]"#);
        assert!(
            html.contains("<figcaption class=\"wp-caption-text\">A &amp; B</figcaption>"),
            "{html}"
        );
        assert!(html.contains("alignnone"), "{html}");
    }

    #[test]
    fn galleries_show_their_images_or_the_posts_own() {
        let (html, _) = run(r#"[gallery columns="2" ids="9,7,404"]"#);
        assert!(
            html.starts_with(r#"<div class="gallery gallery-columns-2">"#),
            "{html}"
        );
        let nine = html.find("9.jpg").unwrap();
        let seven = html.find("7.jpg").unwrap();
        assert!(nine < seven, "in the order given: {html}");
        assert_eq!(html.matches("<figure").count(), 2);
        assert!(html.contains(r#"<a href="https://old.test/9.jpg"><img"#));
        let (own, _) = run("[gallery]");
        assert_eq!(own.matches("<figure").count(), 2, "{own}");
        assert!(own.contains("gallery-columns-3") && !own.contains("9.jpg"));
    }

    #[test]
    fn players_with_their_sources() {
        let (html, _) = run("[audio https://x.test/a.mp3]");
        assert_eq!(
            html,
            r#"<audio controls><source src="https://x.test/a.mp3"><a href="https://x.test/a.mp3">https://x.test/a.mp3</a></audio>"#
        );
        let (html, _) = run(
            r#"[video width="640" mp4="https://x.test/v.mp4" webm="https://x.test/v.webm" poster="https://x.test/p.jpg"][/video]"#,
        );
        assert!(
            html.starts_with(r#"<video controls width="640" poster="https://x.test/p.jpg">"#),
            "{html}"
        );
        assert!(html.contains(r#"<source src="https://x.test/v.webm" type="video/webm">"#));
        assert_eq!(run("[audio src=javascript:alert(1)]").0, "");
    }

    #[test]
    fn embeds_become_links_naming_their_site() {
        let (html, _) = run(
            "Watch:\nhttps://www.youtube.com/watch?v=abc\nthen https://vimeo.com/1 inline\n[embed]https://vimeo.com/2[/embed]",
        );
        assert!(html.contains(r#"<p class="wp-embed"><span class="embed-provider">YouTube</span> <a href="https://www.youtube.com/watch?v=abc">"#), "{html}");
        assert!(
            html.contains("then https://vimeo.com/1 inline"),
            "not alone on its line: {html}"
        );
        assert!(
            html.contains(
                r#"<span class="embed-provider">Vimeo</span> <a href="https://vimeo.com/2">"#
            ),
            "{html}"
        );
        let (plain, _) = run("https://example.org/page\n");
        assert_eq!(plain, "https://example.org/page\n", "not an oEmbed site");
    }

    #[test]
    fn unknown_shortcodes_keep_their_text_and_are_counted() {
        let (html, unknown) = run(
            r#"[su_box title="x"]Inside [su_note]note[/su_note][/su_box] [contact-form-7 id="3"] [sic] [[gallery]]"#,
        );
        assert_eq!(html, "Inside note  [sic] [gallery]");
        assert_eq!(
            unknown.into_iter().collect::<Vec<_>>(),
            [
                ("contact-form-7".to_owned(), 1),
                ("su_box".to_owned(), 1),
                ("su_note".to_owned(), 1)
            ]
        );
    }
}
