//! Commenters told of replies: a watch on a comment, asked for with the
//! comment ([`watch`], in its insert's transaction, with the confirmation
//! mail), confirmed from that mail, and each published reply to the
//! comment queued to a confirmed watcher in the transaction that publishes
//! it ([`queue_replies`]), whichever way it was published.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::outbox::{self, NewMail};
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros, micros};

/// What a queued row says: "confirm you want to be told of replies".
pub const REPLY_CONFIRM: &str = "reply_confirm";
/// What a queued row says: a reply to the recipient's comment.
pub const COMMENT_REPLY: &str = "comment_reply";

/// A commenter's wish to be told of replies to their comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyWatch {
    pub comment_id: i64,
    pub blog_id: i64,
    pub email: String,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub stopped_at: Option<DateTime<Utc>>,
}

fn watch_from_row(r: &ReadRow) -> Result<ReplyWatch> {
    let optional = |v: Option<i64>| v.map(from_micros).transpose();
    Ok(ReplyWatch {
        comment_id: r.try_get("comment_id")?,
        blog_id: r.try_get("blog_id")?,
        email: r.try_get("email")?,
        confirmed_at: optional(r.try_get("confirmed_at")?)?,
        stopped_at: optional(r.try_get("stopped_at")?)?,
    })
}

/// Records that the author of comment `comment_id` (at `email`, already
/// lowercased) wants replies, and queues the confirmation mail. Answers
/// how many mails were queued.
pub(crate) async fn watch(
    tx: &mut impl Exec,
    blog_id: i64,
    comment_id: i64,
    email: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    tx.execute(
        &Sql::new(
            "INSERT INTO reply_watches (comment_id, blog_id, email, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(comment_id)
        .bind(blog_id)
        .bind(email)
        .bind(micros(now)),
    )
    .await?;
    let mail = NewMail {
        blog_id,
        kind: REPLY_CONFIRM.to_owned(),
        subject_id: comment_id,
        event: format!("comment:{comment_id}:watch"),
        recipient: email.to_owned(),
        user_id: None,
    };
    outbox::queue(tx, &[mail], now).await
}

/// Queues the mail that comment `reply_id`, just published, sends to the
/// confirmed watcher of the comment it answers (none to a watcher answering
/// their own comment). Answers how many mails were queued: at most one,
/// however often the reply is published.
pub(crate) async fn queue_replies(
    tx: &mut impl Exec,
    reply_id: i64,
    now: DateTime<Utc>,
) -> Result<u64> {
    tx.execute(
        &Sql::new(
            "INSERT INTO outbox (blog_id, kind, subject_id, event, recipient, created_at, due_at) \
             SELECT w.blog_id, $2, r.id, $3, w.email, $4, $4 \
             FROM comments r, reply_watches w WHERE r.id = $1 AND w.comment_id = r.parent_id \
             AND r.status = 'published' AND w.confirmed_at IS NOT NULL \
             AND w.stopped_at IS NULL \
             AND (r.author_email IS NULL OR LOWER(r.author_email) <> w.email) \
             ON CONFLICT (event, recipient) DO NOTHING",
        )
        .bind(reply_id)
        .bind(COMMENT_REPLY)
        .bind(format!("comment:{reply_id}:reply"))
        .bind(micros(now)),
    )
    .await
}

impl Store {
    /// The watch on comment `comment_id` of `blog_id`, if one was asked for.
    pub async fn reply_watch(&self, blog_id: i64, comment_id: i64) -> Result<Option<ReplyWatch>> {
        let sql = Sql::new(
            "SELECT comment_id, blog_id, email, confirmed_at, stopped_at FROM reply_watches \
             WHERE comment_id = $1 AND blog_id = $2",
        )
        .bind(comment_id)
        .bind(blog_id);
        self.read_optional(&sql, watch_from_row).await
    }

    /// Confirms the watch on `comment_id` if it waits for it. Answers
    /// whether it changed.
    pub async fn confirm_reply_watch(
        &self,
        blog_id: i64,
        comment_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = self
            .execute(
                &Sql::new(
                    "UPDATE reply_watches SET confirmed_at = $3 WHERE comment_id = $1 \
                     AND blog_id = $2 AND confirmed_at IS NULL AND stopped_at IS NULL",
                )
                .bind(comment_id)
                .bind(blog_id)
                .bind(micros(now)),
            )
            .await?;
        Ok(done > 0)
    }

    /// Stops the watch on `comment_id`. Answers whether it changed.
    pub async fn stop_reply_watch(
        &self,
        blog_id: i64,
        comment_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = self
            .execute(
                &Sql::new(
                    "UPDATE reply_watches SET stopped_at = $3 WHERE comment_id = $1 \
                     AND blog_id = $2 AND stopped_at IS NULL",
                )
                .bind(comment_id)
                .bind(blog_id)
                .bind(micros(now)),
            )
            .await?;
        Ok(done > 0)
    }
}
