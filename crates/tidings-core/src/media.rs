//! Which files a blog serves, decided from their bytes.
//!
//! A file's name and the `Content-Type` another server gave it are claims;
//! its first bytes are what a browser would go by. So a fetched attachment
//! is kept, and a copy under `/media/` is served, only when its first bytes
//! are one of the types below, and always with that type: never HTML, SVG or
//! anything else a browser would run on the blog's origin. The signatures
//! are the `infer` crate's; the table here only says which of its types we
//! serve and under which name.

/// How many first bytes [`served_type`] needs: every signature below fits
/// (WebM's is found within the first 256).
pub const SNIFF_BYTES: usize = 1024;

/// What we serve: the type `infer` finds, and the type we send for it.
const SERVED: &[(&str, &str)] = &[
    ("image/jpeg", "image/jpeg"),
    ("image/png", "image/png"),
    ("image/webp", "image/webp"),
    ("image/gif", "image/gif"),
    ("audio/mpeg", "audio/mpeg"),
    ("audio/m4a", "audio/mp4"),
    ("audio/aac", "audio/aac"),
    ("audio/ogg", "audio/ogg"),
    ("audio/opus", "audio/ogg"),
    ("audio/x-flac", "audio/flac"),
    ("audio/x-wav", "audio/wav"),
    ("video/mp4", "video/mp4"),
    ("video/x-m4v", "video/mp4"),
    ("video/webm", "video/webm"),
    ("video/quicktime", "video/quicktime"),
    ("application/pdf", "application/pdf"),
];

/// A file we do not serve, and what it looks like, for the person told.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an image, audio, video or PDF file ({looks_like})")]
pub struct NotServed {
    /// "looks like HTML", "looks like application/zip", "it is empty", …
    pub looks_like: String,
}

/// The type a file whose first bytes are `head` (at least [`SNIFF_BYTES`]
/// of them, or the whole file) is served as: JPEG, PNG, WebP, GIF; MP3,
/// Ogg, M4A/AAC, WAV, FLAC; MP4, WebM, Ogg video, QuickTime; PDF.
pub fn served_type(head: &[u8]) -> Result<&'static str, NotServed> {
    let found = infer::get(head);
    let served = found.and_then(|t| {
        SERVED
            .iter()
            .find(|(found, _)| *found == t.mime_type())
            .map(|(_, served)| *served)
    });
    match served {
        // `infer` calls every Ogg stream audio; a Theora one is a video.
        Some("audio/ogg") if contains(head, b"\x80theora") => Ok("video/ogg"),
        Some(served) => Ok(served),
        None => Err(NotServed {
            looks_like: looks_like(head, found.map(|t| t.mime_type())),
        }),
    }
}

/// What a file we do not serve seems to be, in words.
fn looks_like(head: &[u8], found: Option<&str>) -> String {
    let text = head.trim_ascii_start();
    let starts =
        |tag: &[u8]| text.len() >= tag.len() && text[..tag.len()].eq_ignore_ascii_case(tag);
    if head.is_empty() {
        "it is empty".into()
    } else if starts(b"<svg") || (found == Some("text/xml") && contains(head, b"<svg")) {
        "looks like SVG".into()
    } else if found == Some("text/html") || starts(b"<!doctype html") {
        "looks like HTML".into()
    } else if found == Some("text/xml") {
        "looks like XML".into()
    } else if let Some(mime) = found {
        format!("looks like {mime}")
    } else if std::str::from_utf8(head).is_ok() {
        "looks like text".into()
    } else {
        "of a type we do not know".into()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn padded(start: &[u8]) -> Vec<u8> {
        let mut v = start.to_vec();
        v.resize(300, 0);
        v
    }

    #[test]
    fn the_bytes_decide_the_type() {
        let webm = {
            let mut v = padded(b"\x1a\x45\xdf\xa3");
            v[20..27].copy_from_slice(b"\x42\x82\x84webm");
            v
        };
        let ogv = {
            let mut v = padded(b"OggS\0\x02");
            v[28..35].copy_from_slice(b"\x80theora");
            v
        };
        for (bytes, served) in [
            (padded(b"\xff\xd8\xff\xe0\0\x10JFIF"), "image/jpeg"),
            (padded(b"\x89PNG\r\n\x1a\n"), "image/png"),
            (padded(b"RIFF\0\0\0\0WEBPVP8 "), "image/webp"),
            (padded(b"GIF89a"), "image/gif"),
            (padded(b"ID3\x04"), "audio/mpeg"),
            (padded(b"\xff\xfb\x90\x00"), "audio/mpeg"),
            (padded(b"\0\0\0\x20ftypM4A "), "audio/mp4"),
            (padded(b"OggS\0\x02"), "audio/ogg"),
            (ogv, "video/ogg"),
            (padded(b"fLaC"), "audio/flac"),
            (padded(b"RIFF\0\0\0\0WAVEfmt "), "audio/wav"),
            (padded(b"\0\0\0\x20ftypisom"), "video/mp4"),
            (webm, "video/webm"),
            (padded(b"\0\0\0\x14ftypqt  "), "video/quicktime"),
            (padded(b"%PDF-1.7"), "application/pdf"),
        ] {
            assert_eq!(served_type(&bytes), Ok(served), "{served}");
        }
    }

    #[test]
    fn everything_else_is_named_and_refused() {
        for (bytes, looks_like) in [
            (&b"<!DOCTYPE html><html><body>secret"[..], "looks like HTML"),
            (b"  <html><body>secret", "looks like HTML"),
            (b"<p>hello</p>", "looks like HTML"),
            (
                b"<svg xmlns='http://www.w3.org/2000/svg'>",
                "looks like SVG",
            ),
            (
                b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'>",
                "looks like SVG",
            ),
            (b"<?xml version='1.0'?><feed>", "looks like XML"),
            (b"PK\x03\x04\x14\0\0\0", "looks like application/zip"),
            (b"{\"instance-id\": \"i-123\"}", "looks like text"),
            (b"JFIF but no marker", "looks like text"),
            (b"\0\x01\x02\xfe", "of a type we do not know"),
            (b"", "it is empty"),
        ] {
            let refused = served_type(bytes).unwrap_err();
            assert_eq!(refused.looks_like, looks_like, "{bytes:?}");
        }
        assert_eq!(
            served_type(b"<html>").unwrap_err().to_string(),
            "not an image, audio, video or PDF file (looks like HTML)"
        );
    }
}
