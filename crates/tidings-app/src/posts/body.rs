//! A post's body: checked for size and characters before any work, then
//! rendered (Markdown → sanitised HTML, or author HTML sanitised) on the
//! work pool, refused past [`tidings_render::MAX_NESTING`] levels before the
//! sanitiser builds a tree.

use tidings_core::{Post, xml_chars};

use crate::{Error, work};

/// The largest body (Markdown or HTML) a post may have: 1 MiB, far above
/// any real post; past it [`Error::TooLarge`], before anything is rendered.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// A post's body as the author sent it, or as it was.
pub(super) enum Body {
    Markdown(String),
    Html(String),
    Kept {
        markdown: Option<String>,
        html: String,
    },
}

/// What is stored of a body.
pub(super) struct Rendered {
    /// The Markdown source, when the body came from Markdown.
    pub markdown: Option<String>,
    /// Sanitised HTML, as readers get it.
    pub html: String,
    /// Its text, for search and summaries.
    pub text: String,
}

impl Body {
    /// The body `markdown` or `html` sets (at most one of them), else the
    /// one `existing` has, else an empty one; checked, not yet rendered.
    pub fn check(
        markdown: Option<String>,
        html: Option<String>,
        existing: Option<&Post>,
    ) -> Result<Self, Error> {
        Ok(match (markdown, html) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "body",
                    "send either body (Markdown) or body_html, not both",
                ));
            }
            (Some(md), None) => Body::Markdown(checked("body", md)?),
            (None, Some(html)) => Body::Html(checked("body_html", html)?),
            (None, None) => match existing {
                Some(p) => Body::Kept {
                    markdown: p.body_markdown.clone(),
                    html: p.body_html.clone(),
                },
                None => Body::Kept {
                    markdown: Some(String::new()),
                    html: String::new(),
                },
            },
        })
    }

    /// The stored forms of the body, made on the work pool.
    pub async fn render(self) -> Result<Rendered, Error> {
        work::run(move || {
            let (markdown, html) = match self {
                Body::Markdown(md) => {
                    let html = tidings_render::try_markdown_to_html(&md)
                        .map_err(|_| markdown_too_deep("body"))?;
                    (Some(md), html)
                }
                Body::Html(html) => {
                    let clean = tidings_render::try_sanitize_html(&html).map_err(|e| {
                        Error::invalid("body_html", format!("body_html {e}; flatten it"))
                    })?;
                    (None, clean)
                }
                Body::Kept { markdown, html } => (markdown, html),
            };
            let text = tidings_render::html_to_text(&html);
            Ok(Rendered {
                markdown,
                html,
                text,
            })
        })
        .await?
    }
}

/// What list pages show of sanitised `html` (see `tidings_render::teaser`),
/// empty without a jump break; cut on the work pool when there is one.
pub(super) async fn teaser(html: &str) -> Result<String, Error> {
    if !html.contains(tidings_render::JUMP_BREAK) {
        return Ok(String::new());
    }
    let html = html.to_owned();
    work::run(move || tidings_render::teaser(&html).unwrap_or_default()).await
}

/// Markdown as the public page will show it: the editor's preview, refused
/// as saving would refuse it (too large, nested too deep), on the work pool.
pub async fn preview(markdown: String) -> Result<String, Error> {
    if markdown.len() > MAX_BODY_BYTES {
        return Err(too_large("body"));
    }
    work::run(move || {
        tidings_render::try_markdown_to_html(&markdown).map_err(|_| markdown_too_deep("body"))
    })
    .await?
}

/// `body` when it holds only characters XML can carry and fits in
/// [`MAX_BODY_BYTES`]; `field` names it in the refusal.
fn checked(field: &'static str, body: String) -> Result<String, Error> {
    xml_chars::check(field, &body).map_err(|e| Error::invalid(field, e.to_string()))?;
    if body.len() > MAX_BODY_BYTES {
        return Err(too_large(field));
    }
    Ok(body)
}

fn too_large(field: &str) -> Error {
    Error::TooLarge(format!(
        "{field} must be at most 1 MiB ({MAX_BODY_BYTES} bytes)"
    ))
}

/// Markdown whose block quotes, lists and HTML nest past
/// [`tidings_render::MAX_NESTING`].
fn markdown_too_deep(field: &'static str) -> Error {
    Error::invalid(
        field,
        format!(
            "{field} nests block quotes, lists or HTML elements more than {} levels deep; flatten it",
            tidings_render::MAX_NESTING
        ),
    )
}
