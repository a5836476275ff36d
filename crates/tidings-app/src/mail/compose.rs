//! The words of each mail, written when it is sent from what its queued
//! row names, so it says what is true then: a comment already decided is
//! not mailed, and a link's lifetime starts when it leaves. Every mail is
//! in its blog's language (`words.rs`).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::{DateTime, Duration, Utc};
use tidings_core::CommentStatus;
use tidings_store::{
    COMMENT_REPLY, NEW_POST, QueuedMail, REPLY_CONFIRM, SUBSCRIBE_CONFIRM, Store, StoreError,
};

use super::links::{self, Purpose};
use super::new_post::{self, PostMail};
use super::words::Words;
use super::{HELD_COMMENT, Letter, Mail, PASSWORD_RESET, blog_url, follow, replies, review};
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

/// What the mails of one batch share, read and written once: each new
/// post as its subscribers' mails show it (ten thousand mails of one post
/// read it, and its blog, once a batch instead of once a mail).
#[derive(Default)]
pub struct Shared {
    posts: HashMap<(i64, i64), Result<PostMail, &'static str>>,
}

impl Shared {
    /// Post `post_id` of blog `blog_id` as mailed at `now` (the batch's
    /// first mail of it decides), or why it is not mailed.
    pub(super) async fn post_mail(
        &mut self,
        store: &Store,
        blog_id: i64,
        post_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Result<&PostMail, &'static str>, Error> {
        let key = (blog_id, post_id);
        if let Entry::Vacant(slot) = self.posts.entry(key) {
            slot.insert(PostMail::read(store, blog_id, post_id, now).await?);
        }
        Ok(self.posts[&key].as_ref().map_err(|why| *why))
    }
}

/// The letter `queued` becomes at `now`; what other mails of its batch
/// share with it is read once, into `shared`.
pub async fn letter(
    store: &Store,
    mail: &Mail,
    shared: &mut Shared,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    match queued.kind.as_str() {
        HELD_COMMENT => held_comment(store, mail, queued, now).await,
        PASSWORD_RESET => reset(store, mail, queued, now).await,
        REPLY_CONFIRM => replies::confirmation(store, mail, queued, now).await,
        COMMENT_REPLY => replies::reply(store, mail, queued, now).await,
        SUBSCRIBE_CONFIRM => follow::confirmation(store, mail, queued, now).await,
        NEW_POST => new_post::letter(store, mail, shared, queued, now).await,
        review::SUBMITTED_POST => review::letter(store, queued).await,
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
    let w = Words::of(&blog);
    let reasons = if c.hold_reasons.is_empty() {
        w.t("mail-held-by-setting", &[])
    } else {
        c.hold_reasons.clone()
    };
    let post_url = format!("{base}{}", held.post_path);
    let about = [("name", c.author_name.as_str()), ("post", &held.post_title)];
    let text = format!(
        "{intro}\n\n{why}\n\n----\n{body}\n----\n\n{approve}\n\n{spam}\n\n{links}\n{waiting}\n",
        intro = w.t("mail-held-intro", &[about[0], about[1], ("url", &post_url)]),
        why = w.t("mail-held-why", &[("reasons", &reasons)]),
        body = c.body,
        approve = w.t(
            "mail-held-approve",
            &[("link", &link(Purpose::Approve, "approve"))]
        ),
        spam = w.t("mail-held-spam", &[("link", &link(Purpose::Spam, "spam"))]),
        links = w.t(
            "mail-held-links",
            &[("duration", &w.days(MODERATION_LINK_LIFETIME))]
        ),
        waiting = w.t(
            "mail-held-waiting",
            &[("link", &format!("{base}/admin/comments?status=pending"))]
        ),
    );
    Ok(Composed::Letter(Letter {
        to: queued.recipient.clone(),
        to_name: None,
        subject: w.t("mail-held-subject", &about),
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
    let w = Words::of(&blog);
    let text = format!(
        "{intro}\n\n{choose}\n{base}/admin/reset?token={token}\n\n{signs_out}\n{not_asked}\n",
        intro = w.t(
            "mail-reset-intro",
            &[("email", &user.email), ("blog", &blog.title)]
        ),
        choose = w.t("mail-reset-link", &[]),
        base = blog_url(&blog),
        signs_out = w.t("mail-reset-signs-out", &[]),
        not_asked = w.t("mail-reset-not-asked", &[]),
    );
    Ok(Composed::Letter(Letter {
        to: user.email.clone(),
        to_name: Some(user.name.clone()),
        subject: w.t("mail-reset-subject", &[("blog", &blog.title)]),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}
