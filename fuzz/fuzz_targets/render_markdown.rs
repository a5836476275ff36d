//! An author's Markdown through `markdown_to_html`: never panics, the result
//! is inert (no script can run from it) and stable under the sanitiser it
//! already went through (see `assert_stable`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let html = tidings_render::markdown_to_html(src);
    tidings_fuzz::assert_inert(&html);
    tidings_fuzz::assert_stable(&html);
});
