//! The model of html5ever's tree builder that the measure walks with: its
//! stack of open elements and its list of active formatting elements, with
//! the rules that open and close them, as far as depth goes.

use html5ever::tokenizer::Tag;

use super::elements::{
    BUTTON_SCOPE, FORMATTING, HEADINGS, IGNORED, IMPLIED_END, LIST_ITEM_SCOPE, MARKERS, P_CLOSERS,
    SCOPE, SPECIAL, TABLE_PARTS, TABLE_SCOPE, TABLE_WALL, VOID,
};

/// The tree builder's stack of open elements and its list of active
/// formatting elements, as far as depth goes.
#[derive(Default)]
pub(super) struct Model {
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
    pub(super) fn depth(&self) -> usize {
        self.stack.len() + self.closed
    }

    /// Whether a start tag opens an element that stays open. The parts of
    /// a table open nothing outside one.
    pub(super) fn opens(&self, tag: &Tag) -> bool {
        let name = &*tag.name;
        !(VOID.contains(&name)
            || IGNORED.contains(&name)
            || (tag.self_closing && self.foreign > 0)
            || (name != "table"
                && TABLE_PARTS.contains(&name)
                && self.find_table_context(&["table"]).is_none()))
    }

    /// How many levels a start tag opens (counting none it closes first).
    pub(super) fn levels(&self, tag: &Tag) -> usize {
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

    pub(super) fn start(&mut self, tag: &Tag) {
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

    pub(super) fn end(&mut self, name: &str) {
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
    pub(super) fn reconstruct(&mut self) {
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
