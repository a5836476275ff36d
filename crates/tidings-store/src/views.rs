//! Page views: counts per post and day, and per referring host and day,
//! added in by every serving node, and the reads the Stats page and the
//! Popular Posts gadget make of them.
//!
//! Each node counts in memory and adds its counts here every few seconds
//! ([`Store::add_views`]): an UPSERT that adds to the row, never sets it,
//! so any number of nodes sum into the same rows. Days are numbers (days
//! since 1970-01-01 on the blog's calendar), so a range of days is one
//! indexed comparison.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, micros};

/// One node's views of one post on one day since its last flush.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostViews {
    pub blog_id: i64,
    pub post_id: i64,
    pub day: i64,
    /// Views by readers.
    pub views: i64,
    /// Views by clients naming themselves robots.
    pub bot_views: i64,
}

/// One node's readers who came from `host` to a blog on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferrerViews {
    pub blog_id: i64,
    pub day: i64,
    pub host: String,
    pub views: i64,
}

/// A blog's views on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayViews {
    pub day: i64,
    pub views: i64,
    pub bot_views: i64,
}

/// A post and how many readers viewed it in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopularPost {
    pub post_id: i64,
    pub title: String,
    pub path: String,
    pub views: i64,
}

/// A referring site and how many readers it sent in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referrer {
    pub host: String,
    pub views: i64,
}

/// Adds a post's counts to its day's row. A post deleted since it was
/// viewed has no row to add to: its views are dropped, not an error that
/// would keep the whole batch out.
const ADD_POST_VIEWS: &str = "INSERT INTO post_views (blog_id, post_id, day, views, bot_views) \
     SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM posts WHERE id = $2) \
     ON CONFLICT (post_id, day) DO UPDATE SET views = post_views.views + excluded.views, \
     bot_views = post_views.bot_views + excluded.bot_views";

const ADD_REFERRER_VIEWS: &str = "INSERT INTO referrer_views (blog_id, day, host, views) \
     SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM blogs WHERE id = $1) \
     ON CONFLICT (blog_id, day, host) DO UPDATE SET views = referrer_views.views + excluded.views";

/// Posts readers see at `$3` (the gadget's and the Stats page's lists link
/// to them), ranked by readers' views since day `$2`.
const POPULAR: &str = "SELECT p.id, p.title, p.path, v.views FROM \
     (SELECT post_id, CAST(SUM(views) AS BIGINT) AS views FROM post_views \
      WHERE blog_id = $1 AND day >= $2 GROUP BY post_id) v \
     JOIN posts p ON p.id = v.post_id \
     WHERE p.status = 'published' AND p.published_at <= $3 AND v.views > 0";

impl Store {
    /// Adds one node's counts, in one transaction: the rows of posts and
    /// blogs deleted meanwhile are left out.
    pub async fn add_views(&self, posts: &[PostViews], referrers: &[ReferrerViews]) -> Result<()> {
        if posts.is_empty() && referrers.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        for v in posts {
            let sql = Sql::new(ADD_POST_VIEWS)
                .bind(v.blog_id)
                .bind(v.post_id)
                .bind(v.day)
                .bind(v.views)
                .bind(v.bot_views);
            tx.execute(&sql).await?;
        }
        for r in referrers {
            let sql = Sql::new(ADD_REFERRER_VIEWS)
                .bind(r.blog_id)
                .bind(r.day)
                .bind(r.host.as_str())
                .bind(r.views);
            tx.execute(&sql).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The views of `blog_id` on each day from `first` to `last`, days
    /// without a view left out.
    pub async fn views_by_day(&self, blog_id: i64, first: i64, last: i64) -> Result<Vec<DayViews>> {
        let sql = Sql::new(
            "SELECT day, CAST(SUM(views) AS BIGINT) AS views, \
             CAST(SUM(bot_views) AS BIGINT) AS bot_views FROM post_views \
             WHERE blog_id = $1 AND day >= $2 AND day <= $3 GROUP BY day ORDER BY day",
        )
        .bind(blog_id)
        .bind(first)
        .bind(last);
        self.read_all(&sql, |r: &ReadRow| {
            Ok(DayViews {
                day: r.try_get("day")?,
                views: r.try_get("views")?,
                bot_views: r.try_get("bot_views")?,
            })
        })
        .await
    }

    /// The `limit` posts of `blog_id` readers viewed most since day
    /// `since_day` (inclusive; `i64::MIN` for all time), among those shown
    /// at `now`, most viewed first: what the Popular Posts gadget lists,
    /// and the Stats page's top posts (`with_pages`: pages too).
    pub async fn popular_posts(
        &self,
        blog_id: i64,
        since_day: i64,
        limit: u32,
        with_pages: bool,
        now: DateTime<Utc>,
    ) -> Result<Vec<PopularPost>> {
        let mut sql = Sql::new(POPULAR)
            .bind(blog_id)
            .bind(since_day)
            .bind(micros(now));
        if !with_pages {
            sql.push(" AND p.kind = 'post'");
        }
        sql.push(" ORDER BY v.views DESC, p.published_at DESC");
        sql.int(" LIMIT ", i64::from(limit));
        self.read_all(&sql, |r: &ReadRow| {
            Ok(PopularPost {
                post_id: r.try_get("id")?,
                title: r.try_get("title")?,
                path: r.try_get("path")?,
                views: r.try_get("views")?,
            })
        })
        .await
    }

    /// The `limit` other sites that sent `blog_id` most readers since day
    /// `since_day`, most first.
    pub async fn top_referrers(
        &self,
        blog_id: i64,
        since_day: i64,
        limit: u32,
    ) -> Result<Vec<Referrer>> {
        let sql = Sql::new(
            "SELECT host, CAST(SUM(views) AS BIGINT) AS views FROM referrer_views \
             WHERE blog_id = $1 AND day >= $2 GROUP BY host ORDER BY views DESC, host LIMIT $3",
        )
        .bind(blog_id)
        .bind(since_day)
        .bind(i64::from(limit));
        self.read_all(&sql, |r: &ReadRow| {
            Ok(Referrer {
                host: r.try_get("host")?,
                views: r.try_get("views")?,
            })
        })
        .await
    }
}
