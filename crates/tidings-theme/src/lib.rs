//! What a blog and its admin look like: the templates (auto-escaped), the
//! view models they take, and the static files (the theme's CSS, the
//! admin's look and script) under names that carry their content's hash.
//!
//! Apart from the web crate because a page's look is not HTTP: this crate
//! turns plain data into HTML and knows neither requests nor SQL, so the
//! blog's languages and looks grow here while `tidings-web` stays the
//! crate of routes, caching and the server.

pub mod chart;
pub mod diff;
mod files;
pub mod gadgets;
pub mod i18n;
pub mod meta;
mod templates;
mod theme;
pub mod views;

pub use files::{StaticFile, static_files, url};

/// The icon of a blog whose owner chose none (a white T on the header's
/// blue, 16 and 32 pixels): what `/favicon.ico` answers, so browsers,
/// which ask for it unbidden, never get a 404.
pub const FAVICON_ICO: &[u8] = include_bytes!("../static/favicon.ico");
pub use templates::{RenderError, Templates};
pub use theme::{FILES_PATH, Problem, Theme, ThemeFile, ThemeSource, builtin_files};
