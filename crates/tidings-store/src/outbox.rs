//! The outbox: mail queued in the transaction of the event that causes it,
//! claimed by one node at a time, sent, and marked.
//!
//! A row is written with the event's own rows ([`queue`]), so a crash can
//! neither lose a mail nor invent one, and `UNIQUE (event, recipient)` keeps
//! an event from mailing anyone twice. A node claims due rows for a lease
//! ([`Store::claim_mail`]): while it runs, no other node takes them; if the
//! node dies, the lease runs out and another does. The claim is one
//! statement; on PostgreSQL its rows are locked with `SKIP LOCKED`
//! (`dialect.rs`), so nodes claiming at once take different rows instead of
//! waiting on each other; SQLite's one writer claims alone.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tokio::sync::Notify;

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros, micros};

/// A mail to queue: what to say (`kind` about `subject_id`) to whom, for
/// which event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub blog_id: i64,
    pub kind: String,
    pub subject_id: i64,
    /// Names the event: one mail per recipient per event.
    pub event: String,
    pub recipient: String,
    /// The member it goes to, if it goes to one.
    pub user_id: Option<i64>,
}

/// A claimed mail, for the sender to write and send.
#[derive(Debug, Clone)]
pub struct QueuedMail {
    pub id: i64,
    pub blog_id: i64,
    pub kind: String,
    pub subject_id: i64,
    pub recipient: String,
    pub user_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// Tries so far, this one included.
    pub attempts: i64,
}

/// Wakes this process's sender when a transaction that queued mail commits
/// (other nodes find it at their next poll).
#[derive(Clone, Default)]
pub(crate) struct Queued(Arc<Notify>);

/// Inserts `mail` inside the event's transaction; a mail already queued
/// for the same event and recipient is left as it is. Answers how many
/// rows were added.
pub(crate) async fn queue(tx: &mut impl Exec, mail: &[NewMail], now: DateTime<Utc>) -> Result<u64> {
    let mut added = 0;
    for m in mail {
        added += tx
            .execute(
                &Sql::new(
                    "INSERT INTO outbox (blog_id, kind, subject_id, event, recipient, user_id, \
                     created_at, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
                     ON CONFLICT (event, recipient) DO NOTHING",
                )
                .bind(m.blog_id)
                .bind(m.kind.as_str())
                .bind(m.subject_id)
                .bind(m.event.as_str())
                .bind(m.recipient.as_str())
                .bind(m.user_id)
                .bind(micros(now)),
            )
            .await?;
    }
    Ok(added)
}

fn queued_from_row(r: &ReadRow) -> Result<QueuedMail> {
    Ok(QueuedMail {
        id: r.try_get("id")?,
        blog_id: r.try_get("blog_id")?,
        kind: r.try_get("kind")?,
        subject_id: r.try_get("subject_id")?,
        recipient: r.try_get("recipient")?,
        user_id: r.try_get("user_id")?,
        created_at: from_micros(r.try_get("created_at")?)?,
        attempts: r.try_get("attempts")?,
    })
}

/// A blog's mail lately, for its admin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailCounts {
    /// Queued and neither sent nor given up.
    pub waiting: i64,
    pub given_up: i64,
    /// Why the latest mail given up was.
    pub last_error: Option<String>,
}

impl Store {
    /// How much of `blog_id`'s mail queued since `since` is waiting, and how
    /// much was given up, with the latest reason.
    pub async fn mail_counts(&self, blog_id: i64, since: DateTime<Utc>) -> Result<MailCounts> {
        let counts = Sql::new(
            "SELECT SUM(CASE WHEN sent_at IS NULL AND given_up_at IS NULL THEN 1 ELSE 0 END) \
             AS waiting, SUM(CASE WHEN given_up_at IS NOT NULL THEN 1 ELSE 0 END) AS given_up \
             FROM outbox WHERE blog_id = $1 AND created_at >= $2",
        )
        .bind(blog_id)
        .bind(micros(since));
        let (waiting, given_up) = self
            .read_one(&counts, |r| {
                Ok((
                    r.try_get::<Option<i64>>("waiting")?.unwrap_or(0),
                    r.try_get::<Option<i64>>("given_up")?.unwrap_or(0),
                ))
            })
            .await?;
        let last = Sql::new(
            "SELECT last_error FROM outbox WHERE blog_id = $1 AND given_up_at >= $2 \
             ORDER BY given_up_at DESC LIMIT 1",
        )
        .bind(blog_id)
        .bind(micros(since));
        let last_error = self
            .read_optional(&last, |r| r.try_get::<Option<String>>("last_error"))
            .await?
            .flatten();
        Ok(MailCounts {
            waiting,
            given_up,
            last_error,
        })
    }

    /// Queues `mail` on its own (an event with no rows of its own, such as
    /// a password reset), and wakes the sender.
    pub async fn queue_mail(&self, mail: &[NewMail], now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let added = queue(&mut tx, mail, now).await?;
        tx.commit().await?;
        self.mail_queued(added);
        Ok(added)
    }

    /// Tells this process's sender that `added` mails were committed.
    pub(crate) fn mail_queued(&self, added: u64) {
        if added > 0 {
            self.queued.0.notify_one();
        }
    }

    /// Waits until this process commits new mail (a wake-up may also come
    /// with nothing new: the sender then finds nothing due).
    pub async fn mail_committed(&self) {
        self.queued.0.notified().await;
    }

    /// Claims up to `limit` due mails for `node` until `now + lease`, and
    /// counts the attempt. A row claimed by a node whose lease ran out is
    /// due again.
    pub async fn claim_mail(
        &self,
        node: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<QueuedMail>> {
        let mut sql = Sql::new(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND given_up_at IS NULL \
             AND due_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3) \
             ORDER BY due_at LIMIT $4",
        )
        .bind(node)
        .bind(micros(now + lease))
        .bind(micros(now))
        .bind(i64::from(limit));
        sql.push(self.backend.skip_locked()).push(
            ") RETURNING id, blog_id, kind, subject_id, recipient, user_id, created_at, attempts",
        );
        self.execute_returning(&sql, queued_from_row).await
    }

    /// Forgets mail sent or given up before `before`: the table keeps what
    /// the admin is shown and what a late duplicate of an event would
    /// collide with, not every mail ever sent. Answers how many went.
    pub async fn prune_mail(&self, before: DateTime<Utc>) -> Result<u64> {
        self.execute(
            &Sql::new(
                "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < $1) \
                 OR (given_up_at IS NOT NULL AND given_up_at < $1)",
            )
            .bind(micros(before)),
        )
        .await
    }

    /// Records what became of claimed mails, all in one transaction: a
    /// batch costs one commit, not one a mail. Only `node`'s own claims
    /// are changed: a row whose lease ran out and that another node
    /// claimed since is that node's to record.
    pub async fn mail_outcomes(
        &self,
        node: &str,
        outcomes: &[(i64, MailOutcome)],
        now: DateTime<Utc>,
    ) -> Result<()> {
        if outcomes.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        for (id, outcome) in outcomes {
            tx.execute(&outcome_sql(*id, node, outcome, now)).await?;
        }
        tx.commit().await
    }
}

/// What became of one claimed mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailOutcome {
    /// The server took it.
    Sent,
    /// Not sent: due again at `at`.
    Retry { at: DateTime<Utc>, error: String },
    /// Not sent, and never will be (refused for good, too old, or nothing
    /// left to say), with why.
    GivenUp { error: String },
}

fn outcome_sql(id: i64, node: &str, outcome: &MailOutcome, now: DateTime<Utc>) -> Sql {
    match outcome {
        MailOutcome::Sent => Sql::new(
            "UPDATE outbox SET sent_at = $3, claimed_until = NULL, last_error = NULL \
             WHERE id = $1 AND claimed_by = $2",
        )
        .bind(id)
        .bind(node)
        .bind(micros(now)),
        MailOutcome::Retry { at, error } => Sql::new(
            "UPDATE outbox SET due_at = $3, claimed_until = NULL, last_error = $4 \
             WHERE id = $1 AND claimed_by = $2",
        )
        .bind(id)
        .bind(node)
        .bind(micros(*at))
        .bind(error.as_str()),
        MailOutcome::GivenUp { error } => Sql::new(
            "UPDATE outbox SET given_up_at = $3, claimed_until = NULL, last_error = $4 \
             WHERE id = $1 AND claimed_by = $2",
        )
        .bind(id)
        .bind(node)
        .bind(micros(now))
        .bind(error.as_str()),
    }
}
