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
    if format == Format::Jpeg && !jpeg_has_end(bytes) {
        return Err(Refusal::Broken("it ends before its last scan does".into()));
    }
    let mut decoder = reader(bytes, format).into_decoder().map_err(broken)?;
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(broken)?;
    let turned = orientation != Orientation::NoTransforms;
    image.apply_orientation(orientation);
    Ok(Picture { image, icc, turned })
}

/// Whether a JPEG's scan data reaches its end-of-image marker. A JPEG cut
/// short still decodes (the decoder fills what is missing with grey), so
/// its end is looked for: after the first start-of-scan only scan data and
/// markers of further scans follow, where `FF D9` is the end and nothing
/// else (a thumbnail's end, in the EXIF before, is not counted).
fn jpeg_has_end(bytes: &[u8]) -> bool {
    const SOS: u8 = 0xda;
    let mut at = 2;
    while let (Some(0xff), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        match marker {
            // Fill bytes, and markers without a length.
            0xff => at += 1,
            0x01 | 0xd0..=0xd8 => at += 2,
            _ => {
                let Some(len) = bytes.get(at + 2..at + 4) else {
                    return false;
                };
                let next = at + 2 + usize::from(u16::from_be_bytes([len[0], len[1]]));
                if marker == SOS {
                    return bytes
                        .get(next..)
                        .is_some_and(|scan| scan.windows(2).any(|w| w == [0xff, 0xd9]));
                }
                at = next;
            }
        }
    }
    false
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
