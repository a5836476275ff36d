//! Renders every format from the same fixtures and reads the result back with the
//! format's own parser, plus a strict namespace-aware XML parser for the XML ones:
//! what a feed reader receives must be well-formed and say what we meant.
//!
//! One test binary, as in the rest of the workspace: a module per format.

mod atom;
mod fixtures;
mod json;
mod language;
mod rss;
mod sitemap;
