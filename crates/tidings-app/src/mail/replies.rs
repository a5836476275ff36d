//! Commenters told of replies (SPEC 11): the box next to the email field
//! asks for it (`comments::submit` sets `watch_replies`, and the store
//! writes the watch and its confirmation mail with the comment); the
//! confirmation link's page ([`open`]) and button ([`confirm`]); then one
//! mail per published reply, however it was published (the store queues it
//! in the transaction that publishes the reply), each with a link that
//! ends them ([`stop`], also the mail's one-click `List-Unsubscribe`).

use chrono::{DateTime, Duration, Utc};
use tidings_core::CommentStatus;
use tidings_store::{CommentListing, QueuedMail, ReplyWatch, Store, StoreError};

use super::compose::Composed;
use super::links::{self, Purpose, refusal};
use super::words::Words;
use super::{Letter, Mail, blog_url};
use crate::Error;

/// How long a confirmation link works, from when it is sent.
pub const CONFIRM_LINK_LIFETIME: Duration = Duration::days(7);

/// How long a way out works: as long as mail could still arrive.
pub const STOP_LINK_LIFETIME: Duration = Duration::days(3650);

/// What a commenter's link acts on: their watch, their comment and its post.
#[derive(Debug, Clone)]
pub struct Watched {
    pub watch: ReplyWatch,
    pub comment: CommentListing,
}

/// The watch `token` is about, if the link is good for `purpose` at `now`
/// (opening it changes nothing).
pub async fn open(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    purpose: Purpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Watched, Error> {
    let claim = links::read(token)
        .and_then(|c| links::verify(mail.key(), purpose, &c, "", now).map(|()| c))
        .map_err(refusal)?;
    let gone =
        || Error::NotFound("The comment this link is about is gone. Nothing changed.".into());
    let watch = store
        .reply_watch(blog_id, claim.subject)
        .await?
        .ok_or_else(gone)?;
    let comment = match store.comment_by_id(blog_id, claim.subject).await {
        Err(StoreError::NotFound) => return Err(gone()),
        found => found?,
    };
    if purpose == Purpose::ConfirmReplies {
        if watch.stopped_at.is_some() {
            return Err(Error::Conflict(
                "This link is spent: mail about replies to this comment was stopped.".into(),
            ));
        }
        if watch.confirmed_at.is_some() {
            return Err(Error::Conflict(
                "This link is spent: you already confirmed. Replies will be mailed to you.".into(),
            ));
        }
    }
    Ok(Watched { watch, comment })
}

/// Confirms the watch `token` is about: replies are mailed from now on.
pub async fn confirm(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Watched, Error> {
    let watched = open(store, mail, blog_id, Purpose::ConfirmReplies, token, now).await?;
    store
        .confirm_reply_watch(blog_id, watched.comment.comment.id, now)
        .await?;
    Ok(watched)
}

/// Stops the watch `token` is about. Stopping twice is no error: a mail
/// client's one-click `POST` may come again.
pub async fn stop(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Watched, Error> {
    let watched = open(store, mail, blog_id, Purpose::StopReplies, token, now).await?;
    store
        .stop_reply_watch(blog_id, watched.comment.comment.id, now)
        .await?;
    Ok(watched)
}

/// The confirmation mail of the watch on comment `queued.subject_id`.
pub(super) async fn confirmation(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let Some((watch, c)) = watched(store, queued).await? else {
        return Ok(Composed::Nothing("the comment is gone"));
    };
    if watch.confirmed_at.is_some() || watch.stopped_at.is_some() {
        return Ok(Composed::Nothing(
            "the watch was decided before it was mailed",
        ));
    }
    if matches!(
        c.comment.status,
        CommentStatus::Spam | CommentStatus::Deleted
    ) {
        return Ok(Composed::Nothing("the comment was taken down"));
    }
    let blog = store.blog_by_id(queued.blog_id).await?;
    let base = blog_url(&blog);
    let token = links::issue(
        mail.key(),
        Purpose::ConfirmReplies,
        c.comment.id,
        0,
        "",
        now + CONFIRM_LINK_LIFETIME,
    );
    let w = Words::of(&blog);
    let text = format!(
        "{intro}\n\n{confirm}\n{base}/replies/confirm?token={token}\n\n{not_asked}\n",
        intro = w.t(
            "mail-replies-intro",
            &[
                ("blog", &blog.title),
                ("post", &c.post_title),
                ("url", &format!("{base}{}", c.post_path)),
            ]
        ),
        confirm = w.t(
            "mail-confirm-link",
            &[("duration", &w.days(CONFIRM_LINK_LIFETIME))]
        ),
        not_asked = w.t("mail-not-asked", &[]),
    );
    Ok(Composed::Letter(Letter {
        to: watch.email,
        to_name: None,
        subject: w.t("mail-replies-subject", &[("post", &c.post_title)]),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}

/// The mail that reply `queued.subject_id` sends the watcher of the
/// comment it answers.
pub(super) async fn reply(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let blog = store.blog_by_id(queued.blog_id).await?;
    let reply = match store.comment_by_id(blog.id, queued.subject_id).await {
        Err(StoreError::NotFound) => return Ok(Composed::Nothing("the reply is gone")),
        found => found?,
    };
    if reply.comment.status != CommentStatus::Published {
        return Ok(Composed::Nothing(
            "the reply was taken down before it was mailed",
        ));
    }
    let Some(parent) = reply.comment.parent_id else {
        return Ok(Composed::Nothing("the reply answers no comment"));
    };
    let watch = store.reply_watch(blog.id, parent).await?;
    let Some(watch) = watch.filter(|w| w.confirmed_at.is_some() && w.stopped_at.is_none()) else {
        return Ok(Composed::Nothing("mail about replies was stopped"));
    };
    let base = blog_url(&blog);
    let token = links::issue(
        mail.key(),
        Purpose::StopReplies,
        parent,
        0,
        "",
        now + STOP_LINK_LIFETIME,
    );
    let stop = format!("{base}/replies/stop?token={token}");
    let r = &reply.comment;
    let w = Words::of(&blog);
    let about = [
        ("name", r.author_name.as_str()),
        ("post", &reply.post_title),
    ];
    let text = format!(
        "{intro}\n\n----\n{body}\n----\n\n{read}\n\n{stop_it}\n",
        intro = w.t("mail-reply-intro", &about),
        body = r.body,
        read = w.t(
            "mail-reply-read",
            &[("link", &format!("{base}{}#c{}", reply.post_path, r.id))]
        ),
        stop_it = w.t("mail-reply-stop", &[("link", &stop)]),
    );
    Ok(Composed::Letter(Letter {
        to: watch.email,
        to_name: None,
        subject: w.t("mail-reply-subject", &about),
        text,
        html: None,
        list_unsubscribe: Some(stop),
    }))
}

/// The watch on comment `queued.subject_id`, with the comment.
async fn watched(
    store: &Store,
    queued: &QueuedMail,
) -> Result<Option<(ReplyWatch, CommentListing)>, Error> {
    let Some(watch) = store.reply_watch(queued.blog_id, queued.subject_id).await? else {
        return Ok(None);
    };
    match store.comment_by_id(queued.blog_id, queued.subject_id).await {
        Err(StoreError::NotFound) => Ok(None),
        found => Ok(Some((watch, found?))),
    }
}
