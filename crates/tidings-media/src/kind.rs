//! Which picture a file is, from its first bytes and its header alone.

use std::io::Cursor;

use image::{ImageFormat, ImageReader};
use tidings_core::media::served_type;

use crate::{MAX_PIXELS, Refusal};

/// The formats we take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Gif,
}

impl Format {
    pub fn mime_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Gif => "image/gif",
        }
    }

    /// The file name extension our names end in.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Gif => "gif",
        }
    }

    pub(crate) fn image(self) -> ImageFormat {
        match self {
            Self::Jpeg => ImageFormat::Jpeg,
            Self::Png => ImageFormat::Png,
            Self::Webp => ImageFormat::WebP,
            Self::Gif => ImageFormat::Gif,
        }
    }
}

/// What the first bytes and the header say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub format: Format,
    /// As stored, before any EXIF orientation is applied.
    pub width: u32,
    pub height: u32,
}

/// The format (from the bytes: a name or a declared type is never asked)
/// and the dimensions (from the header, no pixel decoded), refused when the
/// file is no picture we take or has more than [`MAX_PIXELS`].
pub fn inspect(bytes: &[u8]) -> Result<Header, Refusal> {
    let not_a_picture = |looks_like: String| Refusal::NotAPicture { looks_like };
    let format = match served_type(bytes) {
        Ok("image/jpeg") => Format::Jpeg,
        Ok("image/png") => Format::Png,
        Ok("image/webp") => Format::Webp,
        Ok("image/gif") => Format::Gif,
        Ok(other) => return Err(not_a_picture(format!("is {other}"))),
        Err(e) => return Err(not_a_picture(e.looks_like)),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format.image())
        .into_dimensions()
        .map_err(|e| Refusal::Broken(e.to_string()))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refusal::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(Refusal::Broken("it has no pixels".into()));
    }
    Ok(Header {
        format,
        width,
        height,
    })
}
