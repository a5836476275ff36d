//! Moving out: a blog written in another engine's import format. Our own
//! format, which reads back exactly, is in [`crate::tidings`].

mod blogger;
mod thumbnails;
mod writable;
mod wxr;

pub use blogger::blogger;
pub use writable::writable;
pub use wxr::wxr;
