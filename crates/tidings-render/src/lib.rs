//! Everything Tidings turns into HTML or back into text, as pure functions.
//!
//! This crate owns the one boundary where text from outside (an author's Markdown,
//! imported Blogger/WordPress HTML, a stranger's comment) becomes markup that a
//! reader's browser will interpret, and the reverse trip from HTML to plain text for
//! search, feeds and meta descriptions. Keeping it in one small crate, with no I/O and
//! no knowledge of posts, storage or HTTP, means every caller gets the same rules and
//! the rules can be tested exhaustively with plain strings.
//!
//! Two trust levels, deliberately different:
//!
//! - **Authors** (Markdown and HTML) are trusted to format but not to run script: their
//!   output always goes through one allowlist sanitiser ([`sanitize_html`]).
//! - **Commenters** are not trusted to format at all: [`comment_to_html`] escapes
//!   everything and only adds the paragraphs, line breaks and links it builds itself.
//!
//! Author HTML nested past [`MAX_NESTING`] levels is refused (`try_*`) or flattened
//! (the rest) before html5ever builds a tree from it, so no input costs more than
//! time linear in its size (`nesting.rs`).
//!
//! Architecture invariant: nothing here reads files, the clock, the network or global
//! configuration. Callers pass strings in and get strings back.

mod addresses;
mod autolink;
mod classes;
mod comment;
mod comment_markup;
mod escape;
mod jump;
mod markdown;
mod nesting;
mod pictures;
mod sanitize;
mod steps;
mod summary;
mod text;

pub use addresses::{absolute_media, replace_picture_links};
pub use comment::{comment_shown, comment_to_html};
pub use comment_markup::comment_markup;
pub use escape::{escape_html, write_escaped};
pub use jump::{MARKER as JUMP_BREAK, after_break, teaser};
pub use markdown::{markdown_to_html, try_markdown_to_html};
pub use nesting::{MAX_NESTING, TooDeep, check as check_nesting};
pub use pictures::{Picture, featured_image, feed_images, image_sources, responsive_images};
pub use sanitize::{sanitize_html, try_sanitize_html};
pub use summary::summary;
pub use text::html_to_text;
