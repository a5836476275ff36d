//! A draft submitted for review: the mail that tells the blog's reviewers
//! (`tidings_core::permission::may_review`) it waits for them, queued with
//! the save that submits it and written when it is sent.

use tidings_core::{BlogSettings, permission};
use tidings_store::{NewMail, QueuedMail, Store, StoreError};

use super::compose::Composed;
use super::words::Words;
use super::{Letter, Mail, blog_url};
use crate::Error;

/// What a queued row says: a post submitted for review.
pub const SUBMITTED_POST: &str = "submitted_post";

/// The mail a post submitted for review on `blog` queues: one to each
/// member who reviews, but the writer (`writer`) themselves. None while
/// mail is off. The store names the post and the event when it writes it.
pub(crate) async fn if_submitted(
    store: &Store,
    mail: &Mail,
    blog: &BlogSettings,
    writer: Option<i64>,
) -> Result<Vec<NewMail>, Error> {
    if !mail.is_on() {
        return Ok(Vec::new());
    }
    Ok(store
        .members(blog.id)
        .await?
        .into_iter()
        .filter(|(user, role)| permission::may_review(*role) && Some(user.id) != writer)
        .map(|(user, _)| NewMail {
            blog_id: blog.id,
            kind: SUBMITTED_POST.to_owned(),
            subject_id: 0,
            event: String::new(),
            recipient: user.email,
            user_id: Some(user.id),
        })
        .collect())
}

/// The letter of a submitted post, unless it was published, sent back or
/// deleted before it left.
pub(super) async fn letter(store: &Store, queued: &QueuedMail) -> Result<Composed, Error> {
    let blog = store.blog_by_id(queued.blog_id).await?;
    let post = match store.post_by_id(blog.id, queued.subject_id).await {
        Err(StoreError::NotFound) => return Ok(Composed::Nothing("the post is gone")),
        found => found?,
    };
    if !post.pending || post.is_trashed() {
        return Ok(Composed::Nothing(
            "the post was reviewed before it was mailed",
        ));
    }
    let w = Words::of(&blog);
    let base = blog_url(&blog);
    let about = [
        ("name", post.author_name.as_str()),
        ("post", post.title.as_str()),
    ];
    let text = format!(
        "{intro}\n\n{edit}\n\n{waiting}\n",
        intro = w.t("mail-review-intro", &about),
        edit = w.t(
            "mail-review-edit",
            &[("link", &format!("{base}/admin/posts/{}", post.id))]
        ),
        waiting = w.t(
            "mail-review-waiting",
            &[("link", &format!("{base}/admin/posts?status=pending"))]
        ),
    );
    Ok(Composed::Letter(Letter {
        to: queued.recipient.clone(),
        to_name: None,
        subject: w.t("mail-review-subject", &about),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}
