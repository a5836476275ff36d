//! Where the links of a rendered page lead: the page to fetch for each
//! ([`Job`]), where a list page stands in its list ([`ListPos`]), and what a
//! link becomes in the static copy.

use super::static_site::{file_for, local, param};

/// A page to fetch, the file it goes to and, for list pages, where it stands
/// in its list (page 1 is the list's own address).
pub struct Job {
    pub url: String,
    pub file: String,
    pub list: Option<ListPos>,
}

#[derive(Clone)]
pub struct ListPos {
    /// The address of page 1, ending in `/`; later pages are `ROOTpage/N/`.
    pub root: String,
    /// The address page 1 is linked by.
    pub first: String,
    pub n: u32,
}

/// Where a link of a page should point in the static copy (`Some` when that
/// differs from the link), and the page it leads to if that is to be written.
pub fn map_link(href: &str, list: Option<&ListPos>) -> Option<(Option<String>, Option<Job>)> {
    let link = local(href)?;
    let path = link.path;
    if ["/admin", "/api/", "/healthz", "/metrics", "/static/admin"]
        .iter()
        .any(|p| path.starts_with(p))
    {
        return None;
    }
    let with_fragment = |target: &str| match link.fragment {
        Some(f) => format!("{target}#{f}"),
        None => target.to_owned(),
    };
    let Some(query) = link.query else {
        let job = file_for(path).map(|file| Job {
            url: path.to_owned(),
            file,
            list: list_pos(path),
        });
        return Some((None, job));
    };
    if let Some(alt) = param(query, "alt") {
        let file = alt_file(path, alt)?;
        let target = format!("/{file}");
        let job = Job {
            url: format!("{path}?{query}"),
            file,
            list: None,
        };
        return Some((Some(with_fragment(&target)), Some(job)));
    }
    match (
        list,
        param(query, "updated-max"),
        param(query, "updated-min"),
    ) {
        // The older page of a list: the next number.
        (Some(pos), Some(_), None) => {
            let target = format!("{}page/{}/", pos.root, pos.n + 1);
            let job = Job {
                url: format!("{path}?{query}"),
                file: file_for(&target)?,
                list: Some(ListPos {
                    n: pos.n + 1,
                    ..pos.clone()
                }),
            };
            Some((Some(with_fragment(&target)), Some(job)))
        }
        // The newer page: the one before, already written.
        (Some(pos), None, Some(_)) => {
            let target = match pos.n {
                0..=2 => pos.first.clone(),
                n => format!("{}page/{}/", pos.root, n - 1),
            };
            Some((Some(with_fragment(&target)), None))
        }
        // `?showComment=…#cID`, `?replyTo=…`: the page itself does.
        _ => {
            let job = file_for(path).map(|file| Job {
                url: path.to_owned(),
                file,
                list: list_pos(path),
            });
            Some((Some(with_fragment(path)), job))
        }
    }
}

/// `/feeds/…?alt=rss` → `feeds/…/rss.xml`; `?alt=json` → `…/feed.json`.
pub fn alt_file(path: &str, alt: &str) -> Option<String> {
    let dir = file_for(path)?;
    let dir = dir.strip_suffix("index.html")?;
    match alt {
        "rss" => Some(format!("{dir}rss.xml")),
        "json" => Some(format!("{dir}feed.json")),
        _ => None,
    }
}

/// Page 1 of a list (home, a label, a year, a month), or `None`.
pub fn list_pos(url: &str) -> Option<ListPos> {
    if url.contains('?') {
        return None;
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = url.split('/').collect();
    let is_list = url == "/"
        || url.starts_with("/search/label/")
        || matches!(parts.as_slice(), ["", y, ""] if digits(y, 4))
        || matches!(parts.as_slice(), ["", y, m, ""] if digits(y, 4) && digits(m, 2));
    is_list.then(|| ListPos {
        root: if url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        },
        first: url.to_owned(),
        n: 1,
    })
}
