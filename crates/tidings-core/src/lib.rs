//! Domain types and rules of Tidings, with no I/O.
//!
//! Everything here is a pure function of its inputs, so the rules a reader sees
//! (which day a post belongs to, what its URL is, whether a comment is held) are
//! unit-tested without a database or a server. The store crate persists these types;
//! the web crate shows them.

pub mod blog;
pub mod comment;
pub mod dates;
pub mod gadget;
pub mod header_image;
pub mod language;
pub mod media;
pub mod password;
pub mod permission;
pub mod picture_url;
pub mod post;
pub mod slug;
pub mod spam;
pub mod suffix;
pub mod user;
pub mod views;
pub mod xml_chars;

pub use blog::{BlogSettings, CommentsAllowed, FeedContent, Moderation, parse_timezone};
pub use comment::{
    AddressRate, Comment, CommentStatus, CommentVerdict, FieldError, HoldReason, Repeats, Signals,
    Submission, judge,
};
pub use dates::{DayGroup, clock_time, date_header, group_by_day, month_day_year};
pub use header_image::{HeaderImage, HeaderPlacement};
pub use language::{is_right_to_left, messages_for, og_locale, parse_language};
pub use post::{Post, PostComments, PostKind, PostStatus, post_path};
pub use slug::slugify;
pub use user::Role;

/// A value of a closed set given as text that is not one of its members.
///
/// Carries the offending input so the API and CLI can say exactly what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} must be one of {allowed}, not {got:?}")]
pub struct UnknownValue {
    pub what: &'static str,
    pub allowed: &'static str,
    pub got: String,
}
