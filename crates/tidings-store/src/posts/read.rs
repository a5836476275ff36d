//! Reading posts back: by id, by path with a post page's neighbours, the
//! lists, the sidebar's pages and the static render's index.

use chrono::{DateTime, Utc};
use tidings_core::{Comment, CommentStatus, Post};

use super::{
    IndexedPost, LabelCount, Neighbours, PageLink, PostFilter, PostPage, post_from_row,
    post_page_sql, select_posts,
};
use crate::sidebar::{label_count_from_row, label_counts_sql};
use crate::sql::Sql;
use crate::{Result, Store, StoreError, from_micros, micros};

impl Store {
    pub async fn post_by_id(&self, blog_id: i64, id: i64) -> Result<Post> {
        let mut sql = select_posts();
        sql.int(" WHERE p.id = ", id)
            .int(" AND p.blog_id = ", blog_id);
        self.read_one(&sql, post_from_row).await
    }

    /// The post or page at `path`, whatever its status (callers decide
    /// visibility), as readers see it (without its Markdown source), with
    /// its neighbours at `now` and its published comments: a post page's
    /// rows in one statement.
    pub async fn post_by_path(
        &self,
        blog_id: i64,
        path: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<PostPage>> {
        let sql = post_page_sql(self.backend, blog_id, path, now);
        self.read_optional(&sql, |r| {
            let post = post_from_row(r)?;
            let comments = match r.try_get::<Option<String>>("comment_rows")? {
                Some(json) => comments_from_json(post.id, &json)?,
                None => Vec::new(),
            };
            Ok(PostPage {
                neighbours: Neighbours {
                    newer: r.try_get("newer")?,
                    older: r.try_get("older")?,
                },
                post,
                comments,
            })
        })
        .await
    }

    /// Whether a post other than `except` holds `path`.
    pub async fn path_taken(&self, blog_id: i64, path: &str, except: Option<i64>) -> Result<bool> {
        let sql = Sql::new("SELECT id FROM posts WHERE blog_id = $1 AND path = $2")
            .bind(blog_id)
            .bind(path);
        let id = self.read_optional(&sql, |r| r.try_get::<i64>("id")).await?;
        Ok(id.is_some_and(|id| Some(id) != except))
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

    /// Visible pages of `blog_id` in menu order, then by title as WordPress
    /// lists them, each with its parent: the sidebar's list of pages.
    pub(crate) async fn visible_pages(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Vec<PageLink>> {
        let sql = Sql::new(
            "SELECT id, parent_id, title, path, menu_order FROM posts WHERE blog_id = $1 \
             AND kind = 'page' AND status = 'published' AND published_at <= $2",
        )
        .bind(blog_id)
        .bind(micros(now));
        self.pages_in_menu_order(sql).await
    }

    /// Every page of `blog_id` but those in the trash, drafts too, in the
    /// sidebar's order: the parents the page editor offers.
    pub async fn all_pages(&self, blog_id: i64) -> Result<Vec<PageLink>> {
        let sql = Sql::new(
            "SELECT id, parent_id, title, path, menu_order FROM posts WHERE blog_id = $1 \
             AND kind = 'page' AND status <> 'trash'",
        )
        .bind(blog_id);
        self.pages_in_menu_order(sql).await
    }

    /// `sql`'s pages by menu order, then title, then id. Sorted here, not
    /// in SQL, because the backends collate titles differently.
    async fn pages_in_menu_order(&self, sql: Sql) -> Result<Vec<PageLink>> {
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
        let n = self
            .read_optional(&f.count_sql(), |r| r.try_get("n"))
            .await?;
        n.ok_or_else(|| StoreError::Corrupt("COUNT(*) returned no row".into()))
    }

    /// Every visible post and page of `blog_id`, oldest first, from the
    /// listing index and the label rows: what `tidings render` starts from.
    pub async fn post_index(&self, blog_id: i64, now: DateTime<Utc>) -> Result<Vec<IndexedPost>> {
        let posts = Sql::new(
            "SELECT p.id, p.kind, p.path, p.published_at FROM posts p WHERE p.blog_id = $1 \
             AND p.kind IN ('post', 'page') AND p.status = 'published' AND p.published_at <= $2 \
             ORDER BY p.published_at, p.id",
        )
        .bind(blog_id)
        .bind(micros(now));
        let labels = Sql::new(
            "SELECT l.post_id, l.label FROM post_labels l JOIN posts p ON p.id = l.post_id \
             WHERE p.blog_id = $1 AND p.kind IN ('post', 'page') AND p.status = 'published' \
             AND p.published_at <= $2",
        )
        .bind(blog_id)
        .bind(micros(now));
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

    /// Labels of visible posts with how many posts carry each, by name (the
    /// editor's suggestions; public pages read [`Store::sidebar`]).
    pub async fn label_counts(&self, blog_id: i64, now: DateTime<Utc>) -> Result<Vec<LabelCount>> {
        self.read_all(&label_counts_sql(blog_id, now), label_count_from_row)
            .await
    }
}

/// A comment as `dialect::published_comments_json` lists it: an array
/// of its values in this order.
#[derive(serde::Deserialize)]
struct CommentValues {
    id: i64,
    parent_id: Option<i64>,
    author_name: String,
    author_url: Option<String>,
    body: String,
    body_html: String,
    created_at: i64,
    hold_reasons: String,
    user_id: Option<i64>,
}

/// The published comments of post `post_id` from their JSON list, oldest
/// first as the page threads them.
fn comments_from_json(post_id: i64, json: &str) -> Result<Vec<Comment>> {
    let mut values: Vec<CommentValues> = serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt(format!("a post's comments: {e}")))?;
    values.sort_unstable_by_key(|c| (c.created_at, c.id));
    values
        .into_iter()
        .map(|c| {
            Ok(Comment {
                id: c.id,
                post_id,
                parent_id: c.parent_id,
                author_name: c.author_name,
                author_url: c.author_url,
                body: c.body,
                body_html: c.body_html,
                status: CommentStatus::Published,
                created_at: from_micros(c.created_at)?,
                hold_reasons: c.hold_reasons,
                by_member: c.user_id.is_some(),
            })
        })
        .collect()
}
