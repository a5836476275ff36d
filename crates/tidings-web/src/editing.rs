//! Turning what an author sends into a stored post: validation, Markdown
//! rendering at save time, slugs and paths with collision handling.
//!
//! The API uses this now; the admin's editor will use the same rules.

use chrono::{DateTime, Datelike, Utc};
use tidings_core::slug::{is_valid_slug, numbered, slugify};
use tidings_core::{BlogSettings, Post, PostKind, PostStatus, post_path};
use tidings_store::{NewPost, Store};

use crate::error::AppError;

pub const MAX_TITLE_CHARS: usize = 300;
/// The largest body (Markdown or HTML) a post may have: 1 MiB, far above any
/// real post; past it 413, before anything is rendered.
pub const MAX_BODY_BYTES: usize = 1 << 20;
pub const MAX_LABELS: usize = 20;
pub const MAX_LABEL_CHARS: usize = 100;

/// The fields an author sets; `None` keeps the stored value (or the default).
#[derive(Debug, Default, Clone)]
pub struct PostInput {
    pub kind: Option<PostKind>,
    pub title: Option<String>,
    pub slug: Option<String>,
    pub body: Option<String>,
    pub body_html: Option<String>,
    pub labels: Option<Vec<String>>,
    pub status: Option<PostStatus>,
    pub published_at: Option<DateTime<Utc>>,
    pub sticky: Option<bool>,
}

impl PostInput {
    /// The status the post will have: the one asked for, else the one it
    /// has, else a draft. Known before any work, so roles are checked first.
    pub fn status(&self, existing: Option<&Post>, now: DateTime<Utc>) -> PostStatus {
        self.status
            .or(existing.map(|p| p.status_at(now)))
            .unwrap_or(PostStatus::Draft)
    }
}

/// Who is writing, for the byline of new posts.
pub struct Author {
    pub id: i64,
    pub name: String,
}

/// Checks `input` against `existing` (none for a new post) and produces the
/// full post to store. The caller has checked the role already (see
/// [`PostInput::status`]): the body is rendered here, the expensive part.
pub async fn prepare(
    store: &Store,
    blog: &BlogSettings,
    existing: Option<&Post>,
    input: PostInput,
    author: &Author,
    now: DateTime<Utc>,
) -> Result<NewPost, AppError> {
    let status = input.status(existing, now);
    let kind = input
        .kind
        .or(existing.map(|p| p.kind))
        .unwrap_or(PostKind::Post);
    let title = match input.title {
        Some(t) => t.trim().to_owned(),
        None => existing.map(|p| p.title.clone()).unwrap_or_default(),
    };
    if title.is_empty() {
        return Err(AppError::invalid("title must not be empty"));
    }
    tidings_core::xml_chars::check("title", &title).map_err(invalid)?;
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(AppError::invalid(format!(
            "title must be at most {MAX_TITLE_CHARS} characters"
        )));
    }
    if input.body.is_some() && input.body_html.is_some() {
        return Err(AppError::invalid(
            "send either body (Markdown) or body_html, not both",
        ));
    }
    let body = match (input.body, input.body_html) {
        (Some(md), None) => {
            check_body("body", &md)?;
            Body::Markdown(md)
        }
        (None, Some(html)) => {
            check_body("body_html", &html)?;
            Body::Html(html)
        }
        _ => match existing {
            Some(p) => Body::Kept {
                markdown: p.body_markdown.clone(),
                html: p.body_html.clone(),
            },
            None => Body::Kept {
                markdown: Some(String::new()),
                html: String::new(),
            },
        },
    };
    let (body_markdown, body_html, body_text) = body.render().await?;
    let labels = match input.labels {
        Some(l) => clean_labels(l)?,
        None => existing.map(|p| p.labels.clone()).unwrap_or_default(),
    };

    let was_visible = existing.is_some_and(|p| p.is_visible_at(now));
    let published_at = match (input.published_at, status) {
        (Some(t), _) => t,
        // Publishing a draft without a date publishes it now.
        (None, PostStatus::Published) if existing.is_none_or(|p| p.draft) => now,
        (None, _) => existing.map(|p| p.published_at).unwrap_or(now),
    };
    if !(1000..=9999).contains(&published_at.year()) {
        return Err(AppError::invalid(
            "published_at must be between the years 1000 and 9999",
        ));
    }
    // "Scheduled" and "published" both store a post that goes live at
    // `published_at`; which one it *is* follows from the time. So scheduling
    // for a time already past publishes it, as the status then reported says.

    let explicit_slug = match input.slug.map(|s| s.trim().to_owned()) {
        Some(s) if s.is_empty() => None,
        Some(s) if !is_valid_slug(&s) => {
            return Err(AppError::invalid(
                "slug may hold only lower-case letters, digits, - and _",
            ));
        }
        other => other,
    };
    let keep_path =
        was_visible && explicit_slug.is_none() && existing.is_some_and(|p| p.kind == kind);
    let (slug, path) = if keep_path {
        let p = existing.expect("keep_path implies an existing post");
        (p.slug.clone(), p.path.clone())
    } else {
        let except = existing.map(|p| p.id);
        match explicit_slug {
            Some(slug) => {
                let path = post_path(kind, published_at, blog.timezone, &slug);
                if store.path_taken(blog.id, &path, except).await? {
                    return Err(AppError::conflict(format!(
                        "another post already has the address {path}"
                    )));
                }
                (slug, path)
            }
            None => free_path(store, blog, kind, published_at, &slugify(&title), except).await?,
        }
    };

    Ok(NewPost {
        blog_id: blog.id,
        kind,
        title,
        slug,
        path,
        body_text,
        body_markdown,
        body_html,
        labels,
        draft: status == PostStatus::Draft,
        published_at,
        author_id: Some(author.id),
        author_name: existing
            .map(|p| p.author_name.clone())
            .unwrap_or_else(|| author.name.clone()),
        // Only posts are listed on the home page, so only they stick there.
        sticky: kind == PostKind::Post
            && input.sticky.or(existing.map(|p| p.sticky)).unwrap_or(false),
    })
}

/// A post's body as the author sent it, or as it was.
enum Body {
    Markdown(String),
    Html(String),
    Kept {
        markdown: Option<String>,
        html: String,
    },
}

impl Body {
    /// The Markdown (if any), the sanitised HTML and its text for search,
    /// made on the work pool ([`crate::work`]). Nesting past
    /// [`tidings_render::MAX_NESTING`] answers 422 before the sanitiser
    /// builds a tree.
    async fn render(self) -> Result<(Option<String>, String, String), AppError> {
        crate::work::run(move || {
            let (markdown, html) = match self {
                Body::Markdown(md) => {
                    let html = tidings_render::try_markdown_to_html(&md)
                        .map_err(|_| markdown_too_deep("body"))?;
                    (Some(md), html)
                }
                Body::Html(html) => {
                    let clean = tidings_render::try_sanitize_html(&html)
                        .map_err(|e| AppError::invalid(format!("body_html {e}; flatten it")))?;
                    (None, clean)
                }
                Body::Kept { markdown, html } => (markdown, html),
            };
            let text = tidings_render::html_to_text(&html);
            Ok((markdown, html, text))
        })
        .await?
    }
}

/// 422 for Markdown whose block quotes, lists and HTML nest past
/// [`tidings_render::MAX_NESTING`].
pub fn markdown_too_deep(name: &str) -> AppError {
    AppError::invalid(format!(
        "{name} nests block quotes, lists or HTML elements more than {} levels deep; flatten it",
        tidings_render::MAX_NESTING
    ))
}

/// The first of `slug`, `slug-2`, `slug-3`, … whose path is free.
async fn free_path(
    store: &Store,
    blog: &BlogSettings,
    kind: PostKind,
    at: DateTime<Utc>,
    base: &str,
    except: Option<i64>,
) -> Result<(String, String), AppError> {
    for n in 1..=100 {
        let slug = if n == 1 {
            base.to_owned()
        } else {
            numbered(base, n)
        };
        let path = post_path(kind, at, blog.timezone, &slug);
        if !store.path_taken(blog.id, &path, except).await? {
            return Ok((slug, path));
        }
    }
    Err(AppError::conflict(
        "too many posts share this title this month; give this one a slug",
    ))
}

/// 413 for a body over [`MAX_BODY_BYTES`].
pub fn too_large(name: &str) -> AppError {
    AppError::too_large(format!(
        "{name} must be at most 1 MiB ({MAX_BODY_BYTES} bytes)"
    ))
}

fn check_body(name: &str, body: &str) -> Result<(), AppError> {
    tidings_core::xml_chars::check(name, body).map_err(invalid)?;
    if body.len() > MAX_BODY_BYTES {
        return Err(too_large(name));
    }
    Ok(())
}

/// Trims labels, drops duplicates, and refuses empty, overlong or
/// control-character labels (a label is a path segment and a line of text).
pub fn clean_labels(labels: Vec<String>) -> Result<Vec<String>, AppError> {
    if labels.len() > MAX_LABELS {
        return Err(AppError::invalid(format!(
            "a post may have at most {MAX_LABELS} labels"
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for l in labels {
        let l = l.trim().to_owned();
        if l.is_empty() {
            return Err(AppError::invalid("labels must not be empty"));
        }
        if l.chars().count() > MAX_LABEL_CHARS {
            return Err(AppError::invalid(format!(
                "a label must be at most {MAX_LABEL_CHARS} characters"
            )));
        }
        if l.chars().any(char::is_control) {
            return Err(AppError::invalid(
                "labels must not contain control characters or line breaks",
            ));
        }
        tidings_core::xml_chars::check("labels", &l).map_err(invalid)?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    Ok(out)
}

/// Text XML cannot carry (feeds, exports) is refused as 422, naming the field.
fn invalid(e: tidings_core::xml_chars::ForbiddenChar) -> AppError {
    AppError::invalid(e.to_string())
}
