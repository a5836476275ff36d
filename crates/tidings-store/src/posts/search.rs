//! Full-text search over the posts readers see.

use chrono::{DateTime, Utc};
use tidings_core::Post;

use super::{READER_COLUMNS, post_from_row};
use crate::dialect;
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::{Result, Store, micros};

/// A search result: the post and a snippet whose matches are wrapped in
/// [`dialect::MATCH_START`] and [`dialect::MATCH_END`].
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub post: Post,
    pub snippet: String,
}

impl Store {
    /// Full-text search over visible posts: the `limit` newest that match,
    /// newest first (see [`dialect::search`] for why date order).
    pub async fn search(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
        query: &str,
        limit: u32,
    ) -> Result<Vec<SearchHit>> {
        let terms = dialect::search_terms(query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let sql = dialect::search(
            self.backend,
            READER_COLUMNS,
            &terms,
            blog_id,
            micros(now),
            limit,
        );
        let hit = |row: &ReadRow| {
            Ok(SearchHit {
                post: post_from_row(row)?,
                snippet: row.try_get("snippet")?,
            })
        };
        let Some(begin) = self.backend.begin_search() else {
            return self.read_all(&sql, hit).await;
        };
        let mut tx = self.pool.begin(begin).await?;
        let hits = tx.fetch_all(&sql, hit).await?;
        tx.commit().await?;
        Ok(hits)
    }
}
