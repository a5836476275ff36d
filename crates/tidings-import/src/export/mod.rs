//! Moving out: a blog written in another engine's import format. Our own
//! format, which reads back exactly, is in [`crate::tidings`].

mod blogger;
mod wxr;

pub use blogger::blogger;
pub use wxr::wxr;
