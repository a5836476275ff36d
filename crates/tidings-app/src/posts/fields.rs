//! A post's fields checked, cheap ones only: nothing here renders the body
//! (see `body.rs`) or asks the store (see `address.rs`).

use chrono::{DateTime, Datelike, Utc};
use tidings_core::slug::is_valid_slug;
use tidings_core::{BlogSettings, Post, PostComments, PostKind, PostStatus, xml_chars};

use super::PostInput;
use super::body::Body;
use crate::Error;

const MAX_TITLE_CHARS: usize = 300;
const MAX_LABELS: usize = 20;
const MAX_LABEL_CHARS: usize = 100;

/// What `save` stores, but for the rendered body and the address.
pub(super) struct Fields {
    pub kind: PostKind,
    pub title: String,
    pub body: Body,
    pub labels: Vec<String>,
    pub published_at: DateTime<Utc>,
    /// The slug the author chose; `None`: ours to choose (or keep).
    pub slug: Option<String>,
    pub sticky: bool,
    pub description: String,
    pub noindex: bool,
    pub mail_subscribers: bool,
    pub comments: PostComments,
    pub password: Password,
    /// The featured image's address; empty: none.
    pub featured_image: String,
}

/// Checks `input` against `existing` (none for a new post): every field
/// the input sets, the rest kept from `existing` or defaulted.
pub(super) fn check(
    blog: &BlogSettings,
    existing: Option<&Post>,
    input: PostInput,
    status: PostStatus,
    now: DateTime<Utc>,
) -> Result<Fields, Error> {
    let kind = input
        .kind
        .or(existing.map(|p| p.kind))
        .unwrap_or(PostKind::Post);
    let title = title(input.title, existing)?;
    let body = Body::check(input.body, input.body_html, existing)?;
    let labels = match input.labels {
        Some(l) => clean_labels(l)?,
        None => existing.map(|p| p.labels.clone()).unwrap_or_default(),
    };
    let published_at = published_at(input.published_at, status, existing, now)?;
    let slug = slug(input.slug)?;
    // Only posts are listed on the home page, so only they stick there.
    let sticky =
        kind == PostKind::Post && input.sticky.or(existing.map(|p| p.sticky)).unwrap_or(false);
    let description = description(input.description, existing)?;
    let noindex = input
        .noindex
        .or(existing.map(|p| p.noindex))
        .unwrap_or(false);
    let mail_subscribers = input
        .mail_subscribers
        .or(existing.map(|p| p.mail_subscribers))
        .unwrap_or(true);
    let comments = input
        .comments
        .or(existing.map(|p| p.comments))
        .unwrap_or(match kind {
            PostKind::Post => blog.default_comments,
            PostKind::Page => PostComments::Closed,
        });
    let password = Password::check(input.password)?;
    let featured_image = featured_image(input.featured_image, existing)?;
    Ok(Fields {
        kind,
        title,
        body,
        labels,
        published_at,
        slug,
        sticky,
        description,
        noindex,
        mail_subscribers,
        comments,
        password,
        featured_image,
    })
}

/// What a save does to the post's password: the hash is made on the work
/// pool ([`Password::hashed`]), after every cheap check has passed.
pub(super) enum Password {
    Keep,
    Remove,
    Set(String),
}

impl Password {
    /// An empty password takes it away; one over 128 characters or holding
    /// NUL is refused naming the field.
    fn check(input: Option<String>) -> Result<Self, Error> {
        match input {
            None => Ok(Self::Keep),
            Some(p) if p.is_empty() => Ok(Self::Remove),
            Some(p) => {
                tidings_core::password::check_post_password(&p)
                    .map_err(|why| Error::invalid("password", why))?;
                Ok(Self::Set(p))
            }
        }
    }

    /// The hash to store: the existing post's, none, or a new one's.
    pub async fn hashed(self, existing: Option<&Post>) -> Result<Option<String>, Error> {
        match self {
            Self::Keep => Ok(existing.and_then(|p| p.password_hash.clone())),
            Self::Remove => Ok(None),
            Self::Set(p) => Ok(Some(crate::work::hash_password(&p).await?)),
        }
    }
}

/// The post's description for search results and link previews: one
/// paragraph of plain text (line breaks become spaces), which may be empty
/// (the summary stands in).
fn description(input: Option<String>, existing: Option<&Post>) -> Result<String, Error> {
    let text = match input {
        Some(d) => d.split_whitespace().collect::<Vec<_>>().join(" "),
        None => return Ok(existing.map(|p| p.description.clone()).unwrap_or_default()),
    };
    xml_chars::check("description", &text)
        .map_err(|e| Error::invalid("description", e.to_string()))?;
    let max = Post::MAX_DESCRIPTION_CHARS;
    if text.chars().count() > max {
        return Err(Error::invalid(
            "description",
            format!("description must be at most {max} characters"),
        ));
    }
    Ok(text)
}

/// A picture's address readers' browsers may fetch, as a gadget's picture
/// (a path on the blog or an `http(s)` address); empty takes it away.
fn featured_image(input: Option<String>, existing: Option<&Post>) -> Result<String, Error> {
    let Some(address) = input else {
        return Ok(existing
            .map(|p| p.featured_image.clone())
            .unwrap_or_default());
    };
    let address = address.trim();
    xml_chars::check("featured_image", address)
        .map_err(|e| Error::invalid("featured_image", e.to_string()))?;
    tidings_core::gadget::address("featured_image", address, true)
        .map_err(|r| Error::invalid("featured_image", format!("featured_image: {}", r.message)))?;
    Ok(address.to_owned())
}

fn title(input: Option<String>, existing: Option<&Post>) -> Result<String, Error> {
    let title = match input {
        Some(t) => t.trim().to_owned(),
        None => existing.map(|p| p.title.clone()).unwrap_or_default(),
    };
    if title.is_empty() {
        return Err(Error::invalid("title", "title must not be empty"));
    }
    xml_chars::check("title", &title).map_err(|e| Error::invalid("title", e.to_string()))?;
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            format!("title must be at most {MAX_TITLE_CHARS} characters"),
        ));
    }
    Ok(title)
}

/// When the post goes live. "Scheduled" and "published" both store a post
/// that goes live at this time; which one it *is* follows from the time, so
/// scheduling for a time already past publishes it, as the status then
/// reported says.
fn published_at(
    input: Option<DateTime<Utc>>,
    status: PostStatus,
    existing: Option<&Post>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Error> {
    let at = match (input, status) {
        (Some(t), _) => t,
        // Publishing a draft without a date publishes it now.
        (None, PostStatus::Published) if existing.is_none_or(|p| p.draft) => now,
        (None, _) => existing.map(|p| p.published_at).unwrap_or(now),
    };
    if !(1000..=9999).contains(&at.year()) {
        return Err(Error::invalid(
            "published_at",
            "published_at must be between the years 1000 and 9999",
        ));
    }
    Ok(at)
}

/// The author's own slug, checked; empty means "make one from the title".
fn slug(input: Option<String>) -> Result<Option<String>, Error> {
    match input.map(|s| s.trim().to_owned()) {
        Some(s) if s.is_empty() => Ok(None),
        Some(s) if !is_valid_slug(&s) => Err(Error::invalid(
            "slug",
            "slug may hold only lower-case letters, digits, - and _",
        )),
        other => Ok(other),
    }
}

/// Trims labels, drops duplicates, and refuses empty, overlong or
/// control-character labels (a label is a path segment and a line of text).
fn clean_labels(labels: Vec<String>) -> Result<Vec<String>, Error> {
    let refuse = |message: String| Error::invalid("labels", message);
    if labels.len() > MAX_LABELS {
        return Err(refuse(format!(
            "a post may have at most {MAX_LABELS} labels"
        )));
    }
    let mut out: Vec<String> = Vec::new();
    for l in labels {
        let l = l.trim().to_owned();
        if l.is_empty() {
            return Err(refuse("labels must not be empty".into()));
        }
        if l.chars().count() > MAX_LABEL_CHARS {
            return Err(refuse(format!(
                "a label must be at most {MAX_LABEL_CHARS} characters"
            )));
        }
        if l.chars().any(char::is_control) {
            return Err(refuse(
                "labels must not contain control characters or line breaks".into(),
            ));
        }
        xml_chars::check("labels", &l).map_err(|e| refuse(e.to_string()))?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    Ok(out)
}
