//! The narrower copies: resized with `fast_image_resize` (SIMD convolution,
//! a tenth of `image`'s own resize on a 24 MP photo), encoded in the
//! original's format by `image` and in WebP by libwebp (lossy: `image`
//! writes lossless WebP only, larger than the JPEG it would replace).

use std::borrow::Cow;

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageEncoder};
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageICC};

use crate::{Encoded, Format, Refusal};

/// The widths of the copies, in CSS pixels: a phone, a phone at 2x or a
/// column, a laptop, a large screen at 2x.
pub const WIDTHS: [u32; 4] = [320, 640, 1280, 2048];

/// JPEG and WebP quality of every file we encode: visually lossless for
/// photos at a fraction of a camera's size.
const QUALITY: u8 = 82;

fn broken(e: impl std::fmt::Display) -> Refusal {
    Refusal::Broken(e.to_string())
}

/// Every width of [`WIDTHS`] narrower than `image`, each in `format` and in
/// WebP, narrowest first.
pub(crate) fn make(
    image: &DynamicImage,
    format: Format,
    icc: Option<&[u8]>,
) -> Result<Vec<Encoded>, Refusal> {
    let image = eight_bit(image);
    let mut out = Vec::new();
    for width in WIDTHS.into_iter().filter(|w| *w < image.width()) {
        let smaller = resize(&image, width)?;
        out.push(encode(&smaller, format, icc)?);
        if format != Format::Webp {
            out.push(encode(&smaller, Format::Webp, icc)?);
        }
    }
    Ok(out)
}

/// RGB or RGBA with 8 bits a channel: what the resizer, the encoders and
/// browsers take; a 16-bit PNG's copies lose precision no screen shows.
/// Borrowed when it already is: a copy of a 24-megapixel photo is 72 MB.
fn eight_bit(image: &DynamicImage) -> Cow<'_, DynamicImage> {
    match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_) => Cow::Borrowed(image),
        _ if image.color().has_alpha() => Cow::Owned(DynamicImage::ImageRgba8(image.to_rgba8())),
        _ => Cow::Owned(DynamicImage::ImageRgb8(image.to_rgb8())),
    }
}

/// RGB with 8 bits a channel, for JPEG, which has no alpha: borrowed when
/// it already is.
fn rgb(image: &DynamicImage) -> Cow<'_, DynamicImage> {
    match image {
        DynamicImage::ImageRgb8(_) => Cow::Borrowed(image),
        _ => Cow::Owned(DynamicImage::ImageRgb8(image.to_rgb8())),
    }
}

/// `image` (RGB8 or RGBA8) at `width`, its height in proportion.
fn resize(image: &DynamicImage, width: u32) -> Result<DynamicImage, Refusal> {
    let height = (u64::from(image.height()) * u64::from(width) / u64::from(image.width())).max(1);
    let height = u32::try_from(height).map_err(broken)?;
    let pixel = if image.color().has_alpha() {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    let mut dst = Image::new(width, height, pixel);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(image, &mut dst, &options)
        .map_err(broken)?;
    let buffer = dst.into_vec();
    let resized = if pixel == PixelType::U8x4 {
        image::RgbaImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgba8)
    } else {
        image::RgbImage::from_raw(width, height, buffer).map(DynamicImage::ImageRgb8)
    };
    resized.ok_or_else(|| broken("the resized buffer has the wrong size"))
}

/// `image` encoded as `format`, with the colour profile `icc`.
pub(crate) fn encode(
    image: &DynamicImage,
    format: Format,
    icc: Option<&[u8]>,
) -> Result<Encoded, Refusal> {
    let image = eight_bit(image);
    let (width, height) = (image.width(), image.height());
    let mut bytes = Vec::new();
    let profile = |encoder: &mut dyn ImageEncoder| {
        if let Some(icc) = icc {
            // A profile the encoder cannot carry costs colour accuracy, not the file.
            let _ = encoder.set_icc_profile(icc.to_vec());
        }
    };
    match format {
        Format::Jpeg => {
            let mut encoder = JpegEncoder::new_with_quality(&mut bytes, QUALITY);
            profile(&mut encoder);
            let rgb = rgb(&image);
            encoder.write_image(rgb.as_bytes(), width, height, rgb.color().into())
        }
        Format::Png => {
            let mut encoder = PngEncoder::new(&mut bytes);
            profile(&mut encoder);
            encoder.write_image(image.as_bytes(), width, height, image.color().into())
        }
        Format::Gif => {
            let mut encoder = GifEncoder::new(&mut bytes);
            encoder.encode(
                image.to_rgba8().as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgba8,
            )
        }
        Format::Webp => {
            bytes = webp(&image, icc)?;
            Ok(())
        }
    }
    .map_err(broken)?;
    Ok(Encoded {
        format,
        width,
        height,
        bytes,
    })
}

/// Lossy WebP through libwebp, the colour profile added after.
fn webp(image: &DynamicImage, icc: Option<&[u8]>) -> Result<Vec<u8>, Refusal> {
    let (width, height) = (image.width(), image.height());
    let encoder = if image.color().has_alpha() {
        webp::Encoder::from_rgba(image.as_bytes(), width, height)
    } else {
        webp::Encoder::from_rgb(image.as_bytes(), width, height)
    };
    let encoded = encoder.encode(f32::from(QUALITY)).to_vec();
    let Some(icc) = icc else {
        return Ok(encoded);
    };
    let mut file = WebP::from_bytes(Bytes::from(encoded)).map_err(broken)?;
    file.set_icc_profile(Some(Bytes::copy_from_slice(icc)));
    Ok(file.encoder().bytes().to_vec())
}
