//! Full-text search over the posts readers see.

use chrono::{DateTime, Utc};
use tidings_core::Post;

use super::{POST_COLUMNS, post_from_row};
use crate::dialect;
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
    /// Full-text search over visible posts, best match first.
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
        let fts = dialect::search_query(self.backend, &terms);
        let sql = dialect::search(
            self.backend,
            POST_COLUMNS,
            &fts,
            blog_id,
            micros(now),
            limit,
        );
        let rows = sql.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let row = ReadRow::Any(row);
                Ok(SearchHit {
                    post: post_from_row(&row)?,
                    snippet: row.try_get("snippet")?,
                })
            })
            .collect()
    }
}
