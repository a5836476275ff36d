//! Handlers of public pages and feeds, one module per area.

pub mod archive;
pub mod comment_submit;
pub mod custom_css;
pub mod feeds;
pub mod follow;
pub mod home;
pub mod media;
pub mod ops;
pub mod pages;
pub mod paging;
pub mod post;
pub mod preview;
pub mod redirects;
pub mod replies;
pub mod search;
pub mod theme_files;
pub mod unlock;
