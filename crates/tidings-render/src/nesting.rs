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

use crate::escape::push_escaped;

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

/// The tree builder's stack of open elements and its list of active
/// formatting elements, as far as depth goes.
#[derive(Default)]
struct Model {
    stack: Vec<Open>,
    /// Formatting elements (`<b>`, `<font>`, …) the builder reopens after a
    /// block closed them, and markers (cells, captions, …) that end that.
    active: Vec<Active>,
    /// Entries of `active` whose element is not open now: each will be
    /// opened again at the next text, so each counts as a level.
    closed: usize,
    /// How many `svg` and `math` elements are open: inside them `<x/>` is
    /// closed at once.
    foreign: usize,
    next_id: u64,
}

struct Open {
    name: String,
    /// The entry of `active` this element is, for formatting elements.
    id: Option<u64>,
}

enum Active {
    Marker,
    Element {
        name: String,
        /// Attributes, sorted: three entries alike are the most kept.
        attrs: String,
        id: u64,
        open: bool,
    },
}

impl Model {
    /// Levels open now, and those formatting elements will reopen.
    fn depth(&self) -> usize {
        self.stack.len() + self.closed
    }

    /// Whether a start tag opens an element that stays open. The parts of
    /// a table open nothing outside one.
    fn opens(&self, tag: &Tag) -> bool {
        let name = &*tag.name;
        !(VOID.contains(&name)
            || IGNORED.contains(&name)
            || (tag.self_closing && self.foreign > 0)
            || (name != "table"
                && TABLE_PARTS.contains(&name)
                && self.find_table_context(&["table"]).is_none()))
    }

    /// How many levels a start tag opens (counting none it closes first).
    fn levels(&self, tag: &Tag) -> usize {
        if !self.opens(tag) {
            return 0;
        }
        match (&*tag.name, self.table_context()) {
            ("td" | "th", Some("table")) => 3,
            ("td" | "th", Some("tbody" | "thead" | "tfoot")) => 2,
            ("tr", Some("table")) => 2,
            _ => 1,
        }
    }

    fn start(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if P_CLOSERS.contains(&name) {
            self.close_in_scope(&["p"], BUTTON_SCOPE);
        } else if !TABLE_PARTS.contains(&name) {
            self.reconstruct();
        }
        match name {
            "li" => self.close_list_item(&["li"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"]),
            _ if HEADINGS.contains(&name) => self.pop_if_top(HEADINGS),
            "option" => self.pop_if_top(&["option"]),
            "optgroup" => {
                self.pop_if_top(&["option"]);
                self.pop_if_top(&["optgroup"]);
            }
            // Ruby text closes the ruby text before it, inside a `<ruby>`
            // only; elsewhere it is an element like any other.
            "rb" | "rtc" if self.in_scope("ruby") => self.pop_while_top(IMPLIED_END),
            "rp" | "rt" if self.in_scope("ruby") => {
                self.pop_while_top(&IMPLIED_END[..IMPLIED_END.len() - 1]);
            }
            // A second `<a>` (or `<nobr>`) closes the first.
            "a" | "nobr" => self.forget(name),
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                if let Some(at) = self.find_table_context(&["table"]) {
                    self.pop_to_len(at + 1);
                }
            }
            "tr" => {
                if let Some(at) = self.find_table_context(&["tbody", "thead", "tfoot", "table"]) {
                    self.pop_to_len(at + 1);
                    if self.top() == Some("table") {
                        self.push("tbody", None);
                    }
                }
            }
            "td" | "th" => {
                if let Some(at) =
                    self.find_table_context(&["tr", "tbody", "thead", "tfoot", "table"])
                {
                    self.pop_to_len(at + 1);
                    if self.top() == Some("table") {
                        self.push("tbody", None);
                    }
                    if self.top() != Some("tr") {
                        self.push("tr", None);
                    }
                }
            }
            _ => {}
        }
        if !self.opens(tag) {
            return;
        }
        if FORMATTING.contains(&name) {
            self.push_formatting(tag);
        } else {
            self.push(name, None);
        }
    }

    fn end(&mut self, name: &str) {
        if FORMATTING.contains(&name) {
            self.end_formatting(name);
        } else if HEADINGS.contains(&name) {
            self.close_in_scope(HEADINGS, SCOPE);
        } else if TABLE_PARTS.contains(&name) {
            self.close_in_scope(&[name], TABLE_SCOPE);
        } else if name == "p" {
            self.close_in_scope(&["p"], BUTTON_SCOPE);
        } else if name == "li" {
            self.close_in_scope(&["li"], LIST_ITEM_SCOPE);
        } else if SPECIAL.contains(&name) {
            self.close_in_scope(&[name], SCOPE);
        } else {
            self.end_other(name);
        }
    }

    /// Any other end tag: closes the nearest element of its name, unless a
    /// special element stands in between.
    fn end_other(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            if self.stack[i].name == name {
                self.pop_to_len(i);
                return;
            }
            if SPECIAL.contains(&self.stack[i].name.as_str()) {
                return;
            }
        }
    }

    /// The adoption agency, as far as depth goes: an element closed already
    /// is forgotten; an open one with no special element inside it is
    /// closed with what it holds; otherwise the builder moves elements
    /// around without closing any, and nothing changes here.
    fn end_formatting(&mut self, name: &str) {
        let Some(entry) = self.entry_after_marker(name) else {
            return self.end_other(name);
        };
        let Active::Element { id, open, .. } = self.active[entry] else {
            return;
        };
        if !open {
            self.remove_entry(entry);
            return;
        }
        let Some(at) = self.stack.iter().rposition(|o| o.id == Some(id)) else {
            return;
        };
        let inside = &self.stack[at + 1..];
        if inside.iter().any(|o| SPECIAL.contains(&o.name.as_str())) {
            return;
        }
        self.pop_to_len(at);
        if let Some(entry) = self.entry_after_marker(name) {
            self.remove_entry(entry);
        }
    }

    fn top(&self) -> Option<&str> {
        self.stack.last().map(|o| o.name.as_str())
    }

    fn push(&mut self, name: &str, id: Option<u64>) {
        if MARKERS.contains(&name) {
            self.active.push(Active::Marker);
        }
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        self.stack.push(Open {
            name: name.to_owned(),
            id,
        });
    }

    /// Opens a formatting element and lists it; of three alike listed after
    /// the last marker the earliest leaves the list (the "Noah's Ark" rule).
    fn push_formatting(&mut self, tag: &Tag) {
        let mut attrs: Vec<String> = tag
            .attrs
            .iter()
            .map(|a| format!("{}={}", a.name.local, a.value))
            .collect();
        attrs.sort();
        let attrs = attrs.join("\0");
        let alike: Vec<usize> = (self.last_marker()..self.active.len())
            .filter(|&i| {
                matches!(&self.active[i],
                    Active::Element { name, attrs: a, .. } if *name == *tag.name && *a == attrs)
            })
            .collect();
        if alike.len() >= 3 {
            self.remove_entry(alike[0]);
        }
        let id = self.next_id;
        self.next_id += 1;
        self.active.push(Active::Element {
            name: tag.name.to_string(),
            attrs,
            id,
            open: true,
        });
        self.push(&tag.name, Some(id));
    }

    /// Opens again the listed formatting elements a block closed.
    fn reconstruct(&mut self) {
        if self.closed == 0 {
            return;
        }
        for i in self.last_marker()..self.active.len() {
            if let Active::Element {
                name,
                id,
                open: open @ false,
                ..
            } = &mut self.active[i]
            {
                *open = true;
                self.closed -= 1;
                let (name, id) = (name.clone(), *id);
                self.push(&name, Some(id));
            }
        }
    }

    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        if matches!(open.name.as_str(), "svg" | "math") {
            self.foreign -= 1;
        }
        if let Some(popped) = open.id {
            for a in self.active.iter_mut().rev() {
                if let Active::Element { id, open, .. } = a
                    && *id == popped
                {
                    *open = false;
                    self.closed += 1;
                    break;
                }
            }
        }
        if MARKERS.contains(&open.name.as_str()) {
            // Closing a cell, caption, … forgets the formatting opened in it.
            while let Some(a) = self.active.pop() {
                match a {
                    Active::Marker => break,
                    Active::Element { open, .. } => {
                        if !open {
                            self.closed -= 1;
                        }
                    }
                }
            }
        }
    }

    fn pop_to_len(&mut self, len: usize) {
        while self.stack.len() > len {
            self.pop();
        }
    }

    fn pop_while_top(&mut self, names: &[&str]) {
        while self.top().is_some_and(|t| names.contains(&t)) {
            self.pop();
        }
    }

    /// Whether an element named `name` is open with no scope boundary
    /// inside it.
    fn in_scope(&self, name: &str) -> bool {
        for open in self.stack.iter().rev() {
            if open.name == name {
                return true;
            }
            if SCOPE.contains(&open.name.as_str()) {
                return false;
            }
        }
        false
    }

    fn pop_if_top(&mut self, names: &[&str]) {
        if self.top().is_some_and(|t| names.contains(&t)) {
            self.pop();
        }
    }

    /// Closes the nearest of `names` (and what is inside it) unless one of
    /// `boundaries` stands in between.
    fn close_in_scope(&mut self, names: &[&str], boundaries: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let here = self.stack[i].name.as_str();
            if names.contains(&here) {
                self.pop_to_len(i);
                return;
            }
            if boundaries.contains(&here) {
                return;
            }
        }
    }

    /// `<li>`, `<dd>`, `<dt>`: closes an open one of `names` unless a special
    /// element other than `address`, `div` and `p` stands in between.
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let here = self.stack[i].name.as_str();
            if names.contains(&here) {
                self.pop_to_len(i);
                return;
            }
            if SPECIAL.contains(&here) && !matches!(here, "address" | "div" | "p") {
                return;
            }
        }
    }

    /// The nearest of `names` on the stack, looking no further than the
    /// elements a table's structure cannot reach past.
    fn find_table_context(&self, names: &[&str]) -> Option<usize> {
        for i in (0..self.stack.len()).rev() {
            let here = self.stack[i].name.as_str();
            if names.contains(&here) {
                return Some(i);
            }
            if TABLE_WALL.contains(&here) {
                return None;
            }
        }
        None
    }

    fn table_context(&self) -> Option<&str> {
        self.find_table_context(&["tr", "tbody", "thead", "tfoot", "table"])
            .map(|i| self.stack[i].name.as_str())
    }

    fn last_marker(&self) -> usize {
        self.active
            .iter()
            .rposition(|a| matches!(a, Active::Marker))
            .map_or(0, |i| i + 1)
    }

    fn entry_after_marker(&self, wanted: &str) -> Option<usize> {
        (self.last_marker()..self.active.len())
            .rev()
            .find(|&i| matches!(&self.active[i], Active::Element { name, .. } if name == wanted))
    }

    fn remove_entry(&mut self, i: usize) {
        if let Active::Element { open: false, .. } = self.active.remove(i) {
            self.closed -= 1;
        }
    }

    /// A new `<a>` or `<nobr>`: the one listed before it is closed and
    /// forgotten.
    fn forget(&mut self, name: &str) {
        let Some(entry) = self.entry_after_marker(name) else {
            return;
        };
        if let Active::Element { id, open: true, .. } = self.active[entry] {
            if let Some(at) = self.stack.iter().rposition(|o| o.id == Some(id)) {
                self.stack.remove(at);
            }
            self.active.remove(entry);
        } else {
            self.remove_entry(entry);
        }
    }
}

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Start tags the builder merges into what is already open.
const IGNORED: &[&str] = &["html", "head", "body", "frameset"];

const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Elements the builder closes when a new block of their kind begins
/// ("generate implied end tags"); `rtc` last, as `<rt>` keeps it open.
const IMPLIED_END: &[&str] = &[
    "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
];

const TABLE_PARTS: &[&str] = &[
    "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th",
];

/// Elements whose closing forgets the formatting opened inside them.
const MARKERS: &[&str] = &[
    "applet", "caption", "marquee", "object", "td", "template", "th",
];

/// Start tags that close an open `<p>` first.
const P_CLOSERS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "plaintext",
    "table",
    "hr",
    "xmp",
    "li",
    "dd",
    "dt",
];

/// What a table's cells and rows cannot be closed past.
const TABLE_WALL: &[&str] = &[
    "html", "template", "applet", "object", "marquee", "svg", "math", "select",
];

/// The HTML standard's "has an element in scope" boundaries, and `select`:
/// what it holds is parsed by rules of its own (which have changed), so
/// nothing is closed across it here.
const SCOPE: &[&str] = &[
    "select",
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
];

const BUTTON_SCOPE: &[&str] = &[
    "select",
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
    "button",
];

const LIST_ITEM_SCOPE: &[&str] = &[
    "select",
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
    "ol",
    "ul",
];

const TABLE_SCOPE: &[&str] = &["html", "table", "template"];

/// The HTML standard's "special" elements (formatting elements are not).
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
];

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
