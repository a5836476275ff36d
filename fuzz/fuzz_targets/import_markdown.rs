//! A Jekyll or Hugo Markdown file: front matter (`---` YAML, `+++` TOML) and
//! body. Splitting and reading it into a batch never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = tidings_import::frontmatter::split(text);
    }
    let files = [("_posts/2014-05-07-fuzz.md".to_owned(), bytes.to_vec())];
    if let Ok((batch, _notes)) = tidings_import::markdown::to_batch(&files, &tidings_fuzz::blog()) {
        for post in &batch.posts {
            tidings_fuzz::assert_inert(&post.body_html);
        }
    }
});
