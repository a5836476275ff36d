//! The static files pages link to, each under a name that carries a hash of
//! its content (`simple.1a2b3c4d5e6f.css`), so browsers and CDNs may keep
//! them for a year: a new release has new names.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};

/// One static file.
pub struct StaticFile {
    /// The plain name, e.g. `simple.css`.
    pub name: &'static str,
    /// The hashed name, e.g. `simple.1a2b3c4d5e6f.css`.
    pub hashed: String,
    pub content_type: &'static str,
    pub body: &'static str,
}

const FILES: &[(&str, &str, &str)] = &[
    (
        "simple.css",
        "text/css; charset=utf-8",
        include_str!("../static/simple.css"),
    ),
    (
        "admin.css",
        "text/css; charset=utf-8",
        include_str!("../static/admin.css"),
    ),
    (
        "admin.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/admin.js"),
    ),
];

static STATIC_FILES: LazyLock<Vec<StaticFile>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|&(name, content_type, body)| StaticFile {
            name,
            hashed: hashed_name(name, body.as_bytes()),
            content_type,
            body,
        })
        .collect()
});

/// `path` with a hash of `body` before its extension:
/// `fonts/serif.woff2` → `fonts/serif.1a2b3c4d5e6f.woff2`.
pub(crate) fn hashed_name(path: &str, body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    let file_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[file_start..].rfind('.') {
        Some(dot) => {
            let (stem, ext) = path.split_at(file_start + dot);
            format!("{stem}.{hash}{ext}")
        }
        None => format!("{path}.{hash}"),
    }
}

/// The type a theme's file is served as, by its extension. Script is not
/// among them: reader pages run none, whatever a theme links to.
pub(crate) fn content_type_of(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "css" => "text/css; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The static files of reader pages (a theme's starting point): all but
/// the admin's.
pub(crate) fn public_files() -> impl Iterator<Item = &'static StaticFile> {
    static_files()
        .iter()
        .filter(|f| !f.name.starts_with("admin."))
}

/// Every static file.
pub fn static_files() -> &'static [StaticFile] {
    &STATIC_FILES
}

/// Plain name → address with the hash, for templates (`static["simple.css"]`).
pub(crate) fn urls() -> BTreeMap<&'static str, String> {
    static_files()
        .iter()
        .map(|f| (f.name, format!("/static/{}", f.hashed)))
        .collect()
}

/// The address of one file, for pages made outside templates.
pub fn url(name: &str) -> String {
    static_files()
        .iter()
        .find(|f| f.name == name)
        .map(|f| format!("/static/{}", f.hashed))
        .unwrap_or_else(|| format!("/static/{name}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_carry_the_content_hash() {
        let u = super::urls();
        let css = &u["simple.css"];
        assert!(css.starts_with("/static/simple.") && css.ends_with(".css"));
        assert_eq!(css.len(), "/static/simple.".len() + 12 + ".css".len());
        assert_eq!(super::url("admin.js"), u["admin.js"]);
    }

    #[test]
    fn a_hash_goes_before_the_extension_of_the_file_not_its_folder() {
        let h = super::hashed_name("fonts.v2/serif.woff2", b"x");
        assert!(
            h.starts_with("fonts.v2/serif.") && h.ends_with(".woff2"),
            "{h}"
        );
        assert_eq!(h.len(), "fonts.v2/serif.".len() + 12 + ".woff2".len());
        assert!(super::hashed_name("LICENSE", b"x").starts_with("LICENSE."));
    }
}
