//! Posts and pages: writes, the public lists, archives, labels and search.

use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tidings_core::{Post, PostKind, PostStatus, Role};

use crate::blogs;
use crate::dialect::{self, index_post, unindex_post};
use crate::exec::Exec;
use crate::reads::Row;
use crate::sql::{Arg, Sql};
use crate::{Result, Store, StoreError, conflict_or, from_micros, micros};

/// Columns of every post query, with the published comment count: one indexed
/// subquery instead of a query per post on list pages.
const POST_COLUMNS: &str = "SELECT p.id, p.blog_id, p.kind, p.title, p.slug, p.path, \
     p.body_markdown, p.body_html, p.labels, p.status, p.published_at, p.updated_at, \
     p.author_id, p.author_name, p.sticky, (SELECT COUNT(*) FROM comments c WHERE c.post_id = p.id \
     AND c.status = 'published') AS comment_count";
/// A query selecting posts `p`, ready for its `WHERE` clause.
fn select_posts() -> Sql {
    let mut sql = Sql::new(POST_COLUMNS);
    sql.push(" FROM posts p");
    sql
}

/// Labels are kept twice: in `post_labels` to filter by, and joined with this
/// separator in `posts.labels` so list pages need no second query.
const LABEL_SEPARATOR: char = '\n';

fn post_from_row(row: &Row) -> Result<Post> {
    let labels: String = row.try_get("labels")?;
    Ok(Post {
        id: row.try_get("id")?,
        blog_id: row.try_get("blog_id")?,
        kind: row
            .try_get::<String>("kind")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        title: row.try_get("title")?,
        slug: row.try_get("slug")?,
        path: row.try_get("path")?,
        body_markdown: row.try_get("body_markdown")?,
        body_html: row.try_get("body_html")?,
        draft: row.try_get::<String>("status")? == "draft",
        published_at: from_micros(row.try_get("published_at")?)?,
        updated_at: from_micros(row.try_get("updated_at")?)?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        labels: labels
            .split(LABEL_SEPARATOR)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        comment_count: row.try_get("comment_count")?,
        sticky: row.try_get::<i64>("sticky")? != 0,
    })
}

/// Everything stored about a post, as written by an author or an import.
#[derive(Debug, Clone)]
pub struct NewPost {
    pub blog_id: i64,
    pub kind: PostKind,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub body_markdown: Option<String>,
    pub body_html: String,
    /// Plain text of the body, for search and summaries.
    pub body_text: String,
    pub labels: Vec<String>,
    pub draft: bool,
    pub published_at: DateTime<Utc>,
    pub author_id: Option<i64>,
    pub author_name: String,
    /// Shown first on page 1 of the home page.
    pub sticky: bool,
}

/// A visible page as the sidebar lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub path: String,
}

/// A visible post or page as a static render needs it: where it is, when, and
/// its labels; no body, no comments.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPost {
    pub id: i64,
    pub kind: PostKind,
    pub path: String,
    pub published_at: DateTime<Utc>,
    pub labels: Vec<String>,
}

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

    /// The query of [`Store::list_posts`].
    pub(crate) fn list_sql(&self) -> Sql {
        let mut sql = select_posts();
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

    /// The query of [`Store::any_post`].
    pub(crate) fn any_sql(&self) -> Sql {
        let mut sql = Sql::new("SELECT p.id FROM posts p");
        self.where_clause(&mut sql);
        sql.push(" LIMIT 1");
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
        if let Some(now) = self.visible_at {
            sql.push(" AND p.status = 'published'");
            narrow(&mut below, micros(now) + 1, i64::min);
        }
        if let Some((status, now)) = self.status {
            match status {
                PostStatus::Draft => {
                    sql.push(" AND p.status = 'draft'");
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
            // `\` escapes LIKE's wildcards, so `50%` finds "50%", not "50…".
            let pattern = format!(
                "%{}%",
                words
                    .to_lowercase()
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            sql.text(" AND LOWER(p.title) LIKE ", &pattern)
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

/// The query of [`Store::sticky_posts`].
pub(crate) fn sticky_sql(blog_id: i64, now: DateTime<Utc>, limit: u32) -> Sql {
    let mut sql = select_posts();
    PostFilter::visible(blog_id, now, limit).where_clause(&mut sql);
    sql.push(" AND p.sticky = 1 ORDER BY p.published_at DESC, p.id DESC")
        .int(" LIMIT ", i64::from(limit));
    sql
}

/// The query of [`Store::neighbours`].
pub(crate) fn neighbours_sql(blog_id: i64, at: DateTime<Utc>, now: DateTime<Utc>) -> Sql {
    Sql::with_args(
        "SELECT (SELECT path FROM posts WHERE blog_id = $1 AND kind = 'post' \
         AND status = 'published' AND published_at <= $2 AND published_at > $3 \
         ORDER BY published_at ASC, id ASC LIMIT 1) AS newer, \
         (SELECT path FROM posts WHERE blog_id = $1 AND kind = 'post' \
         AND status = 'published' AND published_at < $4 \
         ORDER BY published_at DESC, id DESC LIMIT 1) AS older",
        // The older one has one upper bound (see `PostFilter::where_clause`
        // for why): before `at`, and visible.
        vec![
            Arg::Int(blog_id),
            Arg::Int(micros(now)),
            Arg::Int(micros(at)),
            Arg::Int(micros(at).min(micros(now) + 1)),
        ],
    )
}

/// A month of the archive sidebar.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveMonth {
    pub year: i32,
    pub month: u32,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LabelCount {
    pub label: String,
    pub count: i64,
}

/// A search result: the post and a snippet whose matches are wrapped in
/// [`dialect::MATCH_START`] and [`dialect::MATCH_END`].
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub post: Post,
    pub snippet: String,
}

impl Store {
    /// Stores a new post; a path another post holds is a conflict.
    pub async fn insert_post(&self, p: &NewPost) -> Result<Post> {
        let now = micros(Utc::now());
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "INSERT INTO posts (blog_id, kind, title, slug, path, body_markdown, body_html, \
             body_text, labels, status, published_at, created_at, updated_at, author_id, \
             author_name, sticky) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15) \
             RETURNING id",
        )
        .bind(p.blog_id)
        .bind(p.kind.as_str())
        .bind(&p.title)
        .bind(&p.slug)
        .bind(&p.path)
        .bind(p.body_markdown.clone())
        .bind(&p.body_html)
        .bind(&p.body_text)
        .bind(join_labels(&p.labels))
        .bind(if p.draft { "draft" } else { "published" })
        .bind(micros(p.published_at))
        .bind(now)
        .bind(p.author_id)
        .bind(&p.author_name)
        .bind(i64::from(p.sticky))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_or(e, "another post already has that path"))?;
        let id: i64 = row.try_get("id")?;
        write_labels(&mut tx, id, &p.labels).await?;
        index_post(self.backend, &mut tx, id, &p.title, &p.body_text).await?;
        blogs::touch(&mut tx, p.blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        self.post_by_id(p.blog_id, id).await
    }

    /// Replaces every stored field of post `id`.
    pub async fn update_post(&self, id: i64, p: &NewPost) -> Result<Post> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE posts SET kind = $3, title = $4, slug = $5, path = $6, body_markdown = $7, \
             body_html = $8, body_text = $9, labels = $10, status = $11, published_at = $12, \
             updated_at = $13, author_name = $14, sticky = $15 WHERE id = $1 AND blog_id = $2",
        )
        .bind(id)
        .bind(p.blog_id)
        .bind(p.kind.as_str())
        .bind(&p.title)
        .bind(&p.slug)
        .bind(&p.path)
        .bind(p.body_markdown.clone())
        .bind(&p.body_html)
        .bind(&p.body_text)
        .bind(join_labels(&p.labels))
        .bind(if p.draft { "draft" } else { "published" })
        .bind(micros(p.published_at))
        .bind(micros(Utc::now()))
        .bind(&p.author_name)
        .bind(i64::from(p.sticky))
        .execute(&mut *tx)
        .await
        .map_err(|e| conflict_or(e, "another post already has that path"))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM post_labels WHERE post_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        write_labels(&mut tx, id, &p.labels).await?;
        index_post(self.backend, &mut tx, id, &p.title, &p.body_text).await?;
        blogs::touch(&mut tx, p.blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        self.post_by_id(p.blog_id, id).await
    }

    /// Deletes a post with its labels and comments.
    pub async fn delete_post(&self, blog_id: i64, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM posts WHERE id = $1 AND blog_id = $2")
            .bind(id)
            .bind(blog_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        unindex_post(self.backend, &mut tx, id).await?;
        blogs::touch(&mut tx, blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn post_by_id(&self, blog_id: i64, id: i64) -> Result<Post> {
        let mut sql = select_posts();
        sql.int(" WHERE p.id = ", id)
            .int(" AND p.blog_id = ", blog_id);
        self.read_optional(&sql, post_from_row)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The post or page at `path`, whatever its status (callers decide visibility).
    pub async fn post_by_path(&self, blog_id: i64, path: &str) -> Result<Option<Post>> {
        let mut sql = select_posts();
        sql.int(" WHERE p.blog_id = ", blog_id)
            .text(" AND p.path = ", path);
        self.read_optional(&sql, post_from_row).await
    }

    /// Whether a post other than `except` holds `path`.
    pub async fn path_taken(&self, blog_id: i64, path: &str, except: Option<i64>) -> Result<bool> {
        let row = sqlx::query("SELECT id FROM posts WHERE blog_id = $1 AND path = $2")
            .bind(blog_id)
            .bind(path)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(r.try_get::<i64, _>("id")?) != except,
            None => false,
        })
    }

    /// Posts matching `f`, newest first.
    pub async fn list_posts(&self, f: &PostFilter) -> Result<Vec<Post>> {
        let mut posts = self.read_all(&f.list_sql(), post_from_row).await?;
        if f.after.is_some() {
            posts.reverse();
        }
        Ok(posts)
    }

    /// Whether any post matches `f` (its limit and offset aside): the
    /// "newer"/"older" links of list pages. One step on the listing index,
    /// reading no post's row.
    pub async fn any_post(&self, f: &PostFilter) -> Result<bool> {
        Ok(self
            .read_optional(&f.any_sql(), |r| r.try_get::<i64>("id"))
            .await?
            .is_some())
    }

    /// Visible sticky posts of `blog_id`, newest first: what page 1 of the
    /// home page shows before the rest. At most `limit`.
    pub async fn sticky_posts(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Post>> {
        self.read_all(&sticky_sql(blog_id, now, limit), post_from_row)
            .await
    }

    /// Visible pages of `blog_id` in menu order, then by title as WordPress
    /// lists them, each with its parent: the sidebar's list of pages. Sorted
    /// here, not in SQL, because the backends collate titles differently.
    pub async fn visible_pages(&self, blog_id: i64, now: DateTime<Utc>) -> Result<Vec<PageLink>> {
        let sql = Sql::with_args(
            "SELECT id, parent_id, title, path, menu_order FROM posts WHERE blog_id = $1 \
             AND kind = 'page' AND status = 'published' AND published_at <= $2",
            vec![Arg::Int(blog_id), Arg::Int(micros(now))],
        );
        let mut pages = self
            .read_all(&sql, |r| {
                let link = PageLink {
                    id: r.try_get("id")?,
                    parent_id: r.try_get("parent_id")?,
                    title: r.try_get("title")?,
                    path: r.try_get("path")?,
                };
                Ok((
                    r.try_get::<i64>("menu_order")?,
                    link.title.to_lowercase(),
                    link,
                ))
            })
            .await?;
        pages.sort_by(|a, b| (a.0, &a.1, a.2.id).cmp(&(b.0, &b.1, b.2.id)));
        Ok(pages.into_iter().map(|(_, _, link)| link).collect())
    }

    pub async fn count_posts(&self, f: &PostFilter) -> Result<i64> {
        let mut sql = Sql::new("SELECT COUNT(*) AS n FROM posts p");
        f.where_clause(&mut sql);
        let n = self.read_optional(&sql, |r| r.try_get("n")).await?;
        n.ok_or_else(|| StoreError::Corrupt("COUNT(*) returned no row".into()))
    }

    /// Every visible post and page of `blog_id`, oldest first, from the
    /// listing index and the label rows: what `tidings render` starts from.
    pub async fn post_index(&self, blog_id: i64, now: DateTime<Utc>) -> Result<Vec<IndexedPost>> {
        let args = || vec![Arg::Int(blog_id), Arg::Int(micros(now))];
        let posts = Sql::with_args(
            "SELECT p.id, p.kind, p.path, p.published_at FROM posts p WHERE p.blog_id = $1 \
             AND p.kind IN ('post', 'page') AND p.status = 'published' AND p.published_at <= $2 \
             ORDER BY p.published_at, p.id",
            args(),
        );
        let labels = Sql::with_args(
            "SELECT l.post_id, l.label FROM post_labels l JOIN posts p ON p.id = l.post_id \
             WHERE p.blog_id = $1 AND p.kind IN ('post', 'page') AND p.status = 'published' \
             AND p.published_at <= $2",
            args(),
        );
        let mut by_post: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        for (post, label) in self
            .read_all(&labels, |r| {
                Ok((r.try_get::<i64>("post_id")?, r.try_get::<String>("label")?))
            })
            .await?
        {
            by_post.entry(post).or_default().push(label);
        }
        self.read_all(&posts, |row| {
            let id: i64 = row.try_get("id")?;
            Ok(IndexedPost {
                id,
                kind: row
                    .try_get::<String>("kind")?
                    .parse()
                    .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
                path: row.try_get("path")?,
                published_at: from_micros(row.try_get("published_at")?)?,
                labels: Vec::new(),
            })
        })
        .await
        .map(|mut posts| {
            for p in &mut posts {
                p.labels = by_post.remove(&p.id).unwrap_or_default();
            }
            posts
        })
    }

    /// The paths of the visible posts just newer and just older than an
    /// instant (a post page's neighbour links): one query on the listing
    /// index, reading no post's body.
    pub async fn neighbours(
        &self,
        blog_id: i64,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(Option<String>, Option<String>)> {
        let sql = neighbours_sql(blog_id, at, now);
        let row = self
            .read_optional(&sql, |r| Ok((r.try_get("newer")?, r.try_get("older")?)))
            .await?;
        Ok(row.unwrap_or_default())
    }

    /// Labels of visible posts with how many posts carry each, by name (the
    /// editor's suggestions; public pages read [`Store::sidebar`]).
    pub async fn label_counts(&self, blog_id: i64, now: DateTime<Utc>) -> Result<Vec<LabelCount>> {
        crate::sidebar::label_counts(&self.pool, blog_id, now).await
    }

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
            POST_COLUMNS,
            &terms,
            blog_id,
            micros(now),
            limit,
        );
        self.read_all(&sql, |row| {
            Ok(SearchHit {
                post: post_from_row(row)?,
                snippet: row.try_get("snippet")?,
            })
        })
        .await
    }
}

pub(crate) fn join_labels(labels: &[String]) -> String {
    labels.join(&LABEL_SEPARATOR.to_string())
}

pub(crate) async fn write_labels(
    tx: &mut impl Exec,
    post_id: i64,
    labels: &[String],
) -> Result<()> {
    for label in labels {
        tx.execute(&Sql::with_args(
            "INSERT INTO post_labels (post_id, label) VALUES ($1, $2)",
            vec![Arg::Int(post_id), Arg::Text(label.clone())],
        ))
        .await?;
    }
    Ok(())
}
