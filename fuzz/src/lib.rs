//! What the fuzz targets share: an oracle that reads HTML we produced the way a
//! browser's tokenizer would and says what in it could run script, and a fixed
//! blog for the importers.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use tidings_core::{BlogSettings, Moderation};

/// A start tag as the tokenizer saw it: name and attributes, lowercased names.
#[derive(Debug)]
pub struct StartTag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

/// Every start tag in `html`, in order.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    #[derive(Default)]
    struct Sink(RefCell<Vec<StartTag>>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token
                && tag.kind == TagKind::StartTag
            {
                self.0.borrow_mut().push(StartTag {
                    name: tag.name.to_string(),
                    attrs: tag
                        .attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect(),
                });
            }
            TokenSinkResult::Continue
        }
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink::default(), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

/// Elements that run script, load documents, or change how what follows is parsed.
const DANGEROUS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "form",
    "base",
    "meta",
    "link",
    "template",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "select",
    "button",
    "portal",
];

/// Attributes whose value is a URL a browser follows or loads.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "cite",
    "data",
    "ping",
    "xlink:href",
];

/// A URL's scheme as a browser's URL parser decides it: leading and
/// trailing C0 controls and spaces are stripped, tabs and newlines anywhere
/// are removed, then a scheme is an ASCII letter followed by letters, digits,
/// `+`, `-` or `.` up to a `:`. Anything else is a relative URL (`None`).
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (before, _) = url.split_once(':')?;
    let mut chars = before.chars();
    let first_is_letter = chars.next()?.is_ascii_alphabetic();
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_ok).then(|| before.to_ascii_lowercase())
}

/// Panics, naming what it found, if author HTML that went through the
/// sanitiser could run script: a dangerous element, an event handler, or a URL
/// with a scheme other than http, https, mailto (or none).
pub fn assert_inert(html: &str) {
    for tag in start_tags(html) {
        assert!(
            !DANGEROUS.contains(&tag.name.as_str()),
            "<{}> survived in {html:?}",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(
                !name.starts_with("on"),
                "event handler {name} on <{}> in {html:?}",
                tag.name
            );
            if URL_ATTRS.contains(&name.as_str())
                && let Some(s) = scheme(value)
            {
                assert!(
                    matches!(s.as_str(), "http" | "https" | "mailto"),
                    "{name}={value:?} on <{}> in {html:?}",
                    tag.name
                );
            }
        }
    }
}

/// Panics unless sanitising `once` (the sanitiser's own output) again finds
/// no element or attribute the first pass did not already allow, and the
/// same text: then what a browser builds from `once` holds only what the
/// sanitiser approved, which is what matters against mutation XSS.
///
/// Not byte equality, on purpose: some trees the parser builds cannot be
/// written as markup that parses back to the same tree (the HTML standard
/// says so of its serialisation). `<a>a<table><a>b` gives an `<a>` inside an
/// `<a>`; read again, the inner one closes the outer, and the parser's
/// "adoption agency" may clone a formatting element (`<code>`, `<b>`) around
/// the move. Same kinds of element, same attributes, same text.
pub fn assert_stable(once: &str) {
    let twice = tidings_render::sanitize_html(once);
    if twice == once {
        return;
    }
    assert_inert(&twice);
    let tags = |html: &str| {
        let mut tags: Vec<String> = start_tags(html)
            .into_iter()
            .map(|mut t| {
                t.attrs.sort();
                format!("{} {:?}", t.name, t.attrs)
            })
            .collect();
        tags.sort();
        tags.dedup();
        tags
    };
    let first = tags(once);
    for tag in tags(&twice) {
        assert!(
            first.contains(&tag),
            "sanitising {once:?} again gave {tag} in {twice:?}"
        );
    }
    assert_eq!(
        tidings_render::html_to_text(&twice),
        tidings_render::html_to_text(once),
        "sanitising {once:?} again changed its text to {twice:?}"
    );
}

/// The blog every importer target writes into: Blogger's defaults.
pub fn blog() -> BlogSettings {
    BlogSettings {
        timezone: chrono_tz::Europe::Berlin,
        posts_per_page: 10,
        comment_moderation: Moderation::Never,
        ..BlogSettings::new(1, "fuzz.example", "Fuzz")
    }
}
