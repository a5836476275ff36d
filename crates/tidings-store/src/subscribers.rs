//! Follow by Email: a blog's subscribers, and the mailing of each new post
//! to them.
//!
//! A request to subscribe queues its confirmation mail in its own
//! transaction ([`Store::ask_subscription`]); an address already confirmed,
//! or sent a confirmation since the quiet period began, is mailed nothing,
//! so the form cannot flood an inbox. A post first published through the
//! editor or the API writes a `post_mailings` row in its save's transaction
//! ([`queue_post_mailing`]); the senders then walk the confirmed
//! subscribers a batch at a time ([`Store::mail_new_posts`]), each batch
//! one short transaction that queues one outbox row per subscriber, so ten
//! thousand subscribers hold neither a transaction nor the queue for long.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::outbox::{self, NewMail};
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros, micros};

/// What a queued row says: "confirm your subscription".
pub const SUBSCRIBE_CONFIRM: &str = "subscribe_confirm";
/// What a queued row says: a new post, to a subscriber.
pub const NEW_POST: &str = "new_post";

/// One address following a blog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub id: i64,
    pub blog_id: i64,
    pub email: String,
    /// `pending`, `confirmed` or `unsubscribed`.
    pub state: String,
    pub created_at: DateTime<Utc>,
    /// When the latest confirmation mail was queued: its link is signed
    /// with it, so only the latest link confirms.
    pub asked_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// How many subscribers of a blog are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SubscriberCounts {
    pub pending: i64,
    pub confirmed: i64,
    pub unsubscribed: i64,
}

const SELECT_SUBSCRIBER: &str = "SELECT id, blog_id, email, state, created_at, asked_at, \
     confirmed_at, ended_at FROM subscribers";

fn subscriber_from_row(r: &ReadRow) -> Result<Subscriber> {
    let optional = |v: Option<i64>| v.map(from_micros).transpose();
    Ok(Subscriber {
        id: r.try_get("id")?,
        blog_id: r.try_get("blog_id")?,
        email: r.try_get("email")?,
        state: r.try_get("state")?,
        created_at: from_micros(r.try_get("created_at")?)?,
        asked_at: from_micros(r.try_get("asked_at")?)?,
        confirmed_at: optional(r.try_get("confirmed_at")?)?,
        ended_at: optional(r.try_get("ended_at")?)?,
    })
}

/// Marks post `post_id` to be mailed to `blog_id`'s subscribers at `due`
/// (when it shows), in the transaction that publishes it. A post is mailed
/// once: a mailing already started is left alone, one not started yet (a
/// scheduled post) takes the new time.
pub(crate) async fn queue_post_mailing(
    tx: &mut impl Exec,
    blog_id: i64,
    post_id: i64,
    due: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        &Sql::new(
            "INSERT INTO post_mailings (post_id, blog_id, due_at) VALUES ($1, $2, $3) \
             ON CONFLICT (post_id) DO UPDATE SET due_at = $3 \
             WHERE post_mailings.last_subscriber IS NULL AND post_mailings.finished_at IS NULL",
        )
        .bind(post_id)
        .bind(blog_id)
        .bind(micros(due)),
    )
    .await?;
    Ok(())
}

/// The confirmation mail of subscriber `id`, asked for at `now`.
fn confirmation(blog_id: i64, id: i64, email: &str, now: DateTime<Utc>) -> NewMail {
    NewMail {
        blog_id,
        kind: SUBSCRIBE_CONFIRM.to_owned(),
        subject_id: id,
        event: format!("subscribe:{id}:{}", micros(now)),
        recipient: email.to_owned(),
        user_id: None,
    }
}

/// The mailing due first at `$1` whose post shows.
const DUE_MAILING: &str = "SELECT m.post_id, m.blog_id, m.due_at, m.last_subscriber, \
     (SELECT p.mail_subscribers FROM posts p WHERE p.id = m.post_id) AS mailed \
     FROM post_mailings m WHERE m.finished_at IS NULL AND m.due_at <= $1 \
     AND EXISTS (SELECT 1 FROM posts p WHERE p.id = m.post_id AND p.status = 'published' \
     AND p.published_at <= $1) ORDER BY m.due_at LIMIT 1";

/// A mailing the senders are walking.
struct Mailing {
    post_id: i64,
    blog_id: i64,
    due_at: i64,
    last_subscriber: i64,
    /// The post's "don't mail this one" switch is off.
    mailed: bool,
}

impl Store {
    /// Records that `email` asks to follow `blog_id`, and queues the
    /// confirmation mail unless the address is confirmed already or was
    /// sent one since `quiet_since`. Answers whether a mail was queued.
    pub async fn ask_subscription(
        &self,
        blog_id: i64,
        email: &str,
        now: DateTime<Utc>,
        quiet_since: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let new = tx
            .fetch_optional(
                &Sql::new(
                    "INSERT INTO subscribers (blog_id, email, state, created_at, asked_at) \
                     VALUES ($1, $2, 'pending', $3, $3) \
                     ON CONFLICT (blog_id, email) DO NOTHING RETURNING id",
                )
                .bind(blog_id)
                .bind(email)
                .bind(micros(now)),
                |r| r.try_get::<i64>("id"),
            )
            .await?;
        let asked = match new {
            Some(id) => Some(id),
            None => {
                tx.fetch_optional(
                    &Sql::new(
                        "UPDATE subscribers SET state = 'pending', asked_at = $3 \
                         WHERE blog_id = $1 AND email = $2 AND state <> 'confirmed' \
                         AND asked_at < $4 RETURNING id",
                    )
                    .bind(blog_id)
                    .bind(email)
                    .bind(micros(now))
                    .bind(micros(quiet_since)),
                    |r| r.try_get::<i64>("id"),
                )
                .await?
            }
        };
        let Some(id) = asked else {
            return Ok(false);
        };
        let added = outbox::queue(&mut tx, &[confirmation(blog_id, id, email, now)], now).await?;
        tx.commit().await?;
        self.mail_queued(added);
        Ok(true)
    }

    /// Adds `emails` (lowercased, checked) to `blog_id`'s subscribers in one
    /// transaction: confirmed at once when the owner says they consented,
    /// else waiting, each sent a confirmation mail. An address already
    /// there is left as it is. Answers how many were added.
    pub async fn import_subscribers(
        &self,
        blog_id: i64,
        emails: &[String],
        consented: bool,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let (state, confirmed) = if consented {
            ("confirmed", Some(micros(now)))
        } else {
            ("pending", None)
        };
        let (mut added, mut queued) = (0, 0);
        for email in emails {
            let id = tx
                .fetch_optional(
                    &Sql::new(
                        "INSERT INTO subscribers (blog_id, email, state, created_at, asked_at, \
                         confirmed_at) VALUES ($1, $2, $3, $4, $4, $5) \
                         ON CONFLICT (blog_id, email) DO NOTHING RETURNING id",
                    )
                    .bind(blog_id)
                    .bind(email.as_str())
                    .bind(state)
                    .bind(micros(now))
                    .bind(confirmed),
                    |r| r.try_get::<i64>("id"),
                )
                .await?;
            let Some(id) = id else { continue };
            added += 1;
            if !consented {
                queued +=
                    outbox::queue(&mut tx, &[confirmation(blog_id, id, email, now)], now).await?;
            }
        }
        tx.commit().await?;
        self.mail_queued(queued);
        Ok(added)
    }

    /// Subscriber `id` of `blog_id`, if there is one.
    pub async fn subscriber(&self, blog_id: i64, id: i64) -> Result<Option<Subscriber>> {
        let mut sql = Sql::new(SELECT_SUBSCRIBER);
        sql.int(" WHERE id = ", id).int(" AND blog_id = ", blog_id);
        self.read_optional(&sql, subscriber_from_row).await
    }

    /// The subscriber `email` of `blog_id`, if there is one.
    pub async fn subscriber_by_email(
        &self,
        blog_id: i64,
        email: &str,
    ) -> Result<Option<Subscriber>> {
        let mut sql = Sql::new(SELECT_SUBSCRIBER);
        sql.int(" WHERE blog_id = ", blog_id)
            .text(" AND email = ", email);
        self.read_optional(&sql, subscriber_from_row).await
    }

    /// Every subscriber of `blog_id`, oldest first: the admin's list and
    /// its CSV export.
    pub async fn subscribers(&self, blog_id: i64) -> Result<Vec<Subscriber>> {
        let mut sql = Sql::new(SELECT_SUBSCRIBER);
        sql.int(" WHERE blog_id = ", blog_id).push(" ORDER BY id");
        self.read_all(&sql, subscriber_from_row).await
    }

    pub async fn subscriber_counts(&self, blog_id: i64) -> Result<SubscriberCounts> {
        let sql = Sql::new(
            "SELECT SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending, \
             SUM(CASE WHEN state = 'confirmed' THEN 1 ELSE 0 END) AS confirmed, \
             SUM(CASE WHEN state = 'unsubscribed' THEN 1 ELSE 0 END) AS unsubscribed \
             FROM subscribers WHERE blog_id = $1",
        )
        .bind(blog_id);
        self.read_one(&sql, |r| {
            let n = |name: &str| {
                r.try_get::<Option<i64>>(name)
                    .map(Option::unwrap_or_default)
            };
            Ok(SubscriberCounts {
                pending: n("pending")?,
                confirmed: n("confirmed")?,
                unsubscribed: n("unsubscribed")?,
            })
        })
        .await
    }

    /// Confirms subscriber `id` if it still waits for the confirmation
    /// mailed at `asked_at`. Answers whether it changed.
    pub async fn confirm_subscriber(
        &self,
        blog_id: i64,
        id: i64,
        asked_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let done = self
            .execute(
                &Sql::new(
                    "UPDATE subscribers SET state = 'confirmed', confirmed_at = $4, ended_at = NULL \
                     WHERE id = $1 AND blog_id = $2 AND asked_at = $3 AND state = 'pending'",
                )
                .bind(id)
                .bind(blog_id)
                .bind(micros(asked_at))
                .bind(micros(now)),
            )
            .await?;
        Ok(done > 0)
    }

    /// Ends subscriber `id`'s subscription. Answers whether it changed.
    pub async fn unsubscribe(&self, blog_id: i64, id: i64, now: DateTime<Utc>) -> Result<bool> {
        let done = self
            .execute(
                &Sql::new(
                    "UPDATE subscribers SET state = 'unsubscribed', ended_at = $3 \
                     WHERE id = $1 AND blog_id = $2 AND state <> 'unsubscribed'",
                )
                .bind(id)
                .bind(blog_id)
                .bind(micros(now)),
            )
            .await?;
        Ok(done > 0)
    }

    /// Queues the next `batch` subscribers' mail of one post due at `now`,
    /// in one short transaction, and answers how many rows it queued, at
    /// least 1 when a mailing moved on (0: nothing was due). A mailing due
    /// before `stale_before` (mail was off, or no node ran) is closed
    /// without mail: news that old is not news; so is one of a post whose
    /// author turned its mail off. Any
    /// node may call this; on PostgreSQL concurrent callers take different
    /// mailings, and `UNIQUE (event, recipient)` keeps a race from mailing
    /// anyone twice.
    pub async fn mail_new_posts(
        &self,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        batch: u32,
    ) -> Result<u64> {
        // Looked for on the pool first: most polls find nothing, and
        // need not take SQLite's write lock to learn it.
        let due = Sql::new(DUE_MAILING).bind(micros(now));
        if self
            .read_optional(&due, |r| r.try_get::<i64>("post_id"))
            .await?
            .is_none()
        {
            return Ok(0);
        }
        let mut tx = self.begin_write().await?;
        let mut sql = Sql::new(DUE_MAILING).bind(micros(now));
        sql.push(self.backend.skip_locked());
        let found = tx
            .fetch_optional(&sql, |r| {
                Ok(Mailing {
                    post_id: r.try_get("post_id")?,
                    blog_id: r.try_get("blog_id")?,
                    due_at: r.try_get("due_at")?,
                    last_subscriber: r.try_get::<Option<i64>>("last_subscriber")?.unwrap_or(0),
                    mailed: r.try_get::<i64>("mailed")? != 0,
                })
            })
            .await?;
        let Some(m) = found else {
            return Ok(0);
        };
        // A post its author asked not to mail when it showed is closed
        // unsent, and later saves find its mailing finished and mail
        // nothing; a mailing under way goes on.
        let unwanted = !m.mailed && m.last_subscriber == 0;
        let added = if m.due_at < micros(stale_before) || unwanted {
            finish(&mut tx, m.post_id, now).await?;
            0
        } else {
            queue_batch(&mut tx, &m, batch, now).await?
        };
        tx.commit().await?;
        self.mail_queued(added);
        // A batch that queued nothing new (a race lost, a stale mailing
        // closed) still moved on: there may be more to do at once.
        Ok(added.max(1))
    }
}

/// Queues the mail of `m`'s next `batch` subscribers (those confirmed when
/// the post showed), moves its cursor past them, and closes it after the
/// last. Answers how many rows were queued.
async fn queue_batch(
    tx: &mut impl Exec,
    m: &Mailing,
    batch: u32,
    now: DateTime<Utc>,
) -> Result<u64> {
    let (upto, n) = tx
        .fetch_one(
            &Sql::new(
                "SELECT MAX(id) AS upto, COUNT(*) AS n FROM (SELECT id FROM subscribers \
                 WHERE blog_id = $1 AND state = 'confirmed' AND confirmed_at <= $2 \
                 AND id > $3 ORDER BY id LIMIT $4) s",
            )
            .bind(m.blog_id)
            .bind(m.due_at)
            .bind(m.last_subscriber)
            .bind(i64::from(batch)),
            |r| Ok((r.try_get::<Option<i64>>("upto")?, r.try_get::<i64>("n")?)),
        )
        .await?;
    let Some(upto) = upto else {
        finish(tx, m.post_id, now).await?;
        return Ok(0);
    };
    let added = tx
        .execute(
            &Sql::new(
                "INSERT INTO outbox (blog_id, kind, subject_id, event, recipient, created_at, \
                 due_at) SELECT blog_id, $5, $6, $7, email, $8, $8 FROM subscribers \
                 WHERE blog_id = $1 AND state = 'confirmed' AND confirmed_at <= $2 \
                 AND id > $3 AND id <= $4 ON CONFLICT (event, recipient) DO NOTHING",
            )
            .bind(m.blog_id)
            .bind(m.due_at)
            .bind(m.last_subscriber)
            .bind(upto)
            .bind(NEW_POST)
            .bind(m.post_id)
            .bind(format!("post:{}", m.post_id))
            .bind(micros(now)),
        )
        .await?;
    tx.execute(
        &Sql::new("UPDATE post_mailings SET last_subscriber = $2 WHERE post_id = $1")
            .bind(m.post_id)
            .bind(upto),
    )
    .await?;
    if n < i64::from(batch) {
        finish(tx, m.post_id, now).await?;
    }
    Ok(added)
}

async fn finish(tx: &mut impl Exec, post_id: i64, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        &Sql::new("UPDATE post_mailings SET finished_at = $2 WHERE post_id = $1")
            .bind(post_id)
            .bind(micros(now)),
    )
    .await?;
    Ok(())
}
