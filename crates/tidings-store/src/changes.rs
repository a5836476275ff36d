//! The change log: what each write changed, for the render caches of every
//! node.
//!
//! Every write that readers can see records a row in the same transaction
//! (see [`record`]), so the log can never disagree with the data. Nodes read
//! the rows after the last one they saw ([`Store::changes_after`]): right
//! after their own writes, when PostgreSQL's `NOTIFY` wakes them, and on a
//! short poll that also catches writes from the CLI on SQLite.

use chrono::{DateTime, Duration, Utc};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, micros};

/// The PostgreSQL channel a committed change is announced on.
const CHANNEL: &str = "tidings_changes";

/// The PostgreSQL channel a commit that queued mail is announced on, by
/// the outbox's trigger (`migrations/postgres/0035_mail_wake.sql`).
const MAIL_CHANNEL: &str = "tidings_mail";

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

/// Appends a change inside the writer's transaction. Where the backend
/// announces changes (PostgreSQL's `NOTIFY`), the announcement is delivered
/// when (and only if) the transaction commits.
pub(crate) async fn record(tx: &mut impl Exec, blog_id: i64, scope: Scope) -> Result<()> {
    let backend = tx.backend();
    if let Some(lock) = backend.lock_change_log() {
        // Ids come from a sequence: without this lock, a transaction could
        // commit id 11 while id 10 is still open, and a reader that saw 11
        // would never look back for 10. The lock (held to commit, not
        // blocking reads) makes changes commit in id order, as SQLite's
        // single writer already does.
        tx.execute(&Sql::new(lock)).await?;
    }
    let (name, post_id) = match scope {
        Scope::Blog => ("blog", None),
        Scope::Post(id) => ("post", Some(id)),
        Scope::Comments(id) => ("comments", Some(id)),
    };
    tx.execute(
        &Sql::new("INSERT INTO changes (blog_id, scope, post_id, at) VALUES ($1, $2, $3, $4)")
            .bind(blog_id)
            .bind(name)
            .bind(post_id)
            .bind(micros(Utc::now())),
    )
    .await?;
    if let Some(notify) = backend.notify() {
        tx.execute(&Sql::new(notify).bind(CHANNEL)).await?;
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
        self.read_one(
            &Sql::new("SELECT COALESCE(MAX(id), 0) AS id FROM changes"),
            |r| r.try_get("id"),
        )
        .await
    }

    /// The changes after `after`, oldest first, at most `limit` of them.
    pub async fn changes_after(&self, after: i64, limit: u32) -> Result<ChangeBatch> {
        let sql = Sql::new(
            "SELECT id, blog_id, scope, post_id FROM changes WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(i64::from(limit));
        let changes = self.read_all(&sql, change_from_row).await?;
        // Ids only grow; if the first row is not the next id, rows the
        // reader never saw were pruned (or rolled back, which is harmless to
        // treat the same way).
        let gap = changes
            .first()
            .is_some_and(|first| first.id != after + 1 && after != 0);
        Ok(ChangeBatch { changes, gap })
    }

    /// When the next scheduled post or page of `blog_id` goes live: a change
    /// no write announces, so caches expire at that moment by themselves.
    pub async fn next_scheduled(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let at = self
            .read_one(&next_scheduled_sql(blog_id, now), |r| {
                r.try_get::<Option<i64>>("at")
            })
            .await?;
        at.map(crate::from_micros).transpose()
    }

    /// Drops rows older than a day; any node may call it.
    pub async fn prune_changes(&self, now: DateTime<Utc>) -> Result<u64> {
        self.execute(&Sql::new("DELETE FROM changes WHERE at < $1").bind(micros(now - KEEP)))
            .await
    }

    /// A connection that wakes when another node commits a change, on
    /// PostgreSQL; `None` on SQLite, where readers poll.
    pub async fn change_listener(&self) -> Result<Option<ChangeListener>> {
        self.listen(CHANNEL).await
    }

    /// A connection that wakes when any node commits mail to the outbox,
    /// on PostgreSQL (its migration's trigger announces each insert on
    /// [`MAIL_CHANNEL`]); `None` on SQLite, one machine whose committing
    /// process wakes its own sender.
    pub async fn mail_listener(&self) -> Result<Option<ChangeListener>> {
        self.listen(MAIL_CHANNEL).await
    }

    async fn listen(&self, channel: &str) -> Result<Option<ChangeListener>> {
        if self.backend.notify().is_none() {
            // Nothing is announced: there is nothing to listen for.
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.url).await?;
        listener.listen(channel).await?;
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

/// When the next scheduled post or page of `blog_id` goes live after `now`
/// (`at`, NULL if none).
fn next_scheduled_sql(blog_id: i64, now: DateTime<Utc>) -> Sql {
    Sql::new(
        "SELECT MIN(published_at) AS at FROM posts WHERE blog_id = $1 \
         AND kind IN ('post', 'page') AND status = 'published' AND published_at > $2",
    )
    .bind(blog_id)
    .bind(micros(now))
}

/// See [`Store::next_scheduled`]; this one reads inside a transaction.
pub(crate) async fn next_scheduled(
    tx: &mut impl Exec,
    blog_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    tx.fetch_one(&next_scheduled_sql(blog_id, now), |r| {
        r.try_get::<Option<i64>>("at")
    })
    .await?
    .map(crate::from_micros)
    .transpose()
}

fn change_from_row(row: &ReadRow) -> Result<Change> {
    let post_id: Option<i64> = row.try_get("post_id")?;
    let scope = match (row.try_get::<String>("scope")?.as_str(), post_id) {
        ("blog", _) => Scope::Blog,
        ("post", Some(id)) => Scope::Post(id),
        ("comments", Some(id)) => Scope::Comments(id),
        // A scope this version does not know, written by a later version's
        // node while nodes are upgraded one at a time: read as the whole
        // blog, which is never wrong, only more than needed. (Refusing it
        // would stop this node following the log until it is restarted.)
        _ => Scope::Blog,
    };
    Ok(Change {
        id: row.try_get("id")?,
        blog_id: row.try_get("blog_id")?,
        scope,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row written by a later version's node, with a scope this version
    /// has no name for, is read as a change to its whole blog: the node
    /// goes on following the log while nodes are upgraded one at a time.
    #[tokio::test]
    async fn a_scope_from_a_later_version_reads_as_the_whole_blog() {
        let dir = std::env::temp_dir().join(format!("tidings-scopes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let blog = store.create_blog("example.org", "Blog").await.unwrap();
        let start = store.last_change().await.unwrap();
        store
            .execute(
                &Sql::new(
                    "INSERT INTO changes (blog_id, scope, post_id, at) \
                     VALUES ($1, 'reactions', 7, 0), ($1, 'post', 8, 0)",
                )
                .bind(blog.id),
            )
            .await
            .unwrap();
        let batch = store.changes_after(start, 10).await.unwrap();
        let scopes: Vec<Scope> = batch.changes.iter().map(|c| c.scope).collect();
        assert_eq!(scopes, [Scope::Blog, Scope::Post(8)]);
        store.close().await;
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
