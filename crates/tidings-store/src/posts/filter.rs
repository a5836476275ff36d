//! Which posts a list shows: [`PostFilter`] and the SQL of each list.

use chrono::{DateTime, Utc};
use tidings_core::{PostKind, PostStatus, Role};

use super::{select_posts, select_posts_for_readers};
use crate::dialect::{self, Backend};
use crate::micros;
use crate::sql::Sql;

/// Which posts a list shows.
#[derive(Debug, Clone)]
pub struct PostFilter {
    pub blog_id: i64,
    pub kind: Option<PostKind>,
    /// Only what readers may see at this instant (published, time come).
    pub visible_at: Option<DateTime<Utc>>,
    /// A status as of `now`, for the API.
    pub status: Option<(PostStatus, DateTime<Utc>)>,
    pub label: Option<String>,
    /// Paths starting with this, e.g. `/2014/05/` for a month archive.
    pub path_prefix: Option<String>,
    /// Titles containing this text, any case (the admin's post search).
    pub title_contains: Option<String>,
    /// Only posts this user wrote or readers see at that instant: what a
    /// role that may not read others' hidden posts lists (see
    /// `tidings_core::permission::may_read_post`).
    pub written_by_or_visible: Option<(i64, DateTime<Utc>)>,
    /// Published strictly before this instant (`updated-max` paging).
    pub before: Option<DateTime<Utc>>,
    /// Published strictly after this instant (the "newer posts" link).
    pub after: Option<DateTime<Utc>>,
    pub limit: u32,
    pub offset: u32,
    /// The trash instead of every other post (a list of what readers see
    /// never holds it, whatever this says).
    pub trashed: bool,
}

impl PostFilter {
    /// Posts readers see on `blog_id` at `now`, newest first.
    pub fn visible(blog_id: i64, now: DateTime<Utc>, limit: u32) -> Self {
        Self {
            blog_id,
            kind: Some(PostKind::Post),
            visible_at: Some(now),
            status: None,
            label: None,
            path_prefix: None,
            title_contains: None,
            written_by_or_visible: None,
            before: None,
            after: None,
            limit,
            offset: 0,
            trashed: false,
        }
    }

    /// Narrowed to what `user_id`, holding `role` on the blog, may read: a
    /// contributor lists their own posts and the visible ones.
    pub fn readable_by(self, role: Role, user_id: i64, now: DateTime<Utc>) -> Self {
        let every = tidings_core::permission::may_read_post(role, false, false);
        Self {
            written_by_or_visible: (!every).then_some((user_id, now)),
            ..self
        }
    }

    /// The query of [`crate::Store::list_posts`]. A list of what readers
    /// see at an instant (`visible_at`) is for pages and feeds, which show
    /// the HTML: it reads no Markdown source.
    pub(crate) fn list_sql(&self) -> Sql {
        let mut sql = if self.visible_at.is_some() {
            select_posts_for_readers()
        } else {
            select_posts()
        };
        self.where_clause(&mut sql);
        if self.after.is_some() {
            // The page just newer than an instant: the oldest ones after it.
            sql.push(" ORDER BY p.published_at ASC, p.id ASC");
        } else {
            sql.push(" ORDER BY p.published_at DESC, p.id DESC");
        }
        sql.int(" LIMIT ", i64::from(self.limit))
            .int(" OFFSET ", i64::from(self.offset));
        sql
    }

    /// The query of [`crate::Store::any_post`].
    pub(crate) fn any_sql(&self) -> Sql {
        let mut sql = Sql::new("SELECT p.id FROM posts p");
        self.where_clause(&mut sql);
        sql.push(" LIMIT 1");
        sql
    }

    /// The query of [`crate::Store::count_posts`].
    pub(crate) fn count_sql(&self) -> Sql {
        let mut sql = Sql::new("SELECT COUNT(*) AS n FROM posts p");
        self.where_clause(&mut sql);
        sql
    }

    fn where_clause(&self, sql: &mut Sql) {
        sql.int(" WHERE p.blog_id = ", self.blog_id);
        if let Some(kind) = self.kind {
            sql.text(" AND p.kind = ", kind.as_str());
        }
        // At most one bound on each side of `published_at`, written after
        // the other conditions: given two upper bounds SQLite's planner
        // ranges over the index by one and tests the other row by row, so
        // "visible now, older than X" read every post newer than X.
        let mut below: Option<i64> = self.before.map(micros);
        let mut above: Option<i64> = self.after.map(micros);
        let narrow = |bound: &mut Option<i64>, v: i64, keep: fn(i64, i64) -> i64| {
            *bound = Some(bound.map_or(v, |b| keep(b, v)));
        };
        // Lists of what readers see, and of a status, name one already.
        if self.trashed {
            sql.push(" AND p.status = 'trash'");
        } else if self.visible_at.is_none() && self.status.is_none() {
            sql.push(" AND p.status <> 'trash'");
        }
        if let Some(now) = self.visible_at {
            sql.push(" AND p.status = 'published'");
            narrow(&mut below, micros(now) + 1, i64::min);
        }
        if let Some((status, now)) = self.status {
            match status {
                PostStatus::Draft => {
                    sql.push(" AND p.status = 'draft'");
                }
                PostStatus::Pending => {
                    sql.push(" AND p.status = 'pending'");
                }
                PostStatus::Scheduled => {
                    sql.push(" AND p.status = 'published'");
                    narrow(&mut above, micros(now), i64::max);
                }
                PostStatus::Published => {
                    sql.push(" AND p.status = 'published'");
                    narrow(&mut below, micros(now) + 1, i64::min);
                }
            }
        }
        if let Some(label) = &self.label {
            sql.text(
                " AND p.id IN (SELECT post_id FROM post_labels WHERE label = ",
                label,
            )
            .push(")");
        }
        if let Some(prefix) = &self.path_prefix {
            // Prefixes are built by the web layer from digits and `/` only, so
            // no LIKE wildcard can occur in them.
            sql.text(" AND p.path LIKE ", &format!("{prefix}%"));
        }
        if let Some(words) = &self.title_contains {
            sql.text(" AND LOWER(p.title) LIKE ", &containing(words))
                .push(" ESCAPE '\\'");
        }
        if let Some((author, now)) = self.written_by_or_visible {
            sql.int(" AND (p.author_id = ", author)
                .int(
                    " OR (p.status = 'published' AND p.published_at < ",
                    micros(now) + 1,
                )
                .push("))");
        }
        if let Some(below) = below {
            sql.int(" AND p.published_at < ", below);
        }
        if let Some(above) = above {
            sql.int(" AND p.published_at > ", above);
        }
    }
}

/// A LIKE pattern for titles containing `words` in any case: `\` escapes
/// LIKE's wildcards, so `50%` finds "50%", not "50…".
fn containing(words: &str) -> String {
    let escaped = words
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Visible sticky posts, newest first: page 1 of the home page starts with
/// them (see [`crate::Frame`]).
pub(crate) fn sticky_sql(blog_id: i64, now: DateTime<Utc>, limit: u32) -> Sql {
    let mut sql = select_posts_for_readers();
    PostFilter::visible(blog_id, now, limit).where_clause(&mut sql);
    sql.push(" AND p.sticky = 1 ORDER BY p.published_at DESC, p.id DESC")
        .int(" LIMIT ", i64::from(limit));
    sql
}

/// The query of [`crate::Store::post_by_path`]: the post at `path` as
/// readers see it, with the paths of the visible posts published just after
/// and just before it (the post page's neighbour links), each one step on
/// the listing index, and its published comments as one JSON list
/// ([`dialect::published_comments_json`]), read on the comments' index only when the post
/// counts any. Only a visible post's page shows them, so "older" needs no
/// bound of its own at `now` (see `PostFilter::where_clause` for why one
/// bound matters), and comments need no test of the post's visibility.
pub(crate) fn post_page_sql(backend: Backend, blog_id: i64, path: &str, now: DateTime<Utc>) -> Sql {
    let mut sql = Sql::new(super::READER_COLUMNS);
    sql.push(
        ", CASE WHEN p.kind = 'post' THEN (SELECT n.path FROM posts n \
         WHERE n.blog_id = p.blog_id AND n.kind = 'post' AND n.status = 'published' \
         AND n.published_at > p.published_at",
    )
    .int(" AND n.published_at <= ", micros(now))
    .push(
        " ORDER BY n.published_at ASC, n.id ASC LIMIT 1) END AS newer, \
         CASE WHEN p.kind = 'post' THEN (SELECT o.path FROM posts o \
         WHERE o.blog_id = p.blog_id AND o.kind = 'post' AND o.status = 'published' \
         AND o.published_at < p.published_at \
         ORDER BY o.published_at DESC, o.id DESC LIMIT 1) END AS older, \
         CASE WHEN p.comment_count > 0 THEN ",
    )
    .push(dialect::published_comments_json(backend))
    .push(" END AS comment_rows FROM posts p")
    .int(" WHERE p.blog_id = ", blog_id)
    .text(" AND p.path = ", path);
    sql
}
