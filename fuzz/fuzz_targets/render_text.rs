//! HTML back to text (`html_to_text`) and cut to a summary (`summary`): never
//! panics, whitespace is collapsed, and a summary is never longer than asked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &str)| {
    let (max, html) = input;
    let text = tidings_render::html_to_text(html);
    assert!(!text.contains("  ") && text.trim() == text, "{text:?}");
    let max = usize::from(max);
    let cut = tidings_render::summary(&text, max);
    assert!(cut.chars().count() <= max, "{cut:?} longer than {max}");
    let cut = tidings_render::summary(html, max);
    assert!(cut.chars().count() <= max, "{cut:?} longer than {max}");
});
