//! `tidings render OUT_DIR`: the whole blog as static files at the same
//! paths, for any static web server.
//!
//! Nothing is rendered twice: every page comes from the web crate's own
//! router, called in-process (`tower::ServiceExt::oneshot`) as a reader's
//! request would be, a few at a time. The render starts from every address
//! the database names (every visible post and page, every label, month and
//! year, the feeds, sitemap, robots.txt and stylesheet); the older pages of
//! lists are foreseen from the posts' dates ([`paging`]) and checked against
//! the links the pages carry, and any other page a link leads to is rendered
//! too. [`static_site`] says where each answer is written and how the few
//! links a static server cannot answer (query strings) are pointed at files.

mod paging;
mod static_site;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, bail};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{DateTime, Utc};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use tidings_core::PostKind;
use tidings_store::Store;
use tokio::task::JoinSet;
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
    // Every address is asked for once, so a render cache would only hold
    // pages nobody asks for again.
    let config = tidings_web::Config {
        cache_bytes: 0,
        ..tidings_web::Config::default()
    };
    let state = tidings_web::AppState::new(store.clone(), config).await?;
    let ctx = Arc::new(Ctx {
        app: tidings_web::router(state),
        host: blog.host.clone(),
        rendered_base: format!("http://{}", blog.host),
        public: public.to_owned(),
        known: Mutex::new(Known::default()),
    });

    // The blog's posts take a while to read: the addresses that need none
    // start rendering meanwhile.
    let mut seeding = Some(tokio::spawn({
        let (store, blog) = (store.clone(), blog.clone());
        async move { seeds(&store, &blog).await }
    }));
    let mut queue: VecDeque<Job> = VecDeque::new();
    enqueue(&ctx, &mut queue, FIXED.iter().map(|u| (*u).to_owned()));
    let mut lists = Lists::default();
    let mut written: HashMap<String, Kind> = HashMap::new();
    let mut dirs: HashSet<PathBuf> = HashSet::new();

    // Pages render side by side, four per core: each waits on the database
    // for much of its time (measured on 2 cores and 10,000 posts: 2 in
    // flight took 46 s of CPU, 4 took 38 s, 8 took 34 s, 16 took 37 s).
    let parallel = std::thread::available_parallelism().map_or(8, |n| n.get() * 4);
    let mut running: JoinSet<anyhow::Result<Rendered>> = JoinSet::new();
    // On a terminal only; the count grows as the posts are read.
    let bar = crate::import::progress(queue.len() as u64, "rendering");
    let mut done = 0u64;
    loop {
        while running.len() < parallel
            && let Some(job) = queue.pop_front()
        {
            running.spawn(render_one(ctx.clone(), job));
        }
        if let Some(handle) = seeding.as_mut()
            && (running.is_empty() || handle.is_finished())
        {
            let site = handle.await??;
            seeding = None;
            enqueue(&ctx, &mut queue, site.urls);
            lists.add(site.posts);
            continue;
        }
        let Some(joined) = running.join_next().await else {
            break;
        };
        let r = joined??;
        done += 1;
        bar.set_length(done + (queue.len() + running.len()) as u64);
        bar.set_position(done);
        queue.extend(r.found);
        let Some(kind) = r.kind else {
            bar.suspend(|| eprintln!("render: skipped {}: it answers {}", r.job.url, r.status));
            continue;
        };
        if let Some(pos) = &r.job.list {
            if !lists.accept(&r.job, pos, r.older.as_ref()) {
                continue;
            }
            for next in lists.next_pages(&r.job, pos, r.older) {
                queue.push_front(next);
            }
        }
        let path = dir.join(&r.job.file);
        if let Some(parent) = path.parent()
            && !dirs.contains(parent)
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            dirs.insert(parent.to_path_buf());
        }
        std::fs::write(&path, &r.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.insert(r.job.file, kind);
    }
    bar.finish_and_clear();
    for file in lists.unreached() {
        if written.remove(&file).is_some() {
            std::fs::remove_file(dir.join(&file))
                .with_context(|| format!("cannot remove {file}"))?;
        }
    }
    let mut counts = Counts::default();
    for kind in written.values() {
        match kind {
            Kind::Page => counts.pages += 1,
            Kind::Feed => counts.feeds += 1,
            Kind::Other => counts.other += 1,
        }
    }
    Ok(counts)
}

/// Queues each of `urls` whose file no task has yet.
fn enqueue(ctx: &Ctx, queue: &mut VecDeque<Job>, urls: impl IntoIterator<Item = String>) {
    let mut known = ctx.known.lock().unwrap_or_else(PoisonError::into_inner);
    for url in urls {
        let Some(link) = local(&url) else { continue };
        let file = match (
            link.query.and_then(|q| param(q, "alt")),
            file_for(link.path),
        ) {
            (Some(alt), Some(_)) => alt_file(link.path, alt),
            (None, Some(f)) => Some(f),
            _ => None,
        };
        if let Some(file) = file
            && known.files.insert(file.clone())
        {
            let list = list_pos(&url);
            queue.push_back(Job { url, file, list });
        }
    }
}

/// What every render task shares.
struct Ctx {
    app: axum::Router,
    host: String,
    rendered_base: String,
    public: String,
    known: Mutex<Known>,
}

/// What the render has seen so far, shared by its tasks.
#[derive(Default)]
struct Known {
    /// Every file some task is to write, so none is rendered twice.
    files: HashSet<String>,
    /// Links whose rewrite does not depend on the page they are on, with
    /// their rewrite: every page repeats the sidebar's hundred or so links,
    /// which are worked out once.
    links: HashMap<String, Option<String>>,
}

#[derive(Clone, Copy)]
enum Kind {
    Page,
    Feed,
    Other,
}

/// One answer, made ready to be written.
struct Rendered {
    job: Job,
    status: StatusCode,
    /// `None` when the answer is not to be written.
    kind: Option<Kind>,
    bytes: Vec<u8>,
    /// Pages first linked from this one.
    found: Vec<Job>,
    /// For a list page, its older page.
    older: Option<Job>,
}

/// Asks the router for one address and turns the answer into its file.
async fn render_one(ctx: Arc<Ctx>, job: Job) -> anyhow::Result<Rendered> {
    let request = Request::builder()
        .uri(&job.url)
        .header(header::HOST, &ctx.host)
        .body(Body::empty())?;
    let response = ctx.app.clone().oneshot(request).await?;
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
    let mut rendered = Rendered {
        job,
        status,
        kind: None,
        bytes: Vec::new(),
        found: Vec::new(),
        older: None,
    };
    if status != StatusCode::OK {
        return Ok(rendered);
    }
    let (kind, bytes) = if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body);
        // Held for the page: one lock instead of one per link.
        let mut known = ctx.known.lock().unwrap_or_else(PoisonError::into_inner);
        let html = rewrite_links(&html, |href| map_cached(&mut known, &mut rendered, href));
        drop(known);
        let html = rebase(
            &without_server_parts(&html),
            &ctx.rendered_base,
            &ctx.public,
        );
        (Kind::Page, html.into_bytes())
    } else if content_type.contains("xml")
        || content_type.contains("json")
        || content_type.starts_with("text/")
    {
        let text = rebase(
            &String::from_utf8_lossy(&body),
            &ctx.rendered_base,
            &ctx.public,
        );
        let feed = ["atom", "rss", "feed"]
            .iter()
            .any(|k| content_type.contains(k));
        (
            if feed { Kind::Feed } else { Kind::Other },
            text.into_bytes(),
        )
    } else {
        (Kind::Other, body.to_vec())
    };
    rendered.kind = Some(kind);
    rendered.bytes = bytes;
    Ok(rendered)
}

/// [`map_link`] for one link of the page `r` is rendering from: the new
/// link, if any. A page newly linked goes to `r.found`, unless another task
/// has it already; a list's older page goes to `r.older`, for [`Lists`].
fn map_cached(known: &mut Known, r: &mut Rendered, href: &str) -> Option<String> {
    let paging = r.job.list.is_some()
        && local(href).and_then(|l| l.query).is_some_and(|q| {
            param(q, "updated-max").is_some() || param(q, "updated-min").is_some()
        });
    if paging {
        let (target, next) = map_link(href, r.job.list.as_ref())?;
        if let Some(next) = next {
            r.older = Some(next);
        }
        return target;
    }
    if let Some(target) = known.links.get(href) {
        return target.clone();
    }
    let (target, next) = map_link(href, None).unzip();
    if let Some(next) = next.flatten()
        && known.files.insert(next.file.clone())
    {
        r.found.push(next);
    }
    let target = target.flatten();
    known.links.insert(href.to_owned(), target.clone());
    target
}

/// The pages of every list: which address each of its files is to come from,
/// foreseen by [`paging::later_pages`] and corrected by what the pages
/// before them link.
#[derive(Default)]
struct Lists {
    /// Visible posts, newest first: what each list is chosen from.
    posts: Vec<ListedPost>,
    /// File of an older page → the address it is to be rendered from.
    planned: HashMap<String, String>,
    /// File of a list page written → the file of its older page, if any.
    older: HashMap<String, Option<String>>,
    /// Files of the lists' first pages.
    firsts: Vec<String>,
}

/// What decides which lists a post is in.
struct ListedPost {
    published_at: DateTime<Utc>,
    path: String,
    labels: Vec<String>,
}

impl Lists {
    /// The posts lists are made of; before any list page is rendered.
    fn add(&mut self, mut posts: Vec<ListedPost>) {
        posts.sort_by_key(|p| std::cmp::Reverse(p.published_at));
        self.posts = posts;
    }

    /// Whether a rendered list page is still the one planned for its file
    /// (a page foreseen wrongly, and since planned anew, is dropped), and if
    /// so, notes where it leads.
    fn accept(&mut self, job: &Job, pos: &ListPos, older: Option<&Job>) -> bool {
        if pos.n == 1 {
            self.firsts.push(job.file.clone());
        } else if self.planned.get(&job.file) != Some(&job.url) {
            return false;
        }
        self.older
            .insert(job.file.clone(), older.map(|o| o.file.clone()));
        true
    }

    /// The pages to render now that `job`, at `pos` in its list, links
    /// `older`: on a first page, the whole rest of its list as foreseen;
    /// further on, the older page only if it is not the one foreseen.
    fn next_pages(&mut self, job: &Job, pos: &ListPos, older: Option<Job>) -> Vec<Job> {
        let Some(older) = older else {
            return Vec::new();
        };
        if self.planned.get(&older.file) == Some(&older.url) {
            return Vec::new();
        }
        let foreseen = if pos.n == 1 {
            let dates: Vec<DateTime<Utc>> = self
                .posts
                .iter()
                .filter(|p| in_list(&job.url, p))
                .map(|p| p.published_at)
                .collect();
            paging::later_pages(&older.url, &dates)
        } else {
            Vec::new()
        };
        let mut jobs = vec![older];
        for (i, url) in foreseen.into_iter().enumerate() {
            let n = pos.n + 2 + i as u32;
            let target = format!("{}page/{n}/", pos.root);
            let Some(file) = file_for(&target) else { break };
            jobs.push(Job {
                url,
                file,
                list: Some(ListPos { n, ..pos.clone() }),
            });
        }
        for j in &jobs {
            self.planned.insert(j.file.clone(), j.url.clone());
        }
        // Queued at the front, page 2 first: a list's chain is the longest
        // wait of the render.
        jobs.reverse();
        jobs
    }

    /// Older pages written that no list reaches from its first page, by the
    /// links the pages carry: pages foreseen beyond a list's true end.
    fn unreached(&self) -> Vec<String> {
        let mut reached: HashSet<&str> = HashSet::new();
        for first in &self.firsts {
            let mut at = Some(first);
            while let Some(file) = at
                && reached.insert(file)
            {
                at = self.older.get(file).and_then(Option::as_ref);
            }
        }
        self.older
            .keys()
            .filter(|f| !reached.contains(f.as_str()))
            .cloned()
            .collect()
    }
}

/// Whether a post is in the list whose first page is `url` (`/`, a label,
/// a year or a month; see [`list_pos`]).
fn in_list(url: &str, post: &ListedPost) -> bool {
    if url == "/" {
        return true;
    }
    if let Some(label) = url.strip_prefix("/search/label/") {
        let label = percent_decode_str(label.trim_end_matches('/')).decode_utf8_lossy();
        return post.labels.iter().any(|l| *l == label);
    }
    post.path.starts_with(url)
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

/// Every address the blog answers for its readers, and the posts its lists
/// are made of.
struct Site {
    urls: Vec<String>,
    posts: Vec<ListedPost>,
}

/// The addresses every blog has, whatever it holds.
const FIXED: &[&str] = &[
    "/feeds/posts/default",
    "/feeds/posts/default?alt=rss",
    "/feeds/posts/default?alt=json",
    "/feeds/posts/summary",
    "/feeds/comments/default",
    "/sitemap.xml",
    "/robots.txt",
    "/static/simple.css",
];

/// With [`FIXED`], every address the blog answers for its readers: what the
/// render starts from. Links found in the pages add what this misses (the
/// stylesheet's hashed name); the older pages of lists come from [`Lists`].
/// The home page is a list, so it waits for the posts too.
async fn seeds(store: &Store, blog: &tidings_core::BlogSettings) -> anyhow::Result<Site> {
    let mut urls = vec!["/".to_owned()];
    let now = Utc::now();
    let index = store.post_index(blog.id, now).await?;
    let mut labels: Vec<&str> = Vec::new();
    let mut archives: Vec<String> = Vec::new();
    let mut posts = Vec::new();
    for p in &index {
        urls.push(p.path.clone());
        if p.kind == PostKind::Post {
            urls.push(format!("/feeds/{}/comments/default", p.id));
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
            posts.push(ListedPost {
                published_at: p.published_at,
                path: p.path.clone(),
                labels: p.labels.clone(),
            });
        }
    }
    for l in labels {
        let enc = utf8_percent_encode(l, NON_ALPHANUMERIC).to_string();
        urls.push(format!("/search/label/{enc}"));
        urls.push(format!("/feeds/posts/default/-/{enc}"));
    }
    urls.extend(archives);
    Ok(Site { urls, posts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(url: &str, n: u32) -> Job {
        let first = list_pos("/").unwrap();
        let file = match n {
            1 => "index.html".to_owned(),
            n => format!("page/{n}/index.html"),
        };
        Job {
            url: url.to_owned(),
            file,
            list: Some(ListPos { n, ..first }),
        }
    }

    fn older(day: u32, n: u32) -> Job {
        job(
            &format!("/search?updated-max=2020%2D01%2D{day:02}T00%3A00%3A00Z&max-results=1"),
            n,
        )
    }

    #[test]
    fn a_wrong_guess_is_rendered_again_and_pages_past_the_end_go() {
        let mut lists = Lists::default();
        lists.add(
            (1..=5)
                .map(|d| ListedPost {
                    published_at: format!("2020-01-{d:02}T00:00:00Z").parse().unwrap(),
                    path: format!("/2020/01/p{d}.html"),
                    labels: Vec::new(),
                })
                .collect(),
        );
        let first = job("/", 1);
        let pos = first.list.clone().unwrap();
        assert!(lists.accept(&first, &pos, Some(&older(5, 2))));
        // Page 2 as linked, pages 3 to 5 foreseen; page 2 is queued first.
        let next = lists.next_pages(&first, &pos, Some(older(5, 2)));
        let urls: Vec<&str> = next.iter().rev().map(|j| j.url.as_str()).collect();
        let foreseen = [older(5, 2), older(4, 3), older(3, 4), older(2, 5)];
        assert_eq!(urls, foreseen.map(|j| j.url));
        // The last page foreseen is rendered before the list turns out shorter.
        let page5 = older(2, 5);
        assert!(lists.accept(&page5, page5.list.as_ref().unwrap(), None));

        // Page 3 turns out to link another page 4 than foreseen (say a post
        // was deleted meanwhile): that one is planned instead.
        let page3 = older(4, 3);
        let pos3 = page3.list.clone().unwrap();
        assert!(lists.accept(&page3, &pos3, Some(&older(2, 4))));
        let again = lists.next_pages(&page3, &pos3, Some(older(2, 4)));
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].url, older(2, 4).url);
        // The page foreseen wrongly is not written, the new one is.
        let wrong = older(3, 4);
        assert!(!lists.accept(&wrong, wrong.list.as_ref().unwrap(), None));
        let page4 = older(2, 4);
        assert!(lists.accept(&page4, page4.list.as_ref().unwrap(), None));

        let page2 = older(5, 2);
        assert!(lists.accept(&page2, page2.list.as_ref().unwrap(), Some(&page3)));
        // Page 4 ends the list: page 5 was a guess past its end.
        assert_eq!(lists.unreached(), ["page/5/index.html"]);
    }
}
