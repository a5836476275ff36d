//! A small, strict reader of export files: the stream is cut into records
//! (each `<entry>` of a Blogger feed, each `<item>` of a WordPress channel),
//! and only one record at a time is held as a tree.
//!
//! Strict where it protects us: a DTD is refused (so no entity can expand),
//! any entity but the five XML predefines is an error, and a file that ends
//! inside an element is refused as truncated. Tolerant where real exports are
//! messy: a namespace prefix the file never declared is read by its prefix,
//! bytes that are not UTF-8 are replaced, and control characters XML does not
//! allow are dropped. Each tolerance is reported as a note.

use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::ParseError;
use crate::input::Input;

/// An element of a record, with its namespace reduced to a short key
/// ([`ns_key`]) so that `http://` and `https://` variants read alike.
#[derive(Debug, Clone, Default)]
pub struct Elem {
    pub ns: String,
    pub name: String,
    /// Attributes by local name (no attribute we read is namespaced).
    pub attrs: Vec<(String, String)>,
    /// The element's own text and CDATA, in order.
    pub text: String,
    pub children: Vec<Elem>,
    /// Line of its start tag, 1-based.
    pub line: u64,
}

impl Elem {
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, ns: &str, name: &str) -> Option<&Elem> {
        self.children.iter().find(|c| c.is(ns, name))
    }

    pub fn all<'a>(&'a self, ns: &'a str, name: &'a str) -> impl Iterator<Item = &'a Elem> + 'a {
        self.children.iter().filter(move |c| c.is(ns, name))
    }

    /// The trimmed text of the first child `ns:name`, if it has any.
    pub fn text_of(&self, ns: &str, name: &str) -> Option<&str> {
        self.child(ns, name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// The short key of a namespace URI: `wp`, `atom`, `app`, `thr`… Unknown URIs
/// stay as they are.
pub fn ns_key(uri: &str) -> Cow<'_, str> {
    let bare = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
        .unwrap_or(uri);
    let key = match bare {
        "www.w3.org/2005/Atom" => "atom",
        "purl.org/atom/app#" | "www.w3.org/2007/app" => "app",
        "purl.org/syndication/thread/1.0" => "thr",
        "schemas.google.com/blogger/2018" => "blogger",
        "schemas.google.com/g/2005" => "gd",
        "purl.org/rss/1.0/modules/content/" => "content",
        "purl.org/dc/elements/1.1/" => "dc",
        "wellformedweb.org/CommentAPI/" => "wfw",
        b if b.starts_with("wordpress.org/export/") && b.ends_with("/excerpt/") => "excerpt",
        b if b.starts_with("wordpress.org/export/") => "wp",
        _ => return Cow::Borrowed(uri),
    };
    Cow::Borrowed(key)
}

/// How deep elements may nest. Real exports nest a handful of levels (a
/// WordPress comment's meta is five deep). A record is held as a tree, and
/// dropping a tree recurses once per level: a file of nothing but start tags
/// is refused early instead of costing memory and stack for each.
pub const MAX_DEPTH: usize = 100;

/// What [`read_records`] saw besides the records.
#[derive(Debug, Default)]
pub struct Outline {
    /// The root element (without children).
    pub root: Elem,
    /// Quirks tolerated, one line each, for stderr.
    pub notes: Vec<String>,
}

/// Reads `input` from start to end, calling `on_record` with every complete
/// element at `depth` (1: children of the root) and its path of ancestor
/// names. Elements above that depth are seen only as names; their text is
/// ignored. Only the record being read is held.
pub fn read_records(
    input: impl std::io::Read,
    depth: usize,
    mut on_record: impl FnMut(&[String], Elem) -> Result<(), ParseError>,
) -> Result<Outline, ParseError> {
    let mut reader = NsReader::from_reader(Input::new(input));
    reader.config_mut().check_end_names = true;
    let mut records = Records::new(depth);
    let mut buf = Vec::new();
    let mut last_line = 1;
    loop {
        buf.clear();
        let before = reader.buffer_position();
        records.note_first_drop(last_line);
        let (resolved, event) = match reader.read_resolved_event_into(&mut buf) {
            Ok((r, e)) => (key_of(r, &mut records.undeclared), e),
            Err(e) => {
                let at = reader.error_position();
                let line = reader.get_mut().line_at(at);
                return Err(ParseError::at(line, not_well_formed(e)));
            }
        };
        let line = reader.get_mut().line_at(before);
        last_line = line;
        match event {
            Event::DocType(_) => {
                return Err(ParseError::at(
                    line,
                    "the file has a DOCTYPE; DTDs and the entities they define are refused",
                ));
            }
            Event::Start(start) => records.start(&start, resolved, line)?,
            Event::Empty(start) => records.empty(&start, resolved, line, &mut on_record)?,
            Event::End(_) => records.end(&mut on_record)?,
            Event::Text(t) => records.text(&t),
            Event::CData(t) => records.text(&t),
            Event::GeneralRef(r) => records.reference(&r, line)?,
            Event::Eof => {
                let end = reader.get_mut().line_at(u64::MAX);
                records.complete(end)?;
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    Ok(records.into_outline())
}

/// The message of a reader's error: a file too large says so in its own
/// words (the one line a refused import prints), anything else is XML that
/// is not well-formed.
fn not_well_formed(e: quick_xml::Error) -> String {
    match &e {
        quick_xml::Error::Io(io) if io.kind() == std::io::ErrorKind::FileTooLarge => io.to_string(),
        _ => format!("not well-formed XML: {e}"),
    }
}

/// The state of one [`read_records`]: where in the tree it is, the record
/// being built, and the tolerances to report.
struct Records {
    depth: usize,
    outline: Outline,
    undeclared: Vec<String>,
    dropped_controls: usize,
    /// Where the first dropped character was, for the note.
    first_drop: Option<u64>,
    lossy: bool,
    /// Ancestors above the record depth, by name.
    path: Vec<String>,
    /// The record being built, and its open descendants.
    stack: Vec<Elem>,
    seen_root: bool,
}

type OnRecord<'f> = dyn FnMut(&[String], Elem) -> Result<(), ParseError> + 'f;

impl Records {
    fn new(depth: usize) -> Self {
        Self {
            depth,
            outline: Outline::default(),
            undeclared: Vec::new(),
            dropped_controls: 0,
            first_drop: None,
            lossy: false,
            path: Vec::new(),
            stack: Vec::new(),
            seen_root: false,
        }
    }

    /// Remembers the line of the event that dropped the first character,
    /// once one has been dropped (called before the next event is read).
    fn note_first_drop(&mut self, last_event_line: u64) {
        if self.dropped_controls > 0 && self.first_drop.is_none() {
            self.first_drop = Some(last_event_line);
        }
    }

    /// An element with its attributes, the first one kept as the root.
    fn element(
        &mut self,
        start: &BytesStart<'_>,
        ns: String,
        line: u64,
    ) -> Result<Elem, ParseError> {
        let elem = open(start, ns, line, &mut self.dropped_controls, &mut self.lossy)?;
        if !self.seen_root {
            self.seen_root = true;
            self.outline.root = elem.clone();
        }
        Ok(elem)
    }

    fn start(&mut self, start: &BytesStart<'_>, ns: String, line: u64) -> Result<(), ParseError> {
        if self.path.len() + self.stack.len() >= MAX_DEPTH {
            return Err(ParseError::at(
                line,
                format!(
                    "elements nested more than {MAX_DEPTH} levels deep; \
                     no export nests so deep"
                ),
            ));
        }
        let elem = self.element(start, ns, line)?;
        if self.path.len() < self.depth {
            self.path.push(elem.name.clone());
        } else {
            self.stack.push(elem);
        }
        Ok(())
    }

    fn empty(
        &mut self,
        start: &BytesStart<'_>,
        ns: String,
        line: u64,
        on_record: &mut OnRecord<'_>,
    ) -> Result<(), ParseError> {
        let elem = self.element(start, ns, line)?;
        if self.path.len() == self.depth && self.stack.is_empty() {
            on_record(&self.path, elem)?;
        } else if let Some(parent) = self.stack.last_mut() {
            parent.children.push(elem);
        }
        Ok(())
    }

    fn end(&mut self, on_record: &mut OnRecord<'_>) -> Result<(), ParseError> {
        if let Some(done) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(done),
                None => on_record(&self.path, done)?,
            }
        } else {
            self.path.pop();
        }
        Ok(())
    }

    /// Text or CDATA, kept only inside a record.
    fn text(&mut self, raw: &[u8]) {
        if let Some(e) = self.stack.last_mut() {
            push_text(
                &mut e.text,
                raw,
                &mut self.dropped_controls,
                &mut self.lossy,
            );
        }
    }

    /// A character reference or one of the five predefined entities; any
    /// other entity is refused.
    fn reference(&mut self, r: &BytesRef<'_>, line: u64) -> Result<(), ParseError> {
        let ch = match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c),
            Ok(None) => predefined(r),
            Err(_) => None,
        };
        let Some(ch) = ch else {
            return Err(ParseError::at(
                line,
                format!(
                    "&{}; is not an XML entity (only &amp; &lt; &gt; &quot; &apos; \
                     and character references are)",
                    String::from_utf8_lossy(r)
                ),
            ));
        };
        if let Some(e) = self.stack.last_mut() {
            if tidings_core::xml_chars::is_xml_char(ch) {
                e.text.push(ch);
            } else {
                self.dropped_controls += 1;
            }
        }
        Ok(())
    }

    /// At the end of the input: a file that stops inside an element is
    /// truncated, and one without any element is not an export.
    fn complete(&mut self, line: u64) -> Result<(), ParseError> {
        if !self.path.is_empty() || !self.stack.is_empty() {
            let open = self
                .stack
                .last()
                .map(|e| e.name.clone())
                .or_else(|| self.path.last().cloned())
                .unwrap_or_default();
            return Err(ParseError::at(
                line,
                format!("the file ends inside <{open}>: it is truncated"),
            ));
        }
        if !self.seen_root {
            return Err(ParseError::at(1, "the file holds no XML element"));
        }
        Ok(())
    }

    /// The outline, with a note for each tolerance.
    fn into_outline(self) -> Outline {
        let mut outline = self.outline;
        for prefix in self.undeclared {
            outline.notes.push(format!(
                "tolerated: namespace prefix {prefix}: is used but never declared"
            ));
        }
        if self.dropped_controls > 0 {
            outline.notes.push(format!(
                "tolerated: dropped {} characters XML does not allow (control \
                 characters, U+FFFE, U+FFFF), the first on line {}",
                self.dropped_controls,
                self.first_drop.unwrap_or(1)
            ));
        }
        if self.lossy {
            outline
                .notes
                .push("tolerated: bytes that are not UTF-8 were replaced with \u{FFFD}".into());
        }
        outline
    }
}

fn key_of(r: ResolveResult<'_>, undeclared: &mut Vec<String>) -> String {
    match r {
        ResolveResult::Unbound => String::new(),
        ResolveResult::Bound(ns) => ns_key(&String::from_utf8_lossy(ns.as_ref())).into_owned(),
        ResolveResult::Unknown(prefix) => {
            let p = String::from_utf8_lossy(&prefix).into_owned();
            if !undeclared.contains(&p) {
                undeclared.push(p.clone());
            }
            p
        }
    }
}

fn open(
    start: &BytesStart<'_>,
    ns: String,
    line: u64,
    dropped: &mut usize,
    lossy: &mut bool,
) -> Result<Elem, ParseError> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| ParseError::at(line, format!("a broken attribute: {e}")))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let raw = decode(&attr.value, lossy);
        let value = quick_xml::escape::unescape(&raw).map_err(|e| {
            ParseError::at(
                line,
                format!("attribute {key}: {e} (only the XML entities are allowed)"),
            )
        })?;
        attrs.push((key, clean(&value, dropped)));
    }
    Ok(Elem {
        ns,
        name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
        attrs,
        line,
        ..Elem::default()
    })
}

fn decode<'a>(raw: &'a [u8], lossy: &mut bool) -> Cow<'a, str> {
    match std::str::from_utf8(raw) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            *lossy = true;
            String::from_utf8_lossy(raw)
        }
    }
}

/// Text without the characters XML 1.0 forbids (`tidings_core::xml_chars`;
/// NUL among them, which no database stores as text), line ends normalised
/// to `\n`.
fn clean(s: &str, dropped: &mut usize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if tidings_core::xml_chars::is_xml_char(c) => out.push(c),
            _ => *dropped += 1,
        }
    }
    out
}

fn push_text(out: &mut String, raw: &[u8], dropped: &mut usize, lossy: &mut bool) {
    out.push_str(&clean(&decode(raw, lossy), dropped));
}

/// The five entities XML predefines, by name.
pub(crate) fn predefined(r: &[u8]) -> Option<char> {
    Some(match r {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(xml: &str, depth: usize) -> Result<Vec<Elem>, ParseError> {
        let mut out = Vec::new();
        read_records(xml.as_bytes(), depth, |_, e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn reads_records_with_namespaces() {
        let xml = r#"<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
  <title>T &amp; U</title>
  <entry><id>1</id><thr:in-reply-to ref="x"/><content><![CDATA[<b>hi</b>]]> &#233;</content></entry>
</feed>"#;
        let recs = records(xml, 1).unwrap();
        assert_eq!(recs.len(), 2);
        assert!(recs[0].is("atom", "title"));
        assert_eq!(recs[0].text, "T & U");
        assert_eq!(recs[1].line, 4);
        assert_eq!(
            recs[1].child("thr", "in-reply-to").unwrap().attr("ref"),
            Some("x")
        );
        assert_eq!(recs[1].text_of("atom", "content"), Some("<b>hi</b> é"));
    }

    #[test]
    fn refuses_dtds_unknown_entities_and_truncation() {
        let e = records("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", 1).unwrap_err();
        assert!(e.to_string().contains("DOCTYPE"), "{e}");
        let e = records("<x>\n<y>&nbsp;</y></x>", 1).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = records("<x>\n<y>a</y>\n<y>b", 1).unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
        assert_eq!(e.line, Some(3));
        let e = records("<x>\n<y>a</z></x>", 1).unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(records("", 1).is_err());
    }

    #[test]
    fn refuses_elements_nested_too_deep() {
        let deep = |n: usize| format!("<x>{}{}</x>", "<y>".repeat(n), "</y>".repeat(n));
        assert_eq!(records(&deep(MAX_DEPTH - 1), 1).unwrap().len(), 1);
        // 100,000 levels: refused at the 101st, with the line.
        let e = records(&deep(100_000), 1).unwrap_err();
        assert!(e.to_string().contains("nested more than 100 levels"), "{e}");
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn tolerates_undeclared_prefixes_and_control_characters() {
        let mut n = 0;
        let outline = read_records(&b"<rss>\n<wp:id>1\x01</wp:id></rss>"[..], 1, |_, e| {
            assert!(e.is("wp", "id"));
            assert_eq!(e.text, "1");
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 1);
        assert_eq!(outline.notes.len(), 2, "{:?}", outline.notes);
        assert!(
            outline.notes[1].ends_with("the first on line 2"),
            "{:?}",
            outline.notes
        );
    }
}
