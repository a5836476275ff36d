//! Author HTML (the API's `body_html`, imported bodies) through
//! `sanitize_html`: never panics, the result is inert, and sanitising it
//! again removes nothing (a second reading that finds different markup is
//! how mutation XSS starts; see `assert_stable`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let once = tidings_render::sanitize_html(html);
    tidings_fuzz::assert_inert(&once);
    tidings_fuzz::assert_stable(&once);
});
