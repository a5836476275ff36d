//! Moving in (SPEC section 2 and 3): a Blogger or WordPress export imported
//! with one command keeps every URL, id and comment; a broken file changes
//! nothing; the same file twice adds nothing.

use std::path::PathBuf;
use std::process::Output;

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::TestApp;

mod authors;
mod blogger;
mod blogger_widgets;
mod contract;
mod markdown;
mod media;
mod wordpress;
mod wordpress_settings;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures")
        .join(name)
}

pub fn theme_unit_test() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/wordpress-theme-unit-test.xml")
}

/// Runs `tidings import FORMAT FILE`, asserting success, and answers the
/// summary (the last line of stdout).
pub fn import(app: &TestApp, format: &str, file: &std::path::Path) -> String {
    let out = app.cli(&["import", format, file.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "import {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    last_line(&out)
}

pub fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

async fn total(app: &mut TestApp, path: &str) -> i64 {
    let (status, json) = app.api(Method::GET, path, None).await;
    assert_eq!(status, StatusCode::OK, "{path}: {json}");
    json["total"].as_i64().unwrap()
}

async fn items(app: &mut TestApp, path: &str) -> Vec<Value> {
    let (status, json) = app.api(Method::GET, path, None).await;
    assert_eq!(status, StatusCode::OK, "{path}: {json}");
    json["items"].as_array().unwrap().clone()
}

/// The sidebar's list of pages, as HTML.
pub fn pages_widget(html: &str) -> String {
    let start = html
        .find(r#"<section class="widget pages-widget">"#)
        .expect("a list of pages");
    let end = start + html[start..].find("</section>").unwrap();
    html[start..end].to_owned()
}

/// Google Takeout's `feed.atom` (Blogger's newer export), read by the same
/// `import blogger` command.
fn takeout() -> PathBuf {
    fixture("blogger-takeout-lanterns.atom")
}
