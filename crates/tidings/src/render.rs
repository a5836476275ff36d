//! `tidings render OUT_DIR`: the whole blog as static files at the same
//! paths, for any static web server.
//!
//! Nothing is rendered twice: every page comes from the web crate's own
//! router, called in-process (`tower::ServiceExt::oneshot`) as a reader's
//! request would be. The crawl starts from every visible post and page, every
//! label, month and year, the feeds, sitemap, robots.txt and stylesheet, and
//! follows the links of each page, so older pages of lists are found too.
//! [`static_site`] says where each answer is written and how the few links a
//! static server cannot answer (query strings) are pointed at files.

mod static_site;

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Utc;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use tidings_core::PostKind;
use tidings_store::Store;
use tower::ServiceExt;

use self::static_site::{file_for, local, param, rebase, rewrite_links, without_server_parts};
use crate::blogs;
use crate::cli::RenderArgs;

/// Written at the top of every render, so a later render may replace it.
const MARKER: &str = ".tidings-render";

/// A page to fetch, the file it goes to and, for list pages, where it stands
/// in its list (page 1 is the list's own address).
struct Job {
    url: String,
    file: String,
    list: Option<ListPos>,
}

#[derive(Clone)]
struct ListPos {
    /// The address of page 1, ending in `/`; later pages are `ROOTpage/N/`.
    root: String,
    /// The address page 1 is linked by.
    first: String,
    n: u32,
}

#[derive(Default)]
struct Counts {
    pages: u64,
    feeds: u64,
    other: u64,
}

pub async fn run(store: &Store, args: RenderArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let public = match args.base_url {
        Some(url) => {
            let url = url.trim_end_matches('/').to_owned();
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains('?') {
                bail!("--base-url must look like https://blog.example.org, not {url:?}");
            }
            url
        }
        None => format!("https://{}", blog.host),
    };
    let out = args.out_dir;
    check_out_dir(&out)?;
    let name = out
        .file_name()
        .with_context(|| format!("{} is not a directory name", out.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let tmp = parent.join(format!(".{name}.rendering-{}", std::process::id()));
    let result = render_into(store, &blog, &public, &tmp).await;
    let counts = match result {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    // Swap the finished copy in: a failed render leaves the old one whole.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(&out, &old).with_context(|| format!("cannot replace {}", out.display()))?;
    }
    if let Err(e) = std::fs::rename(&tmp, &out) {
        let _ = std::fs::rename(&old, &out);
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(anyhow::Error::new(e).context(format!("cannot write {}", out.display())));
    }
    let _ = std::fs::remove_dir_all(&old);
    println!(
        "rendered: {} pages, {} feeds, {} other files to {}",
        counts.pages,
        counts.feeds,
        counts.other,
        out.display()
    );
    Ok(())
}

/// OUT_DIR may be missing, empty, or an earlier render; anything else is
/// someone's files, never overwritten.
fn check_out_dir(out: &Path) -> anyhow::Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        bail!("{} exists and is not a directory", out.display());
    }
    let mut entries =
        std::fs::read_dir(out).with_context(|| format!("cannot read {}", out.display()))?;
    if entries.next().is_none() || out.join(MARKER).exists() {
        return Ok(());
    }
    bail!(
        "{} is not empty and not an earlier render; choose an empty or new directory",
        out.display()
    )
}

async fn render_into(
    store: &Store,
    blog: &tidings_core::BlogSettings,
    public: &str,
    dir: &Path,
) -> anyhow::Result<Counts> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(
        dir.join(MARKER),
        "Written by `tidings render`; the next render replaces this directory.\n",
    )?;
    let state = tidings_web::AppState::new(store.clone(), tidings_web::Config::default()).await?;
    let app = tidings_web::router(state);
    let rendered_base = format!("http://{}", blog.host);

    let mut queue: VecDeque<Job> = VecDeque::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut push = |queue: &mut VecDeque<Job>, url: String, file: String, list| {
        if seen.insert(file.clone()) {
            queue.push_back(Job { url, file, list });
        }
    };
    for url in seeds(store, blog).await? {
        let Some(link) = local(&url) else { continue };
        let file = match (
            link.query.and_then(|q| param(q, "alt")),
            file_for(link.path),
        ) {
            (Some(alt), Some(_)) => alt_file(link.path, alt),
            (None, Some(f)) => Some(f),
            _ => None,
        };
        if let Some(file) = file {
            let list = list_pos(&url);
            push(&mut queue, url, file, list);
        }
    }

    let mut counts = Counts::default();
    // On a terminal only; the crawl finds more pages as it goes.
    let bar = crate::import::progress(queue.len() as u64, "rendering");
    let mut done = 0u64;
    while let Some(job) = queue.pop_front() {
        done += 1;
        bar.set_length(done + queue.len() as u64);
        bar.set_position(done);
        let request = Request::builder()
            .uri(&job.url)
            .header(header::HOST, &blog.host)
            .body(Body::empty())?;
        let response = app.clone().oneshot(request).await?;
        let status = response.status();
        let kind = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        if status != StatusCode::OK {
            bar.suspend(|| eprintln!("render: skipped {}: it answers {status}", job.url));
            continue;
        }
        let bytes = if kind.starts_with("text/html") {
            counts.pages += 1;
            let html = String::from_utf8_lossy(&body);
            let html = rewrite_links(&html, |href| {
                let (target, next) = map_link(href, job.list.as_ref())?;
                if let Some(next) = next {
                    push(&mut queue, next.url, next.file, next.list);
                }
                target
            });
            rebase(&without_server_parts(&html), &rendered_base, public).into_bytes()
        } else if kind.contains("xml") || kind.contains("json") || kind.starts_with("text/") {
            if kind.contains("atom") || kind.contains("rss") || kind.contains("feed") {
                counts.feeds += 1;
            } else {
                counts.other += 1;
            }
            rebase(&String::from_utf8_lossy(&body), &rendered_base, public).into_bytes()
        } else {
            counts.other += 1;
            body.to_vec()
        };
        let path = dir.join(&job.file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    bar.finish_and_clear();
    Ok(counts)
}

/// Where a link of a page should point in the static copy (`Some` when that
/// differs from the link), and the page it leads to if that is to be written.
fn map_link(href: &str, list: Option<&ListPos>) -> Option<(Option<String>, Option<Job>)> {
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
fn alt_file(path: &str, alt: &str) -> Option<String> {
    let dir = file_for(path)?;
    let dir = dir.strip_suffix("index.html")?;
    match alt {
        "rss" => Some(format!("{dir}rss.xml")),
        "json" => Some(format!("{dir}feed.json")),
        _ => None,
    }
}

/// Page 1 of a list (home, a label, a year, a month), or `None`.
fn list_pos(url: &str) -> Option<ListPos> {
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

/// Every address the blog answers for its readers: what the crawl starts from.
async fn seeds(store: &Store, blog: &tidings_core::BlogSettings) -> anyhow::Result<Vec<String>> {
    let mut urls: Vec<String> = [
        "/",
        "/feeds/posts/default",
        "/feeds/posts/default?alt=rss",
        "/feeds/posts/default?alt=json",
        "/feeds/posts/summary",
        "/feeds/comments/default",
        "/sitemap.xml",
        "/robots.txt",
        "/static/simple.css",
    ]
    .map(String::from)
    .into();
    let now = Utc::now();
    let snapshot = store.snapshot(blog.id).await?;
    let mut labels: Vec<&str> = Vec::new();
    let mut archives: Vec<String> = Vec::new();
    for p in snapshot
        .posts
        .iter()
        .filter(|p| !p.draft && p.published_at <= now)
    {
        urls.push(p.path.clone());
        if p.kind == PostKind::Post {
            urls.push(format!("/feeds/{}/comments/default", p.external_id));
            // `/YYYY/MM/slug.html` → `/YYYY/` and `/YYYY/MM/`.
            if let (Some(year), Some(month)) = (p.path.get(..6), p.path.get(..9)) {
                for a in [year, month] {
                    if !archives.iter().any(|x| x == a) {
                        archives.push(a.to_owned());
                    }
                }
            }
            for l in &p.labels {
                if !labels.contains(&l.as_str()) {
                    labels.push(l);
                }
            }
        }
    }
    for l in labels {
        let enc = utf8_percent_encode(l, NON_ALPHANUMERIC).to_string();
        urls.push(format!("/search/label/{enc}"));
        urls.push(format!("/feeds/posts/default/-/{enc}"));
    }
    urls.extend(archives);
    Ok(urls)
}
