//! What an upload becomes, and what is refused, on pictures made here.

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::codecs::gif::GifEncoder;
use image::{DynamicImage, Frame, ImageFormat, RgbImage, RgbaImage};
use tidings_media::{Format, Refusal, inspect, process};

fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    }))
}

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    image.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A JPEG segment: marker, length, contents.
fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = vec![0xff, marker];
    out.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(contents);
    out
}

/// EXIF with an orientation and a made-up GPS note a camera would leave.
fn exif(orientation: u16) -> Vec<u8> {
    let mut e = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    e.extend_from_slice(&orientation.to_be_bytes());
    e.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    e.extend_from_slice(b"GPS 52.5200N 13.4050E camera SN-12345");
    e
}

/// A JPEG with EXIF, XMP and a colour profile after its SOI.
fn camera_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let plain = encoded(&picture(width, height), ImageFormat::Jpeg);
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xe1, &exif(orientation)));
    out.extend(segment(
        0xe1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Berlin</x:xmpmeta>",
    ));
    out.extend(segment(0xe2, b"ICC_PROFILE\0\x01\x01fake-profile-bytes"));
    out.extend_from_slice(&plain[2..]);
    out
}

#[test]
fn a_photo_gets_every_narrower_width_in_its_format_and_webp() {
    let done = process(&encoded(&picture(2100, 1400), ImageFormat::Jpeg)).unwrap();
    assert_eq!((done.original.width, done.original.height), (2100, 1400));
    let got: Vec<(u32, u32, Format)> = done
        .variants
        .iter()
        .map(|v| (v.width, v.height, v.format))
        .collect();
    assert_eq!(
        got,
        [
            (320, 213, Format::Jpeg),
            (320, 213, Format::Webp),
            (640, 426, Format::Jpeg),
            (640, 426, Format::Webp),
            (1280, 853, Format::Jpeg),
            (1280, 853, Format::Webp),
            (2048, 1365, Format::Jpeg),
            (2048, 1365, Format::Webp),
        ]
    );
    for v in &done.variants {
        let header = inspect(&v.bytes).unwrap();
        assert_eq!((header.format, header.width), (v.format, v.width));
    }
}

#[test]
fn pngs_keep_their_transparency_and_small_pictures_get_no_copies() {
    let clear =
        DynamicImage::ImageRgba8(RgbaImage::from_pixel(500, 300, image::Rgba([9, 9, 9, 0])));
    let done = process(&encoded(&clear, ImageFormat::Png)).unwrap();
    let formats: Vec<_> = done.variants.iter().map(|v| (v.width, v.format)).collect();
    assert_eq!(formats, [(320, Format::Png), (320, Format::Webp)]);
    let copy = image::load_from_memory(&done.variants[0].bytes).unwrap();
    assert!(copy.color().has_alpha());
    let small = process(&encoded(&picture(300, 200), ImageFormat::WebP)).unwrap();
    assert!(small.variants.is_empty());
    assert_eq!(small.original.format, Format::Webp);
}

#[test]
fn camera_and_place_go_the_colour_profile_stays() {
    let done = process(&camera_jpeg(400, 300, 1)).unwrap();
    let kept = &done.original.bytes;
    assert!(!contains(kept, b"Exif\0\0") && !contains(kept, b"GPS 52.52"));
    assert!(!contains(kept, b"Berlin"));
    assert!(contains(kept, b"fake-profile-bytes"));
    assert_eq!((done.original.width, done.original.height), (400, 300));
    for v in &done.variants {
        assert!(!contains(&v.bytes, b"GPS 52.52"));
    }
}

#[test]
fn the_exif_orientation_is_applied_first() {
    // 6: the camera was turned a quarter clockwise.
    let done = process(&camera_jpeg(800, 600, 6)).unwrap();
    assert_eq!((done.original.width, done.original.height), (600, 800));
    let upright = inspect(&done.original.bytes).unwrap();
    assert_eq!((upright.width, upright.height), (600, 800));
    assert!(!contains(&done.original.bytes, b"Exif\0\0"));
    assert!(contains(&done.original.bytes, b"fake-profile-bytes"));
    assert_eq!(done.variants[0].height, 426);
}

#[test]
fn animated_gifs_stay_animated_and_still_ones_get_copies() {
    let mut gif = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut gif);
        for shade in [0u8, 255] {
            let frame = RgbaImage::from_pixel(400, 200, image::Rgba([shade, 0, 0, 255]));
            encoder.encode_frame(Frame::new(frame)).unwrap();
        }
    }
    let done = process(&gif).unwrap();
    assert!(done.animated && done.variants.is_empty());
    assert_eq!(done.original.bytes, gif);
    let still = process(&encoded(&picture(700, 100), ImageFormat::Gif)).unwrap();
    assert!(!still.animated);
    let formats: Vec<_> = still.variants.iter().map(|v| (v.width, v.format)).collect();
    assert_eq!(
        formats,
        [
            (320, Format::Gif),
            (320, Format::Webp),
            (640, Format::Gif),
            (640, Format::Webp)
        ]
    );
}

#[test]
fn a_pixel_flood_is_refused_from_its_header_at_once() {
    let mut png = encoded(&picture(1, 1), ImageFormat::Png);
    // IHDR's width and height, then its CRC over type and data.
    png[16..20].copy_from_slice(&50_000u32.to_be_bytes());
    png[20..24].copy_from_slice(&50_000u32.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    let start = Instant::now();
    assert_eq!(
        process(&png).unwrap_err(),
        Refusal::TooManyPixels {
            width: 50_000,
            height: 50_000
        }
    );
    assert!(start.elapsed() < Duration::from_millis(200));
}

#[test]
fn what_is_not_a_picture_is_named() {
    for (bytes, looks_like) in [
        (
            &b"<!DOCTYPE html><html><script>alert(1)</script>"[..],
            "looks like HTML",
        ),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            "looks like SVG",
        ),
        (b"%PDF-1.7 and more", "is application/pdf"),
        (b"", "it is empty"),
    ] {
        match process(bytes) {
            Err(Refusal::NotAPicture { looks_like: l }) => assert_eq!(l, looks_like),
            other => panic!("{looks_like}: {other:?}"),
        }
    }
}

#[test]
fn truncated_and_corrupt_pictures_are_refused() {
    let jpeg = encoded(&picture(600, 400), ImageFormat::Jpeg);
    let png = encoded(&picture(600, 400), ImageFormat::Png);
    let gif = encoded(&picture(600, 400), ImageFormat::Gif);
    let webp = encoded(&picture(600, 400), ImageFormat::WebP);
    let mut garbled = png.clone();
    for b in &mut garbled[60..200] {
        *b = 0x5a;
    }
    for (name, bytes) in [
        ("JPEG cut in its header", jpeg[..40].to_vec()),
        ("PNG cut in half", png[..png.len() / 2].to_vec()),
        ("PNG with garbled data", garbled),
        (
            "JPEG marker and nothing",
            b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec(),
        ),
        ("JPEG cut in its scan", jpeg[..jpeg.len() / 2].to_vec()),
        ("GIF cut in half", gif[..gif.len() / 2].to_vec()),
        ("WebP cut in half", webp[..webp.len() / 2].to_vec()),
    ] {
        assert!(
            matches!(process(&bytes), Err(Refusal::Broken(_))),
            "{name}: {:?}",
            process(&bytes).map(|p| p.original.width)
        );
    }
}
