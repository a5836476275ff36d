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
//! [`seeds`] holds the addresses known up front, [`task`] one address's
//! render, [`links`] where a page's links lead, [`lists`] the lists' pages,
//! [`output`] the files written.

mod links;
mod lists;
mod output;
mod paging;
mod seeds;
mod static_site;
mod task;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, bail};
use tidings_store::Store;
use tokio::task::JoinSet;

use self::links::{Job, alt_file, list_pos};
use self::output::{Counts, Output};
use self::seeds::{FIXED, seeds};
use self::static_site::{file_for, local, param};
use self::task::{Ctx, Known, Rendered, render_one};
use crate::blogs;
use crate::cli::{Global, RenderArgs};

/// Written at the top of every render, so a later render may replace it.
const MARKER: &str = ".tidings-render";

pub async fn run(global: &Global, store: &Store, args: RenderArgs) -> anyhow::Result<()> {
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
    let result = render_into(global, args.media.choice(), store, &blog, &public, &tmp).await;
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

/// Renders every address into `dir`, which `public` will serve.
async fn render_into(
    global: &Global,
    media: tidings_store::MediaStore,
    store: &Store,
    blog: &tidings_core::BlogSettings,
    public: &str,
    dir: &Path,
) -> anyhow::Result<Counts> {
    let ctx = start(global, media, store, blog, public, dir).await?;
    // The blog's posts take a while to read: the addresses that need none
    // start rendering meanwhile.
    let mut seeding = Some(tokio::spawn({
        let (store, blog) = (store.clone(), blog.clone());
        async move { seeds(&store, &blog).await }
    }));
    let mut queue: VecDeque<Job> = VecDeque::new();
    enqueue(&ctx, &mut queue, FIXED.iter().map(|u| (*u).to_owned()));
    let mut out = Output::new(dir);

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
            out.lists.add(site.posts);
            continue;
        }
        let Some(joined) = running.join_next().await else {
            break;
        };
        let mut r = joined??;
        done += 1;
        bar.set_length(done + (queue.len() + running.len()) as u64);
        bar.set_position(done);
        queue.extend(std::mem::take(&mut r.found));
        let Some(kind) = r.kind else {
            bar.suspend(|| eprintln!("render: skipped {}: it answers {}", r.job.url, r.status));
            continue;
        };
        out.keep(r, kind, &mut queue)?;
    }
    bar.finish_and_clear();
    out.finish()
}

/// Marks `dir` as a render and makes the router every page is asked of,
/// with the render cache off.
async fn start(
    global: &Global,
    media: tidings_store::MediaStore,
    store: &Store,
    blog: &tidings_core::BlogSettings,
    public: &str,
    dir: &Path,
) -> anyhow::Result<Arc<Ctx>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(
        dir.join(MARKER),
        "Written by `tidings render`; the next render replaces this directory.\n",
    )?;
    // Every address is asked for once, so a render cache would only hold
    // pages nobody asks for again; the render sets its own pace, so no
    // request is refused as one too many. Rendering a page is no one
    // reading it: no view is counted.
    // Uploads are read where `serve` keeps them, so the pages' pictures
    // are written beside them.
    let config = tidings_web::Config {
        media_dir: Some(global.data.join("media")),
        themes_dir: Some(global.data.join("themes")),
        media_store: media,
        cache_bytes: 0,
        renders_at_once: None,
        count_views: false,
        ..tidings_web::Config::default()
    };
    let state = tidings_web::AppState::new(store.clone(), config).await?;
    Ok(Arc::new(Ctx {
        app: tidings_web::router(state),
        host: blog.host.clone(),
        rendered_base: format!("http://{}", blog.host),
        public: public.to_owned(),
        comments_closed: static_site::comments_closed(
            &tidings_theme::i18n::lang(&blog.language).text("static-comments-closed", &[]),
        ),
        known: Mutex::new(Known::default()),
    }))
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
