//! Reading a served page as a test needs it: a form's hidden field, the
//! text a reader sees in the elements of a class.

/// The value of the hidden input `name` in `html`.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden field {name}"))
        + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_owned()
}

/// The text of every element with `class` (first class in the attribute or
/// among several), tags stripped: what a reader sees there.
pub fn texts_of_class(html: &str, class: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("class=\"") {
        let after = &rest[i + 7..];
        let end = after.find('"').unwrap();
        let classes = &after[..end];
        rest = &after[end..];
        if classes.split_whitespace().any(|c| c == class) {
            let open_end = rest.find('>').unwrap();
            let content = &rest[open_end + 1..];
            // Up to the next closing tag: enough for the leaf elements we check.
            let close = content.find("</").unwrap_or(content.len());
            out.push(strip_tags(&content[..close]).trim().to_owned());
        }
    }
    out
}

pub fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
