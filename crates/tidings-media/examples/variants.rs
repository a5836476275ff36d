//! How long a 24 megapixel JPEG takes to become its variants:
//! `cargo run --release -p tidings-media --example variants`.
//! The figure ARCHITECTURE.md quotes (goal: under 2 s on 2 cores).
//!
//! With `--save DIR` it times nothing and writes the pictures the media
//! rows of `bench/run.sh` upload instead: `24mp.jpg` (6000 × 4000) and
//! `200k.jpg` (a photo of about 200 KB).

use std::time::Instant;

use image::{DynamicImage, RgbImage};

/// A photo-like picture: smooth gradients with grain, which compresses
/// like a photo rather than a flat test pattern.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let image = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as u8;
        image::Rgb([
            ((x / 24) % 200) as u8 + grain,
            ((y / 16) % 200) as u8 + grain,
            (((x + y) / 40) % 200) as u8 + grain,
        ])
    });
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("encodes");
    jpeg
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, dir] = &args[..]
        && flag == "--save"
    {
        let dir = std::path::Path::new(dir);
        std::fs::write(dir.join("24mp.jpg"), photo(6000, 4000)).expect("writes");
        std::fs::write(dir.join("200k.jpg"), photo(1400, 1050)).expect("writes");
        return;
    }
    let jpeg = photo(6000, 4000);
    println!("source: {} bytes", jpeg.len());
    for _ in 0..3 {
        let start = Instant::now();
        let done = tidings_media::process(&jpeg).expect("processes");
        let sizes: Vec<String> = done
            .variants
            .iter()
            .map(|v| format!("{}w {:?} {} KB", v.width, v.format, v.bytes.len() / 1024))
            .collect();
        println!("{:?}: {}", start.elapsed(), sizes.join(", "));
    }
}
