//! Posts whose full-text index entry must be written again (`search_stale`):
//! every post once when the index changed its form (migration 0022: pairs
//! for scripts without spaces, stemming), and on PostgreSQL a blog's posts
//! when its language changes (the words are stemmed in the language's text
//! search configuration). The index is made in Rust (`posts::words`), so
//! a migration can only list the posts; the store writes them after.

use crate::dialect::index_post;
use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Store};

/// Posts indexed again per transaction: short ones, so a save waits little
/// behind them.
const BATCH: i64 = 200;

impl Store {
    /// Writes the index entry of every post listed in `search_stale`, a
    /// batch a transaction, until none is left. Nodes may run it at once:
    /// each entry written is the same, and each takes its batch in one order.
    pub(crate) async fn reindex_stale(&self) -> Result<()> {
        // A read first: most opens find nothing, and need no write lock.
        let any = Sql::new("SELECT post_id FROM search_stale LIMIT 1");
        if self
            .read_optional(&any, |r| r.try_get::<i64>("post_id"))
            .await?
            .is_none()
        {
            return Ok(());
        }
        loop {
            let mut tx = self.begin_write().await?;
            let stale = tx
                .fetch_all(
                    &Sql::new(
                        "SELECT p.id, p.title, p.body_text FROM search_stale s \
                         JOIN posts p ON p.id = s.post_id ORDER BY s.post_id LIMIT $1",
                    )
                    .bind(BATCH),
                    |r| {
                        Ok((
                            r.try_get::<i64>("id")?,
                            r.try_get::<String>("title")?,
                            r.try_get::<String>("body_text")?,
                        ))
                    },
                )
                .await?;
            if stale.is_empty() {
                tx.commit().await?;
                return Ok(());
            }
            for (id, title, text) in &stale {
                index_post(self.backend, &mut tx, *id, title, text).await?;
                tx.execute(&Sql::new("DELETE FROM search_stale WHERE post_id = $1").bind(*id))
                    .await?;
            }
            tx.commit().await?;
            tracing::info!(posts = stale.len(), "search index written again");
        }
    }
}
