//! Which posts show an upload: found in their bodies as saved, so what the
//! media page says is what readers' pages show, with nothing to keep in step.

use chrono::{DateTime, Utc};

use crate::Store;
use crate::sql::Sql;
use crate::{Result, micros};

/// A post (or page) whose saved body shows an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaUse {
    pub media_id: i64,
    pub post_id: i64,
    pub title: String,
    pub author_id: Option<i64>,
    /// Published and due at the instant asked about: readers see it.
    pub visible: bool,
}

impl Store {
    /// The posts of `blog_id` whose body shows an upload with an id from
    /// `first` to `last` (a page of the media list), by the original's
    /// path. A body keeps the original's path in `src` whatever copies its
    /// `srcset` names, so that path alone says "used". Each upload's path
    /// is searched for in every body of the blog: a scan, bounded by one
    /// page of uploads at a time, as the media page and a delete ask.
    pub async fn media_uses(
        &self,
        blog_id: i64,
        first: i64,
        last: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<MediaUse>> {
        let sql = Sql::new(
            "SELECT m.id AS media_id, p.id AS post_id, p.title, p.author_id, \
             CAST(CASE WHEN p.status = 'published' AND p.published_at <= $1 THEN 1 ELSE 0 END \
             AS BIGINT) AS visible \
             FROM media m JOIN posts p ON p.blog_id = m.blog_id \
             AND p.body_html LIKE '%' || m.path || '%' \
             WHERE m.blog_id = $2 AND m.id >= $3 AND m.id <= $4 \
             ORDER BY m.id, p.published_at DESC, p.id DESC",
        )
        .bind(micros(now))
        .bind(blog_id)
        .bind(first)
        .bind(last);
        self.read_all(&sql, |r| {
            Ok(MediaUse {
                media_id: r.try_get("media_id")?,
                post_id: r.try_get("post_id")?,
                title: r.try_get("title")?,
                author_id: r.try_get("author_id")?,
                visible: r.try_get::<i64>("visible")? == 1,
            })
        })
        .await
    }
}
