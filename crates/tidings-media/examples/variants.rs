//! How long a 24 megapixel JPEG takes to become its variants:
//! `cargo run --release -p tidings-media --example variants`.
//! The figure ARCHITECTURE.md quotes (goal: under 2 s on 2 cores).

use std::time::Instant;

use image::{DynamicImage, RgbImage};

fn main() {
    // A photo-like 6000 × 4000 picture: smooth gradients with grain, which
    // compresses like a photo rather than a flat test pattern.
    let mut seed = 0x2545_f491_u32;
    let image = RgbImage::from_fn(6000, 4000, |x, y| {
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
