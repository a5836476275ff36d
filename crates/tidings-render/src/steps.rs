//! The tree builder's own count of its work, for what the nesting model
//! (`nesting.rs`) does not foresee.
//!
//! The model follows the builder's rules closely but not exactly, and where
//! it keeps an element open that the builder closed, a later end tag can
//! close more in the model than in the builder (a `</section>` closing an
//! old section the builder had left behind): input built for that gap nests
//! thousands deep while the model sees little. So the builder itself is run
//! first, with a sink that builds nothing and counts each time the builder
//! looks at an element on its stack (its names and identities), which is
//! where deep input costs. The input is fed in small pieces and the run stops
//! as soon as the count passes [`STEPS_PER_BYTE`] per byte of input: however
//! the input is built, this check costs no more than that budget, and what
//! passes it costs the sanitiser no more either.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, ParseOpts, QualName, local_name, ns, parse_fragment};

/// Steps the builder may take per byte of input: twice the most we found
/// input within the nesting limit to take (48 a byte: a MiB of bold
/// paragraphs 99 `<div>`s deep; a MiB nested 100 deep all through takes 10,
/// real posts a few). Past it, steps grow with the square of the depth.
const STEPS_PER_BYTE: u64 = 100;

/// Steps any input may take, however short.
const STEPS_BASE: u64 = 1_000_000;

/// Bytes fed at a time between two looks at the count.
const PIECE: usize = 2048;

/// `Err(line)` when building the tree of `html` takes more steps than its
/// size allows, with the line where it went past.
pub(crate) fn check(html: &str) -> Result<(), u64> {
    let budget = STEPS_BASE + STEPS_PER_BYTE * html.len() as u64;
    let count = Count::default();
    let sink = Sink {
        count: count.clone(),
        document: Rc::new(Node {
            name: QualName::new(None, ns!(html), local_name!("html")),
        }),
    };
    let mut parser = parse_fragment(
        sink,
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("div")),
        Vec::new(),
        false,
    );
    let mut rest = html;
    while !rest.is_empty() {
        let mut end = PIECE.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
        if count.steps.get() > budget {
            return Err(count.line.get());
        }
    }
    parser.finish();
    if count.steps.get() > budget {
        return Err(count.line.get());
    }
    Ok(())
}

#[derive(Clone, Default)]
struct Count {
    steps: Rc<Cell<u64>>,
    line: Rc<Cell<u64>>,
}

impl Count {
    fn step(&self) {
        self.steps.set(self.steps.get() + 1);
    }
}

struct Node {
    name: QualName,
}

type Handle = Rc<Node>;

/// A tree sink that keeps no tree, only the names the builder asks for.
struct Sink {
    count: Count,
    document: Handle,
}

impl Sink {
    fn node(name: QualName) -> Handle {
        Rc::new(Node { name })
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = ();
    type ElemName<'a> = &'a QualName;

    fn finish(self) {}

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        self.count.step();
        &target.name
    }

    fn create_element(&self, name: QualName, _: Vec<Attribute>, _: ElementFlags) -> Handle {
        Self::node(name)
    }

    fn create_comment(&self, _: StrTendril) -> Handle {
        self.document.clone()
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> Handle {
        self.document.clone()
    }

    fn append(&self, _: &Handle, _: NodeOrText<Handle>) {}

    fn append_based_on_parent_node(&self, _: &Handle, _: &Handle, _: NodeOrText<Handle>) {}

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        Self::node(target.name.clone())
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.count.step();
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, _: &Handle, _: NodeOrText<Handle>) {}

    fn add_attrs_if_missing(&self, _: &Handle, _: Vec<Attribute>) {}

    fn remove_from_parent(&self, _: &Handle) {}

    fn reparent_children(&self, _: &Handle, _: &Handle) {}

    fn set_current_line(&self, line: u64) {
        self.count.line.set(line);
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn deep_input_runs_out_of_steps_early() {
        // How soon, in time, is for the integration tests (hostile_bodies.rs)
        // against the real server: here, only that it is refused.
        assert!(check(&"<div>".repeat(80_000)).is_err());
        assert_eq!(check("<p>fine</p>"), Ok(()));
    }

    #[test]
    fn a_mib_nested_100_deep_is_within_the_budget() {
        let block = format!("{}deep{}\n", "<div>".repeat(100), "</div>".repeat(100));
        assert_eq!(check(&block.repeat((1 << 20) / block.len())), Ok(()));
    }
}
