//! A WordPress WXR export: parsing never panics, and a file that parses turns
//! into a batch whose post bodies are inert.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(export) = tidings_import::wordpress::parse(bytes) else {
        return;
    };
    let (batch, _notes) = export.to_batch(&tidings_fuzz::blog());
    for post in &batch.posts {
        tidings_fuzz::assert_inert(&post.body_html);
    }
});
