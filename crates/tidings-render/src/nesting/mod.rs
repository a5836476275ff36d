//! How deeply author HTML nests, measured before a tree is built from it.
//!
//! html5ever builds its tree as a browser does, and a browser's rules look down
//! the stack of open elements at almost every tag ("is there a `<p>` in button
//! scope?"). That costs the depth of the stack per tag: 80,000 nested `<div>`s
//! (400 KB) took 20 seconds in the sanitiser. Nobody writes more than a few
//! dozen levels; [`MAX_NESTING`] is far above that and keeps the tree
//! builder's work linear in the size of the input.
//!
//! The depth is measured on html5ever's tokenizer, which is linear (it keeps no
//! stack), with a small model of the tree builder's stack of open elements. The
//! elements the builder closes by itself are closed here too (a `<p>` before a
//! block, an `<li>` before the next, table rows and cells, headings, options,
//! ruby text), so ordinary sloppy HTML (unclosed paragraphs, list items and
//! cells) is not taken for depth. Where the two could differ, the model keeps
//! elements open longer: formatting elements (`<b>`, `<font>`, …) count until
//! their own end tag, as the builder reopens them after a block closes them,
//! and end tags the builder would ignore close nothing here. Every walk down
//! the model's stack is bounded by the limit, so measuring is linear too.
//!
//! [`flatten`] is the same walk writing the HTML back out without the tags
//! that go past the limit (their text stays): what imports do with an old
//! post they must take as it is.

use std::cell::RefCell;
use std::fmt;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};

use self::model::Model;
use crate::escape::push_escaped;

mod elements;
mod model;

/// How many elements deep author HTML may nest (elements inside elements,
/// Markdown's block quotes and lists included, as the HTML they become).
pub const MAX_NESTING: usize = 100;

/// HTML that nests past [`MAX_NESTING`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The line of the HTML where it went past the limit.
    pub line: u64,
}

impl fmt::Display for TooDeep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "nests elements more than {MAX_NESTING} levels deep (line {})",
            self.line
        )
    }
}

impl std::error::Error for TooDeep {}

/// `Err` when `html` nests past [`MAX_NESTING`]: by the model, which stops
/// reading there, then by the tree builder's own count of its work
/// (`steps.rs`), for what the model does not foresee.
pub fn check(html: &str) -> Result<(), TooDeep> {
    let sink = Sink::new(None);
    run(&sink, html);
    if let Some(line) = sink.state.into_inner().too_deep {
        return Err(TooDeep { line });
    }
    crate::steps::check(html).map_err(|line| TooDeep { line })
}

/// `html` without the tags that nest past [`MAX_NESTING`] (the text inside
/// them is kept), or `None` when it is within the limit. The result passes
/// [`check`]. Comments and doctypes are left out of the result; everything
/// else is written back as the tokenizer read it. Input built to nest deep
/// where the model does not see it becomes its plain text.
pub fn flatten(html: &str) -> Option<String> {
    check(html).err()?;
    let sink = Sink::new(Some(String::with_capacity(html.len())));
    run(&sink, html);
    let flat = sink.state.into_inner().out?;
    Some(if crate::steps::check(&flat).is_ok() {
        flat
    } else {
        crate::escape::escape_html(&crate::text::html_to_text(html))
    })
}

fn run(sink: &Sink, html: &str) {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, Default::default());
    // Paused (`Script`) only when `check` has its answer.
    if let TokenizerResult::Done = tokenizer.feed(&input) {
        tokenizer.end();
    }
}

struct Sink {
    state: RefCell<State>,
}

impl Sink {
    fn new(out: Option<String>) -> Self {
        Self {
            state: RefCell::new(State {
                out,
                ..State::default()
            }),
        }
    }
}

#[derive(Default)]
struct State {
    model: Model,
    /// Where a `check` went past the limit.
    too_deep: Option<u64>,
    /// The flattened HTML, when flattening.
    out: Option<String>,
    /// Start tags left out (by name) whose end tags are left out with them.
    dropped: Vec<String>,
    /// Inside a raw-text element (`<script>`, `<xmp>`, `<title>`, …).
    raw_text: Option<RawText>,
}

impl TokenSink for &Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        let state = &mut *state;
        match token {
            Token::TagToken(tag) => return state.tag(&tag, line),
            Token::CharacterTokens(text) => {
                if state.raw_text.is_none() {
                    state.model.reconstruct();
                }
                if let Some(out) = &mut state.out {
                    if state.raw_text.is_some_and(|r| r.verbatim) {
                        out.push_str(&text);
                    } else {
                        push_escaped(out, &text);
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The element whose content the tokenizer reads as raw text.
#[derive(Clone, Copy)]
struct RawText {
    /// Its start tag was written (when flattening).
    written: bool,
    /// Its text is written as it came: it is not decoded (`<script>`,
    /// `<xmp>`), and the start tag before it was written.
    verbatim: bool,
}

impl State {
    fn tag(&mut self, tag: &Tag, line: u64) -> TokenSinkResult<()> {
        let name = &*tag.name;
        if let Some(raw) = self.raw_text.take() {
            // In a raw-text state the tokenizer emits only the closing tag.
            if raw.written {
                self.model.end(name);
                self.write_tag(tag);
            } else if let Some(i) = self.dropped.iter().rposition(|d| d == name) {
                self.dropped.remove(i);
            }
            return TokenSinkResult::Continue;
        }
        let keep = match tag.kind {
            TagKind::StartTag => {
                if self.model.depth() + self.model.levels(tag) > MAX_NESTING {
                    if self.out.is_none() {
                        self.too_deep = Some(line);
                        // Pauses the tokenizer: the answer is known.
                        return TokenSinkResult::Script(());
                    }
                    if self.model.opens(tag) {
                        self.dropped.push(name.to_owned());
                    }
                    false
                } else {
                    self.model.start(tag);
                    true
                }
            }
            TagKind::EndTag => match self.dropped.iter().rposition(|d| d == name) {
                Some(i) => {
                    self.dropped.remove(i);
                    false
                }
                None => {
                    self.model.end(name);
                    true
                }
            },
        };
        if keep {
            self.write_tag(tag);
        }
        if tag.kind == TagKind::EndTag {
            return TokenSinkResult::Continue;
        }
        // The same switches the tree builder makes (see `text.rs`).
        let switch = crate::text::tokenizer_switch(name);
        match switch {
            TokenSinkResult::RawData(kind) => {
                self.raw_text = Some(RawText {
                    written: keep,
                    verbatim: keep && !matches!(kind, RawKind::Rcdata),
                });
            }
            TokenSinkResult::Plaintext => {
                self.raw_text = Some(RawText {
                    written: keep,
                    verbatim: keep,
                });
            }
            _ => {}
        }
        switch
    }

    fn write_tag(&mut self, tag: &Tag) {
        let Some(out) = &mut self.out else { return };
        out.push('<');
        if tag.kind == TagKind::EndTag {
            out.push('/');
        }
        out.push_str(&tag.name);
        if tag.kind == TagKind::StartTag {
            for a in &tag.attrs {
                out.push(' ');
                out.push_str(&a.name.local);
                out.push_str("=\"");
                push_escaped(out, &a.value);
                out.push('"');
            }
            if tag.self_closing {
                out.push('/');
            }
        }
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, n: usize) -> String {
        format!(
            "{}x{}",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        )
    }

    #[test]
    fn the_limit_is_exact_for_plain_nesting() {
        assert_eq!(check(&nested("div", MAX_NESTING)), Ok(()));
        assert!(check(&nested("div", MAX_NESTING + 1)).is_err());
        assert!(check(&nested("span", 80_000)).is_err());
    }

    #[test]
    fn the_line_is_named() {
        let html = format!("<p>a</p>\n\n{}", "<div>".repeat(200));
        assert_eq!(check(&html), Err(TooDeep { line: 3 }));
        assert!(TooDeep { line: 3 }.to_string().contains("100 levels"));
    }

    #[test]
    fn closed_siblings_are_not_depth() {
        let html = "<div><p>a</p></div>".repeat(10_000);
        assert_eq!(check(&html), Ok(()));
    }

    #[test]
    fn elements_the_builder_closes_by_itself_are_closed() {
        let cases = [
            "<p>paragraph ".repeat(1000),
            format!("<ul>{}</ul>", "<li>item ".repeat(1000)),
            format!("<ol>{}</ol>", "<li><b>bold item ".repeat(1000)),
            format!("<dl>{}</dl>", "<dt>term<dd>definition ".repeat(1000)),
            format!("<table>{}</table>", "<tr><td>a<td>b<th>c".repeat(1000)),
            format!("<table>{}</table>", "<td><font color=red>a".repeat(1000)),
            "<h2>Title</h3>".repeat(1000),
            format!("<select>{}</select>", "<option>o".repeat(1000)),
            format!("<ruby>{}</ruby>", "a<rt>x".repeat(1000)),
            "<a href=x>unclosed link ".repeat(1000),
            "<p><img src=x><br><hr><input></p>".repeat(1000),
            format!("<svg>{}</svg>", "<path d=\"x\"/>".repeat(1000)),
            format!("<script>{}</script>", "<div>".repeat(1000)),
            format!("<!-- {} -->", "<div>".repeat(1000)),
            format!("<a title=\"{}\">x</a>", "<div>".repeat(1000)),
            "<div>a</div></div></div>".repeat(1000),
            "<html><body>x</body></html>".repeat(1000),
        ];
        for html in cases {
            assert_eq!(check(&html), Ok(()), "{}", &html[..60.min(html.len())]);
        }
    }

    #[test]
    fn what_the_builder_keeps_open_counts() {
        let cases: [String; 8] = [
            "<b>".repeat(200),
            "<font color=red><div>".repeat(200),
            "<span><div></span>".repeat(200),
            "<blockquote>".repeat(200),
            "<ul><li>".repeat(200),
            "<table><tr><td>".repeat(200),
            "<div/>".repeat(200),
            // Reopened after each paragraph: three alike at most, but
            // these are all different.
            (0..200).map(|i| format!("<p><b id={i}>x")).collect(),
        ];
        for html in cases {
            assert!(check(&html).is_err(), "{}", &html[..40]);
        }
    }

    #[test]
    fn flattening_keeps_text_and_passes_the_check() {
        let html = nested("div", 300);
        let flat = flatten(&html).unwrap();
        assert_eq!(check(&flat), Ok(()));
        assert_eq!(flat, nested("div", MAX_NESTING));
        assert_eq!(flatten("<p>fine</p>"), None);

        let html = format!(
            "<p title=\"a&amp;b\">{}<script>if (a<b) x()</script>1 &lt; 2 &amp; done{}</p><!-- c -->",
            "<span>".repeat(150),
            "</span>".repeat(150)
        );
        let flat = flatten(&html).unwrap();
        assert_eq!(check(&flat), Ok(()));
        assert!(
            flat.starts_with("<p title=\"a&amp;b\"><span><span>"),
            "{flat}"
        );
        assert!(
            flat.contains("if (a&lt;b) x()1 &lt; 2 &amp; done"),
            "{flat}"
        );
        assert!(!flat.contains("<script>"), "{flat}");
        assert!(!flat.contains("<!--"), "{flat}");
    }

    #[test]
    fn raw_text_written_as_it_came_when_its_tag_is_kept() {
        let html = format!("<script>if (a<b) x()</script>{}", "<div>".repeat(150));
        let flat = flatten(&html).unwrap();
        assert!(flat.starts_with("<script>if (a<b) x()</script>"), "{flat}");
    }

    #[test]
    fn what_the_model_misses_the_tree_builder_counts() {
        // Each `<button>` closes the one before, and the builder reopens the
        // `<b>` inside it around the next: the builder's stack grows by one
        // a round while the model, keeping the old `<section>` open, lets
        // `</section>` close everything.
        let html: String = (0..8000)
            .map(|i| format!("<button><button><span id={i}></section><section><b>x</em>"))
            .collect();
        assert!(check(&html).is_err());
        let flat = flatten(&html).unwrap();
        assert_eq!(check(&flat), Ok(()));
        assert!(flat.contains('x'));
    }

    #[test]
    fn hostile_inputs_flatten_within_the_limit() {
        for html in [
            "<div>".repeat(80_000),
            "<b>".repeat(80_000),
            "<table><td>".repeat(20_000),
            "<span><div></span>".repeat(20_000),
            "<ul><li><blockquote>".repeat(20_000),
        ] {
            let flat = flatten(&html).unwrap();
            assert_eq!(check(&flat), Ok(()), "{}", &html[..30]);
        }
    }
}
