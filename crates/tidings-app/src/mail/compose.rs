//! The words of each mail, written when it is sent from what its queued
//! row names, so it says what is true then: a comment already decided is
//! not mailed, and a link's lifetime starts when it leaves.

use chrono::{DateTime, Duration, Utc};
use tidings_core::CommentStatus;
use tidings_store::{
    COMMENT_REPLY, NEW_POST, QueuedMail, REPLY_CONFIRM, SUBSCRIBE_CONFIRM, Store, StoreError,
};

use super::links::{self, Purpose};
use super::{HELD_COMMENT, Letter, Mail, PASSWORD_RESET, blog_url, follow, replies};
use crate::Error;

/// How long the links in a held comment's mail work.
pub const MODERATION_LINK_LIFETIME: Duration = Duration::days(7);

/// How long a reset link works, from the request.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// A queued mail, written.
#[derive(Debug)]
pub enum Composed {
    Letter(Letter),
    /// Nothing to send any more, and why.
    Nothing(&'static str),
}

/// The letter `queued` becomes at `now`.
pub async fn letter(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    match queued.kind.as_str() {
        HELD_COMMENT => held_comment(store, mail, queued, now).await,
        PASSWORD_RESET => reset(store, mail, queued, now).await,
        REPLY_CONFIRM => replies::confirmation(store, mail, queued, now).await,
        COMMENT_REPLY => replies::reply(store, mail, queued, now).await,
        SUBSCRIBE_CONFIRM => follow::confirmation(store, mail, queued, now).await,
        NEW_POST => follow::new_post(store, mail, queued, now).await,
        _ => Ok(Composed::Nothing(
            "this node does not know that kind of mail",
        )),
    }
}

async fn held_comment(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let blog = store.blog_by_id(queued.blog_id).await?;
    let held = match store.comment_by_id(blog.id, queued.subject_id).await {
        Err(StoreError::NotFound) => return Ok(Composed::Nothing("the comment is gone")),
        found => found?,
    };
    if held.comment.status != CommentStatus::Pending {
        return Ok(Composed::Nothing(
            "the comment was decided before it was mailed",
        ));
    }
    let user = queued.user_id.unwrap_or(0);
    let base = blog_url(&blog);
    let expires = now + MODERATION_LINK_LIFETIME;
    let link = |purpose, action| {
        let token = links::issue(mail.key(), purpose, held.comment.id, user, "", expires);
        format!("{base}/admin/mail/{action}?token={token}")
    };
    let c = &held.comment;
    let reasons = if c.hold_reasons.is_empty() {
        "the blog holds comments for approval".to_owned()
    } else {
        c.hold_reasons.clone()
    };
    let text = format!(
        "{name} commented on \u{201c}{title}\u{201d} ({base}{path}), and the comment \
         waits for approval.\n\nWhy it was held: {reasons}\n\n\
         ----\n{body}\n----\n\n\
         Approve it: {approve}\n\nMark it as spam: {spam}\n\n\
         Each link opens a page with one button, and works for {days} days.\n\
         Every comment waiting for approval: {base}/admin/comments?status=pending\n",
        name = c.author_name,
        title = held.post_title,
        path = held.post_path,
        body = c.body,
        approve = link(Purpose::Approve, "approve"),
        spam = link(Purpose::Spam, "spam"),
        days = MODERATION_LINK_LIFETIME.num_days(),
    );
    Ok(Composed::Letter(Letter {
        to: queued.recipient.clone(),
        to_name: None,
        subject: format!(
            "{} commented on \u{201c}{}\u{201d} (awaiting approval)",
            c.author_name, held.post_title
        ),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}

async fn reset(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let expires = queued.created_at + RESET_LINK_LIFETIME;
    if now >= expires {
        return Ok(Composed::Nothing(
            "the link would have expired before it arrived",
        ));
    }
    let Some(user) = store.user_by_id(queued.subject_id).await? else {
        return Ok(Composed::Nothing("the account is gone"));
    };
    let blog = store.blog_by_id(queued.blog_id).await?;
    let token = links::issue(
        mail.key(),
        Purpose::Reset,
        user.id,
        user.id,
        &user.password_hash,
        expires,
    );
    let text = format!(
        "Someone asked to set a new password for {email} on {title}.\n\n\
         To choose a new password, open this link within the hour; it works once:\n\
         {base}/admin/reset?token={token}\n\n\
         Setting a new password signs this account out everywhere.\n\
         If you did not ask, ignore this mail: your password stays as it is.\n",
        email = user.email,
        title = blog.title,
        base = blog_url(&blog),
    );
    Ok(Composed::Letter(Letter {
        to: user.email.clone(),
        to_name: Some(user.name.clone()),
        subject: format!("A new password for {}", blog.title),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}
