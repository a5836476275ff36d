//! Taking out what a picture says about its camera, place and time, without
//! touching its pixels.
//!
//! EXIF (GPS position, camera, serial numbers, time), XMP (the same again,
//! and edit history) and IPTC (names, places) go; the colour profile stays,
//! so colours look as the photographer saw them.

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use crate::{Format, Refusal};

/// PNG chunks that carry text or metadata: EXIF, XMP (in `iTXt`), comments,
/// times.
const PNG_METADATA: &[[u8; 4]] = &[*b"eXIf", *b"tEXt", *b"iTXt", *b"zTXt", *b"tIME"];

/// `bytes` without its metadata; a GIF is kept as it is (its format has no
/// EXIF, and comments in it say nothing of a camera).
pub(crate) fn strip_metadata(bytes: &[u8], format: Format) -> Result<Vec<u8>, Refusal> {
    let broken = |e: img_parts::Error| Refusal::Broken(e.to_string());
    let input = Bytes::copy_from_slice(bytes);
    let out = match format {
        Format::Jpeg => {
            let mut jpeg = Jpeg::from_bytes(input).map_err(broken)?;
            // APP1 holds EXIF and XMP, APP13 Photoshop's IPTC; APP2 (the
            // colour profile) and APP14 (Adobe's colour transform) stay.
            jpeg.segments_mut()
                .retain(|s| !matches!(s.marker(), markers::APP1 | markers::APP13 | markers::COM));
            jpeg.encoder().bytes()
        }
        Format::Png => {
            let mut png = Png::from_bytes(input).map_err(broken)?;
            png.chunks_mut()
                .retain(|c| !PNG_METADATA.contains(&c.kind()));
            png.encoder().bytes()
        }
        Format::Webp => {
            let mut webp = WebP::from_bytes(input).map_err(broken)?;
            webp.remove_chunks_by_id(*b"XMP ");
            // Also brings the extended header's flags in line.
            webp.set_exif(None);
            webp.encoder().bytes()
        }
        Format::Gif => input,
    };
    Ok(out.to_vec())
}
