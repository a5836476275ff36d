//! Blogger's embedded players: a video put in a post with Blogger's editor is
//! an `<iframe>` (`class="YOUTUBE-iframe-video"`,
//! `src="https://www.youtube.com/embed/ID"`), which the sanitiser drops with
//! all it showed. Each becomes a link to what it played, named by its site,
//! as WordPress's embeds do, so the post keeps its video and a teaser that
//! was only a video before its jump break is not left empty.

use crate::wordpress::convert::embed_card;

/// `html` with each `<iframe>` that shows a web address made a link card
/// to it; other iframes are left for the sanitiser to drop.
pub(super) fn as_links(html: &str) -> String {
    // ASCII lower case keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut done = 0;
    let mut from = 0;
    while let Some(found) = lower[from..].find("<iframe") {
        let start = from + found;
        from = start + "<iframe".len();
        if !lower[from..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            continue;
        }
        let Some(tag_end) = start_tag_end(html, from) else {
            break;
        };
        let end = lower[tag_end..]
            .find("</iframe")
            .and_then(|c| lower[tag_end + c..].find('>').map(|g| tag_end + c + g + 1))
            .unwrap_or(tag_end);
        out.push_str(&html[done..start]);
        if let Some(address) =
            attribute(&html[start..tag_end], "src").and_then(|s| watch_address(&s))
        {
            out.push_str(&embed_card(&address));
        }
        done = end;
        from = end;
    }
    out.push_str(&html[done..]);
    out
}

/// Where the start tag whose name ends at `from` ends (after its `>`),
/// quoted values skipped; `None` when the tag never ends.
fn start_tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(from + i + 1),
            (None, _) => {}
        }
    }
    None
}

/// The value of attribute `name` in start tag `tag`, `&amp;` read as `&`.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = lower[..at].chars().next_back();
        let rest = lower[from..].trim_start();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) || !rest.starts_with('=') {
            continue;
        }
        let value = tag[tag.len() - rest.len() + 1..].trim_start();
        let value = match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split(q).next()?,
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()?,
        };
        return Some(value.trim().replace("&amp;", "&"));
    }
    None
}

/// The page of what a player at `src` plays: YouTube's and Vimeo's player
/// addresses as their watch pages, any other web address as it is.
fn watch_address(src: &str) -> Option<String> {
    let src = match src.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => src.to_owned(),
    };
    let lower = src.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://"))
        || src.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
    {
        return None;
    }
    let path_id = |marker: &str| {
        let at = lower.find(marker)? + marker.len();
        let id: String = src[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        (!id.is_empty()).then_some(id)
    };
    if let Some(id) =
        path_id("youtube.com/embed/").or_else(|| path_id("youtube-nocookie.com/embed/"))
    {
        return Some(format!("https://www.youtube.com/watch?v={id}"));
    }
    if let Some(id) = path_id("player.vimeo.com/video/") {
        return Some(format!("https://vimeo.com/{id}"));
    }
    Some(src)
}

#[cfg(test)]
mod tests {
    use super::as_links;

    #[test]
    fn players_become_links_to_what_they_played() {
        let html = r#"<div class="separator"><iframe allowfullscreen="" class="YOUTUBE-iframe-video" data-thumbnail-src="https://i.ytimg.com/vi/_0Bu31qEyZY/0.jpg" frameborder="0" height="315" src="https://www.youtube.com/embed/_0Bu31qEyZY?feature=player_embedded" width="560"></iframe></div><br /><a name='more'></a>"#;
        assert_eq!(
            as_links(html),
            r#"<div class="separator"><p class="wp-embed"><span class="embed-provider">YouTube</span> <a href="https://www.youtube.com/watch?v=_0Bu31qEyZY">https://www.youtube.com/watch?v=_0Bu31qEyZY</a></p></div><br /><a name='more'></a>"#
        );
        assert_eq!(
            as_links("<IFRAME SRC='//player.vimeo.com/video/42?a=1&amp;b=2'>x</IFRAME> after"),
            r#"<p class="wp-embed"><span class="embed-provider">Vimeo</span> <a href="https://vimeo.com/42">https://vimeo.com/42</a></p> after"#
        );
        assert_eq!(
            as_links(r#"<iframe src="https://www.blogger.com/video.g?token=A&amp;B"></iframe>"#),
            r#"<p class="wp-embed"><a href="https://www.blogger.com/video.g?token=A&amp;B">https://www.blogger.com/video.g?token=A&amp;B</a></p>"#
        );
    }

    #[test]
    fn what_is_not_a_player_is_left_alone() {
        // Not a web address: dropped, as the sanitiser would.
        assert_eq!(
            as_links(r#"a<iframe src="javascript:x()"></iframe>b"#),
            "ab"
        );
        assert_eq!(as_links("a<iframe>b</iframe>c"), "ac");
        // Not an iframe, an unfinished tag, no closing tag.
        assert_eq!(as_links("<iframes> <p>"), "<iframes> <p>");
        assert_eq!(
            as_links("x <iframe src=\"https://a.test/"),
            "x <iframe src=\"https://a.test/"
        );
        assert_eq!(
            as_links("<iframe data-src=x src=https://a.test/v>rest"),
            r#"<p class="wp-embed"><a href="https://a.test/v">https://a.test/v</a></p>rest"#
        );
        assert_eq!(as_links("<p>π ünïcode</p>"), "<p>π ünïcode</p>");
    }
}
