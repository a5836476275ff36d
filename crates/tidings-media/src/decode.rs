//! Decoding under limits, turned upright.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{AnimationDecoder, DynamicImage, ImageDecoder, ImageReader, Limits};

use crate::{Format, MAX_DECODE_BYTES, MAX_PIXELS, Refusal};

/// A decoded picture, upright.
pub(crate) struct Picture {
    pub image: DynamicImage,
    /// Its colour profile, carried to every file made from it.
    pub icc: Option<Vec<u8>>,
    /// Whether its EXIF orientation turned or flipped it.
    pub turned: bool,
}

fn limits() -> Limits {
    let side = u32::try_from(MAX_PIXELS).unwrap_or(u32::MAX);
    let mut limits = Limits::default();
    limits.max_image_width = Some(side);
    limits.max_image_height = Some(side);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

fn broken(e: impl std::fmt::Display) -> Refusal {
    Refusal::Broken(e.to_string())
}

fn reader(bytes: &[u8], format: Format) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image());
    reader.limits(limits());
    reader
}

/// Decodes `bytes` (already [`crate::inspect`]ed) and applies its EXIF
/// orientation. A truncated or damaged file is refused, never half kept.
pub(crate) fn decode(bytes: &[u8], format: Format) -> Result<Picture, Refusal> {
    let mut decoder = reader(bytes, format).into_decoder().map_err(broken)?;
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(broken)?;
    let turned = orientation != Orientation::NoTransforms;
    image.apply_orientation(orientation);
    Ok(Picture { image, icc, turned })
}

/// Whether a GIF or WebP has more than one frame. A GIF's frames are
/// decoded (within the limits) until the second one; a WebP says so in its
/// header.
pub(crate) fn is_animated(bytes: &[u8], format: Format) -> Result<bool, Refusal> {
    match format {
        Format::Gif => {
            let mut decoder =
                image::codecs::gif::GifDecoder::new(Cursor::new(bytes)).map_err(broken)?;
            decoder.set_limits(limits()).map_err(broken)?;
            let mut frames = decoder.into_frames();
            let mut seen = 0;
            while seen < 2 {
                match frames.next() {
                    Some(frame) => {
                        frame.map_err(broken)?;
                        seen += 1;
                    }
                    None => break,
                }
            }
            Ok(seen > 1)
        }
        Format::Webp => {
            let decoder =
                image::codecs::webp::WebPDecoder::new(Cursor::new(bytes)).map_err(broken)?;
            Ok(decoder.has_animation())
        }
        Format::Jpeg | Format::Png => Ok(false),
    }
}
