//! The use cases: what a person or a script can do to a blog, each in one
//! function that takes plain inputs, the store and the time, and answers a
//! result or an [`Error`].
//!
//! A comment arrives from the form, and soon from the API, a link in a mail
//! and the fediverse; a post is saved from the editor, the API, imports and
//! autosave. The rules of each act live here once, so those ways in cannot
//! drift apart: the web crate extracts, calls and renders; the CLI parses,
//! calls and prints. Nothing here knows HTTP or SQL.

pub mod account;
pub mod actor;
pub mod blogs;
pub mod comments;
pub mod demo;
pub mod error;
pub mod form_token;
pub mod import;
pub mod layout;
pub mod limits;
pub mod mail;
pub mod media;
pub mod people;
pub mod posts;
pub mod search;
pub mod secrets;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod signin;
pub mod tokens;
pub mod views;
pub mod work;

pub use actor::Actor;
pub use error::Error;
