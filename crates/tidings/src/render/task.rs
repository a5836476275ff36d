//! One render task: an address asked of the router, its answer made ready
//! to be written, and what the tasks share.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use super::links::{Job, map_link};
use super::static_site::{
    file_for, local, media_sources, param, rebase, rewrite_links, with_csp_meta,
    without_server_parts,
};

/// What every render task shares.
pub struct Ctx {
    pub app: axum::Router,
    pub host: String,
    pub rendered_base: String,
    pub public: String,
    /// What stands where the comment form was, in the blog's language.
    pub comments_closed: String,
    pub known: Mutex<Known>,
}

/// What the render has seen so far, shared by its tasks.
#[derive(Default)]
pub struct Known {
    /// Every file some task is to write, so none is rendered twice.
    pub files: HashSet<String>,
    /// Links whose rewrite does not depend on the page they are on, with
    /// their rewrite: every page repeats the sidebar's hundred or so links,
    /// which are worked out once.
    pub links: HashMap<String, Option<String>>,
}

#[derive(Clone, Copy)]
pub enum Kind {
    Page,
    Feed,
    Other,
}

/// One answer, made ready to be written.
pub struct Rendered {
    pub job: Job,
    pub status: StatusCode,
    /// `None` when the answer is not to be written.
    pub kind: Option<Kind>,
    pub bytes: Vec<u8>,
    /// Pages first linked from this one.
    pub found: Vec<Job>,
    /// For a list page, its older page.
    pub older: Option<Job>,
}

/// Asks the router for one address and turns the answer into its file.
pub async fn render_one(ctx: Arc<Ctx>, job: Job) -> anyhow::Result<Rendered> {
    let request = Request::builder()
        .uri(&job.url)
        .header(header::HOST, &ctx.host)
        .body(Body::empty())?;
    let response = ctx.app.clone().oneshot(request).await?;
    let status = response.status();
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
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
        for path in media_sources(&html) {
            if let Some(file) = file_for(path)
                && known.files.insert(file.clone())
            {
                rendered.found.push(Job {
                    url: path.to_owned(),
                    file,
                    list: None,
                });
            }
        }
        drop(known);
        let mut html = rebase(
            &without_server_parts(&html, &ctx.comments_closed),
            &ctx.rendered_base,
            &ctx.public,
        );
        if let Some(policy) = &policy {
            html = with_csp_meta(&html, policy);
        }
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
/// has it already; a list's older page goes to `r.older`, for
/// [`Lists`](super::lists::Lists).
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
