//! Moving out: a blog written in another engine's import format. Our own
//! format, which reads back exactly, is in [`crate::tidings`].

mod blogger;
mod thumbnails;
mod writable;
mod wxr;

pub use blogger::blogger;
pub use writable::writable;
pub use wxr::wxr;

/// How much text a writer makes before handing it on.
const SPILL_AT: usize = 1 << 20;

/// Hands what `x` holds to `out` once it holds [`SPILL_AT`] bytes, so a
/// writer holds a few items' text at a time, never the file's.
pub(crate) fn spill(x: &mut String, out: &mut impl std::io::Write) -> std::io::Result<()> {
    if x.len() >= SPILL_AT {
        out.write_all(x.as_bytes())?;
        x.clear();
    }
    Ok(())
}

/// A writer's text buffer, with room for what it holds before it spills.
pub(crate) fn buffer() -> String {
    String::with_capacity(SPILL_AT + SPILL_AT / 4)
}
