//! The change log: what each write changed, for the render caches of every
//! node.
//!
//! Every write that readers can see records a row in the same transaction
//! (see [`record`]), so the log can never disagree with the data. Nodes read
//! the rows after the last one they saw ([`Store::changes_after`]): right
//! after their own writes, when PostgreSQL's `NOTIFY` wakes them, and on a
//! short poll that also catches writes from the CLI on SQLite.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use crate::exec::Exec;
use crate::sql::{Arg, Sql};
use crate::{Backend, Result, Store, StoreError, micros};

/// The PostgreSQL channel a committed change is announced on.
const CHANNEL: &str = "tidings_changes";

/// How long rows stay in the log: far longer than any node may lag.
const KEEP: Duration = Duration::days(1);

/// What one write changed on one blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anything on the blog (settings, an import, a new blog taking a host).
    Blog,
    /// A post: its page, and every list, feed and sidebar it can appear in.
    Post(i64),
    /// The comments of a post: its page, its comment count where lists show
    /// it, and the comment feeds.
    Comments(i64),
}

/// One row of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    pub blog_id: i64,
    pub scope: Scope,
}

/// Appends a change inside the writer's transaction. On PostgreSQL the
/// `NOTIFY` is delivered when (and only if) the transaction commits.
pub(crate) async fn record(tx: &mut impl Exec, blog_id: i64, scope: Scope) -> Result<()> {
    let postgres = tx.backend() == Backend::Postgres;
    if postgres {
        // Ids come from a sequence: without this lock, a transaction could
        // commit id 11 while id 10 is still open, and a reader that saw 11
        // would never look back for 10. The lock (held to commit, not
        // blocking reads) makes changes commit in id order, as SQLite's
        // single writer already does.
        tx.execute(&Sql::new("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE"))
            .await?;
    }
    let (name, post_id) = match scope {
        Scope::Blog => ("blog", None),
        Scope::Post(id) => ("post", Some(id)),
        Scope::Comments(id) => ("comments", Some(id)),
    };
    tx.execute(&Sql::with_args(
        "INSERT INTO changes (blog_id, scope, post_id, at) VALUES ($1, $2, $3, $4)",
        vec![
            Arg::Int(blog_id),
            Arg::Text(name.to_owned()),
            Arg::OptInt(post_id),
            Arg::Int(micros(Utc::now())),
        ],
    ))
    .await?;
    if postgres {
        tx.execute(&Sql::with_args(
            "SELECT pg_notify($1, '')",
            vec![Arg::Text(CHANNEL.to_owned())],
        ))
        .await?;
    }
    Ok(())
}

/// What [`Store::changes_after`] found.
#[derive(Debug, Default)]
pub struct ChangeBatch {
    pub changes: Vec<Change>,
    /// The reader missed rows already pruned (or the log was emptied): it
    /// must assume everything changed.
    pub gap: bool,
}

impl Store {
    /// The id of the newest change, where a new reader starts.
    pub async fn last_change(&self) -> Result<i64> {
        let row = sqlx::query("SELECT COALESCE(MAX(id), 0) AS id FROM changes")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("id")?)
    }

    /// The changes after `after`, oldest first, at most `limit` of them.
    pub async fn changes_after(&self, after: i64, limit: u32) -> Result<ChangeBatch> {
        let rows = sqlx::query(
            "SELECT id, blog_id, scope, post_id FROM changes WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        let mut batch = ChangeBatch::default();
        for row in &rows {
            let post_id: Option<i64> = row.try_get("post_id")?;
            let scope = match (row.try_get::<String, _>("scope")?.as_str(), post_id) {
                ("blog", _) => Scope::Blog,
                ("post", Some(id)) => Scope::Post(id),
                ("comments", Some(id)) => Scope::Comments(id),
                (other, _) => return Err(StoreError::Corrupt(format!("change scope {other:?}"))),
            };
            batch.changes.push(Change {
                id: row.try_get("id")?,
                blog_id: row.try_get("blog_id")?,
                scope,
            });
        }
        // Ids only grow; if the first row is not the next id, rows the
        // reader never saw were pruned (or rolled back, which is harmless to
        // treat the same way).
        if let Some(first) = batch.changes.first() {
            batch.gap = first.id != after + 1 && after != 0;
        }
        Ok(batch)
    }

    /// When the next scheduled post or page of `blog_id` goes live: a change
    /// no write announces, so caches expire at that moment by themselves.
    pub async fn next_scheduled(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let sql = Sql::with_args(
            NEXT_SCHEDULED,
            vec![Arg::Int(blog_id), Arg::Int(micros(now))],
        );
        let at = self
            .read_optional(&sql, |r| r.try_get::<Option<i64>>("at"))
            .await?;
        at.flatten().map(crate::from_micros).transpose()
    }

    /// Drops rows older than a day; any node may call it.
    pub async fn prune_changes(&self, now: DateTime<Utc>) -> Result<u64> {
        let done = sqlx::query("DELETE FROM changes WHERE at < $1")
            .bind(micros(now - KEEP))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// A connection that wakes when another node commits a change, on
    /// PostgreSQL; `None` on SQLite, where readers poll.
    pub async fn change_listener(&self) -> Result<Option<ChangeListener>> {
        if self.backend != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.url).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(ChangeListener(listener)))
    }
}

/// See [`Store::change_listener`].
pub struct ChangeListener(sqlx::postgres::PgListener);

impl ChangeListener {
    /// Waits for the next announcement. An error means the connection was
    /// lost: announcements may have been missed, so the caller re-reads the
    /// log (and may try to listen again).
    pub async fn wait(&mut self) -> Result<()> {
        self.0.recv().await?;
        Ok(())
    }
}

const NEXT_SCHEDULED: &str = "SELECT MIN(published_at) AS at FROM posts WHERE blog_id = $1 \
     AND kind IN ('post', 'page') AND status = 'published' AND published_at > $2";

/// See [`Store::next_scheduled`]; this one reads inside a transaction.
pub(crate) async fn next_scheduled<'c>(
    db: impl sqlx::Executor<'c, Database = sqlx::Any>,
    blog_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let row = sqlx::query(NEXT_SCHEDULED)
        .bind(blog_id)
        .bind(micros(now))
        .fetch_one(db)
        .await?;
    row.try_get::<Option<i64>, _>("at")?
        .map(crate::from_micros)
        .transpose()
}
