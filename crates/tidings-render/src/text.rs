//! HTML back to plain text, for the search index, feed summaries and meta
//! descriptions.
//!
//! Why html5ever's tokenizer and not a hand-written one: the hard parts of reading
//! HTML as text are exactly the parts the tokenizer implements from the spec,
//! character references (`&eacute;`, `&#x1F980;`, legacy `&amp` without a semicolon,
//! the Windows-1252 remapping of `&#150;`), comments, `<!` oddities, attributes
//! containing `>`, and recovery from every kind of malformed input without
//! panicking. It is already compiled for ammonia, so it costs nothing. We do not need
//! the tree builder: text order is token order, and the only context that matters is
//! which elements hold raw text, which we tell the tokenizer ourselves just as the tree
//! builder would.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};

/// HTML to plain text: tags dropped (with the contents of `script`, `style` and other
/// elements never shown as text), entities decoded, whitespace collapsed to single
/// spaces, trimmed. Block-level boundaries (`</p><p>`, `<br>`, `<li>`) become spaces so
/// words either side do not run together. Never panics, whatever the input.
pub fn html_to_text(html: &str) -> String {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(TextSink::default(), Default::default());
    // Our sink never asks the tokenizer to pause for a script, so one feed consumes
    // the whole input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let text = tokenizer.sink.text.into_inner();
    let mut out = String::with_capacity(text.len());
    // A character reference may decode to a character XML cannot carry
    // (`&#2;`): dropped, so search text, summaries and feeds never hold one.
    // Checked once for the whole text, the common case being none.
    let clean = tidings_core::xml_chars::all_xml_chars(&text);
    for word in text.split_whitespace() {
        let word = if clean {
            std::borrow::Cow::Borrowed(word)
        } else {
            tidings_core::xml_chars::strip(word)
        };
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

#[derive(Default)]
struct TextSink {
    text: RefCell<String>,
    /// Inside a raw-text element whose content is not text (`<script>`): the
    /// tokenizer's next end tag is the one that closes it.
    in_hidden_raw_text: Cell<bool>,
    /// Nesting depth of `<template>`, whose content is inert markup, not text.
    template_depth: Cell<usize>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(chars) if self.shows_text() => {
                self.text.borrow_mut().push_str(&chars);
            }
            Token::TagToken(tag) => return self.tag(&tag),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl TextSink {
    fn shows_text(&self) -> bool {
        !self.in_hidden_raw_text.get() && self.template_depth.get() == 0
    }

    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        if self.in_hidden_raw_text.get() {
            // In a raw-text state the tokenizer only emits the matching end tag.
            self.in_hidden_raw_text.set(tag.kind == TagKind::StartTag);
            return TokenSinkResult::Continue;
        }
        let name = &*tag.name;
        if is_block(name) {
            self.text.borrow_mut().push(' ');
        }
        if name == "template" {
            let depth = self.template_depth.get();
            self.template_depth.set(match tag.kind {
                TagKind::StartTag => depth + 1,
                TagKind::EndTag => depth.saturating_sub(1),
            });
        }
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        if matches!(name, "script" | "style" | "iframe" | "noembed" | "noframes") {
            self.in_hidden_raw_text.set(true);
        }
        tokenizer_switch(name)
    }
}

/// The same switches the HTML tree builder makes after a start tag named
/// `name`, so that `<script>if (a<b)` or `<title>&lt;</title>` tokenize as a
/// browser would read them.
pub(crate) fn tokenizer_switch(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "iframe" | "noembed" | "noframes" | "xmp" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// Elements that separate words when rendered. Anything else (`<b>`, `<a>`, `<span>`,
/// unknown tags) is treated as inline, so `un<b>usual</b>` stays one word.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "img"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "option"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn what_xml_cannot_carry_is_dropped() {
        assert_eq!(html_to_text("<p>a&#1;b &#xFFFF;c\u{B}d &#2;</p>"), "ab c d");
    }

    #[test]
    fn drops_tags_and_keeps_words_apart_at_blocks() {
        assert_eq!(
            html_to_text(
                "<h1>Title</h1><p>One <b>bold</b> un<i>usual</i> word.</p><p>Two<br>three</p><ul><li>a</li><li>b</li></ul>"
            ),
            "Title One bold unusual word. Two three a b"
        );
    }

    #[test]
    fn drops_script_and_style_contents() {
        assert_eq!(
            html_to_text(
                "a<script>if (x < y) { document.write('</p>') }</script>b<style>p{color:red}</style>c"
            ),
            "abc"
        );
        assert_eq!(html_to_text("<p>x</p><script>alert(1)"), "x");
        assert_eq!(html_to_text("<iframe>fallback <b>x</b></iframe>ok"), "ok");
        assert_eq!(
            html_to_text("<template><p>hidden</p></template>shown"),
            "shown"
        );
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            html_to_text(
                "Tom &amp; Jerry &lt;3 &eacute;t&eacute; &#x1F980; &#129408; &quot;q&quot; &amp caf&#233;"
            ),
            "Tom & Jerry <3 été 🦀 🦀 \"q\" & café"
        );
        assert_eq!(html_to_text("a&nbsp;&nbsp;b"), "a b");
        assert_eq!(html_to_text("<title>&lt;x&gt;</title>"), "<x>");
    }

    #[test]
    fn collapses_whitespace_and_trims() {
        assert_eq!(html_to_text("\n  <p>\n a \t\r\n b  </p>\n\n"), "a b");
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("   "), "");
        assert_eq!(html_to_text("<br><hr>"), "");
    }

    #[test]
    fn never_panics_on_malformed_html() {
        for input in [
            "<",
            "<<>>",
            "</",
            "<!--",
            "<!-- unclosed",
            "<![CDATA[x",
            "<!DOCTYPE",
            "<p class=\"unterminated",
            "<a href='x>text",
            "&",
            "&#",
            "&#x;",
            "&#xFFFFFFFFFF;",
            "&#0;",
            "&#xD800;",
            "\0<p>\0</p>",
            "<script>",
            "<script><!--<script>",
            "</script>",
            "<plaintext><b>",
            "<svg><style><b>x</b></style></svg>",
            "<p><div></p></div>",
            "\u{feff}🦀<b>𝄞",
        ] {
            let _ = html_to_text(input);
        }
        assert_eq!(html_to_text("<p>unclosed <b>bold"), "unclosed bold");
        assert_eq!(html_to_text("a < b > c"), "a < b > c");
        assert_eq!(html_to_text("<!-- note --> text <!-- x"), "text");
    }

    #[test]
    fn unicode_survives() {
        assert_eq!(
            html_to_text("<p>Grüße 東京</p><p>🦀 𝄞 👍🏽</p>"),
            "Grüße 東京 🦀 𝄞 👍🏽"
        );
    }

    #[test]
    fn reads_what_the_sanitiser_and_markdown_produce() {
        let html =
            crate::markdown_to_html("# Hi\n\nA [link](https://x.test) & `code`.\n\n- one\n- two\n");
        assert_eq!(html_to_text(&html), "Hi A link & code. one two");
    }
}
