//! A stranger's comment through `comment_to_html`: never panics, and the only
//! markup in the result is the `<p>`, `<br>` and `<a href="http(s)://…"
//! rel="nofollow ugc">` it adds itself; the visible text is the input's.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = tidings_render::comment_to_html(text);
    for tag in tidings_fuzz::start_tags(&html) {
        match tag.name.as_str() {
            "p" | "br" => assert!(tag.attrs.is_empty(), "{tag:?} in {html:?}"),
            "a" => {
                let names: Vec<&str> = tag.attrs.iter().map(|(n, _)| n.as_str()).collect();
                assert_eq!(names, ["href", "rel"], "{tag:?} in {html:?}");
                let href = tag.attrs[0].1.to_ascii_lowercase();
                assert!(
                    href.starts_with("http://") || href.starts_with("https://"),
                    "{tag:?} in {html:?}"
                );
                assert_eq!(tag.attrs[1].1, "nofollow ugc");
            }
            other => panic!("<{other}> in comment HTML {html:?} from {text:?}"),
        }
    }
    // Nothing typed is lost or added: the text a reader sees is the words
    // typed. (NUL aside: a browser drops it, the tokenizer keeps it.)
    let words = |s: &str| s.split_whitespace().collect::<String>().replace('\0', "");
    assert_eq!(
        words(&tidings_render::html_to_text(&html)),
        words(text),
        "comment text changed: {text:?} -> {html:?}"
    );
});
