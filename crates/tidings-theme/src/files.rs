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
        .map(|&(name, content_type, body)| {
            let digest = Sha256::digest(body.as_bytes());
            let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            StaticFile {
                name,
                hashed: format!("{stem}.{hash}.{ext}"),
                content_type,
                body,
            }
        })
        .collect()
});

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
}
