//! A post's history: the versions [`super::save`] kept as it changed them
//! (the store keeps them in the save's transaction), listed for whoever may
//! read the post, and restored by whoever may change it. Restoring is a
//! save of the old title, body and labels, so the version it replaces is
//! kept in its turn and a restore can be undone the same way.

use chrono::{DateTime, Utc};
use tidings_core::{BlogSettings, Post, permission};
use tidings_store::{Revision, Store};

use super::{PostInput, Writer, may_change};
use crate::Error;

/// The kept versions of `post`, newest first, if `writer` may read it.
pub async fn list(
    store: &Store,
    writer: &Writer,
    post: &Post,
    now: DateTime<Utc>,
) -> Result<Vec<Revision>, Error> {
    may_read(writer, post, now)?;
    Ok(store.post_revisions(post.id).await?)
}

/// Revision `id` of `post`, if `writer` may read the post; the id of
/// another post's revision is refused as a field that will not do (422),
/// one that does not exist is not found (404).
pub async fn find(
    store: &Store,
    writer: &Writer,
    post: &Post,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Revision, Error> {
    may_read(writer, post, now)?;
    match store.post_revision(id).await? {
        Some(r) if r.post_id == post.id => Ok(r),
        Some(_) => Err(Error::invalid(
            "revision",
            format!("The revision {id} is of another post."),
        )),
        None => Err(Error::NotFound(format!("No revision has the id {id}."))),
    }
}

/// Puts revision `id`'s title, body and labels back on `post`, if
/// `writer` may change it; answers the post as saved.
pub async fn restore(
    store: &Store,
    blog: &BlogSettings,
    writer: &Writer,
    post: &Post,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Post, Error> {
    may_change(writer, post)?;
    let revision = find(store, writer, post, id, now).await?;
    let (body, body_html) = if revision.markdown {
        (Some(revision.body), None)
    } else {
        (None, Some(revision.body))
    };
    let input = PostInput {
        title: Some(revision.title),
        body,
        body_html,
        labels: Some(revision.labels),
        ..PostInput::default()
    };
    super::save(store, blog, writer, Some(post), input, now).await
}

fn may_read(writer: &Writer, post: &Post, now: DateTime<Utc>) -> Result<(), Error> {
    let own = writer.wrote(post);
    if permission::may_read_post(writer.role, own, post.is_visible_at(now)) {
        return Ok(());
    }
    Err(Error::Forbidden(format!(
        "Your role ({}) may not read other people's drafts or scheduled posts.",
        writer.role.as_str()
    )))
}
