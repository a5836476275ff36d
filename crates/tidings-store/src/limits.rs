//! Counters for abuse limits, in the database so every node sees the same
//! numbers (a limit kept in one node's memory is no limit behind a balancer).

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Store, micros};

impl Store {
    /// Counts one hit on `key` in the current fixed window of `window_secs`
    /// and answers the hits so far in that window, this one included, with
    /// the instant the window ends.
    pub async fn hit(
        &self,
        key: &str,
        window_secs: i64,
        now: DateTime<Utc>,
    ) -> Result<(i64, DateTime<Utc>)> {
        let window = window_secs.max(1) * 1_000_000;
        let start = micros(now).div_euclid(window) * window;
        let mut tx = self.begin_write().await?;
        let hits = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO rate_counters (key, window_start, hits) VALUES ($1, $2, 1) \
                     ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_counters.hits + 1 \
                     RETURNING hits",
                )
                .bind(key)
                .bind(start),
                |r| r.try_get::<i64>("hits"),
            )
            .await?;
        if hits == 1 {
            // A new window: the key's older windows are spent.
            tx.execute(
                &Sql::new("DELETE FROM rate_counters WHERE key = $1 AND window_start < $2")
                    .bind(key)
                    .bind(start),
            )
            .await?;
        }
        tx.commit().await?;
        Ok((hits, crate::from_micros(start + window)?))
    }
}
