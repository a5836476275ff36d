//! Pictures: what an uploaded file is, judged by its bytes alone, and what
//! we keep of it: the original cleaned of what it says about its camera and
//! place, and narrower copies for small screens.
//!
//! Pure: bytes in, bytes out, no I/O, so the image crates (and libwebp's C
//! build) compile beside the rest and every rule here is a unit test. It is
//! CPU work of a second or so: callers run it on `tidings_app::work`'s pool,
//! never on a thread that answers requests.
//!
//! The order is the defence: the type from the first bytes (never the name
//! or the declared type), then the dimensions from the header, refused past
//! [`MAX_PIXELS`] before any pixel is decoded, then decoding under
//! `image::Limits`, so no file can make us allocate more than
//! [`MAX_DECODE_BYTES`].

mod clean;
mod decode;
mod kind;
mod refusal;
mod variants;

pub use kind::{Format, Header, inspect};
pub use refusal::Refusal;
pub use variants::WIDTHS;

/// At most this many pixels (width × height): a 50 megapixel picture is
/// larger than any screen needs, and more is how a pixel flood starts.
pub const MAX_PIXELS: u64 = 50_000_000;

/// What decoding may allocate: a 50 megapixel RGBA picture (200 MB) and a
/// little more; a 16-bit one is refused rather than taking twice that.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// One file we keep: its format, size in pixels and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// What an upload becomes.
#[derive(Debug, Clone)]
pub struct Processed {
    /// The file as uploaded, turned upright if its EXIF said so, without
    /// EXIF, XMP or IPTC data (camera, place, time), its colour profile kept.
    pub original: Encoded,
    /// The narrower copies, narrowest first: each width of [`WIDTHS`] below
    /// the original's, in its format and in WebP. None for an animation,
    /// which is kept as it came (see [`Processed::animated`]).
    pub variants: Vec<Encoded>,
    /// An animated GIF or WebP: kept whole so it stays animated; resizing
    /// every frame would cost more than the narrower files save.
    pub animated: bool,
}

/// Judges, cleans and resizes an upload: the whole of it, or why not.
pub fn process(bytes: &[u8]) -> Result<Processed, Refusal> {
    let header = inspect(bytes)?;
    if decode::is_animated(bytes, header.format)? {
        let original = clean::strip_metadata(bytes, header.format)?;
        return Ok(Processed {
            original: Encoded {
                format: header.format,
                width: header.width,
                height: header.height,
                bytes: original,
            },
            variants: Vec::new(),
            animated: true,
        });
    }
    let picture = decode::decode(bytes, header.format)?;
    let original = if picture.turned {
        // Turned upright, the pixels changed: encoded anew, which also
        // leaves every piece of metadata but the colour profile behind.
        variants::encode(&picture.image, header.format, picture.icc.as_deref())?
    } else {
        Encoded {
            format: header.format,
            width: picture.image.width(),
            height: picture.image.height(),
            bytes: clean::strip_metadata(bytes, header.format)?,
        }
    };
    let variants = variants::make(&picture.image, header.format, picture.icc.as_deref())?;
    Ok(Processed {
        original,
        variants,
        animated: false,
    })
}
