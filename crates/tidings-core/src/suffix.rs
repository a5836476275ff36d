//! The "first free `-N` suffix": what a name becomes when something else
//! already holds it. Post slugs, imported posts' paths and fetched media
//! files all number alike (`name`, `name-2`, `name-3`, …, the number going
//! before a file's extension), so one rule serves them all and a reader sees
//! one pattern of addresses whichever way a post or a file came in.

/// `name` numbered `n`: itself for `n <= 1`, else with `-n` before the
/// extension of its last path segment: `a` → `a-2`,
/// `/2011/07/a.html` → `/2011/07/a-2.html`, `/media/README` → `/media/README-3`.
pub fn numbered(name: &str, n: u32) -> String {
    if n <= 1 {
        return name.to_owned();
    }
    let file = name.rfind('/').map_or(0, |i| i + 1);
    match name[file..].rfind('.') {
        // A leading dot names a hidden file, not an extension.
        Some(dot) if dot > 0 => {
            let (stem, ext) = name.split_at(file + dot);
            format!("{stem}-{n}{ext}")
        }
        _ => format!("{name}-{n}"),
    }
}

/// `name`, then `name-2`, `name-3`, … ([`numbered`]), for the caller to take
/// the first one free: `alternatives(x).find(|c| !taken(c))`.
pub fn alternatives(name: &str) -> impl Iterator<Item = String> + '_ {
    (1..).map(move |n| numbered(name, n))
}

/// The same for a slug, a word rather than a file name: the number always
/// goes at its end, so an imported `v1.2` becomes `v1.2-2`, never `v1-2.2`.
pub fn slug_alternatives(slug: &str) -> impl Iterator<Item = String> + '_ {
    (1..).map(move |n| {
        if n <= 1 {
            slug.to_owned()
        } else {
            format!("{slug}-{n}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_goes_before_the_extension() {
        assert_eq!(numbered("a", 1), "a");
        assert_eq!(numbered("a", 2), "a-2");
        assert_eq!(numbered("/2011/07/a.html", 2), "/2011/07/a-2.html");
        assert_eq!(numbered("/media/a/b.jpg", 2), "/media/a/b-2.jpg");
        assert_eq!(numbered("/media/README", 3), "/media/README-3");
        assert_eq!(numbered("/media/v1.2/notes", 2), "/media/v1.2/notes-2");
        assert_eq!(numbered("/media/.hidden", 2), "/media/.hidden-2");
    }

    #[test]
    fn the_first_free_alternative_is_taken() {
        let taken = ["a.html", "a-2.html"];
        let free = alternatives("a.html").find(|c| !taken.contains(&c.as_str()));
        assert_eq!(free.as_deref(), Some("a-3.html"));
        let slugs: Vec<String> = slug_alternatives("post").take(3).collect();
        assert_eq!(slugs, ["post", "post-2", "post-3"]);
        let dotted: Vec<String> = slug_alternatives("v1.2").take(2).collect();
        assert_eq!(dotted, ["v1.2", "v1.2-2"]);
    }
}
