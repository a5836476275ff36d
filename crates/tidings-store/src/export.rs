//! Moving out: everything of one blog read in the shape an import takes
//! (what every export format writes), and consistent copies of the database.

use std::collections::HashMap;

use sqlx::Row;

use crate::import::{ImportAttachment, ImportComment, ImportPost};
use crate::posts::split_labels;
use crate::{Result, Store, StoreError, from_micros};

/// Everything of one blog, in the shape an import takes: what exports write.
/// External ids are our ids; paths are exact.
#[derive(Debug, Clone, Default)]
pub struct ExportSnapshot {
    /// Oldest first.
    pub posts: Vec<ImportPost>,
    /// Oldest first, every status.
    pub comments: Vec<ImportComment>,
    /// In the order they were recorded.
    pub attachments: Vec<ImportAttachment>,
}

impl Store {
    /// Every post, page, comment and attachment of `blog_id`, with old
    /// addresses.
    pub async fn export_snapshot(&self, blog_id: i64) -> Result<ExportSnapshot> {
        let mut redirects: HashMap<i64, Vec<String>> = HashMap::new();
        for (old, post) in self.redirects(blog_id).await? {
            redirects.entry(post).or_default().push(old);
        }
        Ok(ExportSnapshot {
            posts: self.exported_posts(blog_id, redirects).await?,
            comments: self.exported_comments(blog_id).await?,
            attachments: self.exported_attachments(blog_id).await?,
        })
    }

    /// Every post and page, oldest first, each with the old addresses
    /// `redirects` holds for it.
    async fn exported_posts(
        &self,
        blog_id: i64,
        mut redirects: HashMap<i64, Vec<String>>,
    ) -> Result<Vec<ImportPost>> {
        let rows = sqlx::query(
            "SELECT id, kind, title, slug, path, body_markdown, body_html, body_text, labels, \
             status, published_at, updated_at, author_name, parent_id, menu_order, sticky \
             FROM posts WHERE blog_id = $1 \
             ORDER BY published_at, id",
        )
        .bind(blog_id)
        .fetch_all(&self.pool)
        .await?;
        let mut posts = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.try_get("id")?;
            let labels: String = r.try_get("labels")?;
            posts.push(ImportPost {
                external_id: id.to_string(),
                id: Some(id),
                kind: r
                    .try_get::<String, _>("kind")?
                    .parse()
                    .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
                title: r.try_get("title")?,
                slug: r.try_get("slug")?,
                path: r.try_get("path")?,
                exact_path: true,
                body_markdown: r.try_get("body_markdown")?,
                body_html: r.try_get("body_html")?,
                body_text: r.try_get("body_text")?,
                labels: split_labels(&labels),
                draft: r.try_get::<String, _>("status")? == "draft",
                published_at: from_micros(r.try_get("published_at")?)?,
                updated_at: from_micros(r.try_get("updated_at")?)?,
                author_name: r.try_get("author_name")?,
                author_aliases: Vec::new(),
                redirects: redirects.remove(&id).unwrap_or_default(),
                parent: r
                    .try_get::<Option<i64>, _>("parent_id")?
                    .map(|p| p.to_string()),
                menu_order: r.try_get("menu_order")?,
                sticky: r.try_get::<i64, _>("sticky")? != 0,
            });
        }
        Ok(posts)
    }

    /// Every comment, oldest first, whatever its status.
    async fn exported_comments(&self, blog_id: i64) -> Result<Vec<ImportComment>> {
        let rows = sqlx::query(
            "SELECT id, post_id, parent_id, author_name, author_email, author_url, body, status, \
             hold_reasons, created_at FROM comments WHERE blog_id = $1 ORDER BY created_at, id",
        )
        .bind(blog_id)
        .fetch_all(&self.pool)
        .await?;
        let mut comments = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.try_get("id")?;
            comments.push(ImportComment {
                external_id: id.to_string(),
                id: Some(id),
                post: r.try_get::<i64, _>("post_id")?.to_string(),
                parent: r
                    .try_get::<Option<i64>, _>("parent_id")?
                    .map(|p| p.to_string()),
                author_name: r.try_get("author_name")?,
                author_email: r.try_get("author_email")?,
                author_url: r.try_get("author_url")?,
                body: r.try_get("body")?,
                status: r
                    .try_get::<String, _>("status")?
                    .parse()
                    .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
                hold_reasons: r.try_get("hold_reasons")?,
                created_at: from_micros(r.try_get("created_at")?)?,
            });
        }
        Ok(comments)
    }

    /// Every attachment, in the order they were recorded.
    async fn exported_attachments(&self, blog_id: i64) -> Result<Vec<ImportAttachment>> {
        let rows = sqlx::query(
            "SELECT id, post_id, url, title, mime_type, uploaded_at, local_path \
             FROM attachments WHERE blog_id = $1 ORDER BY id",
        )
        .bind(blog_id)
        .fetch_all(&self.pool)
        .await?;
        let mut attachments = Vec::with_capacity(rows.len());
        for r in rows {
            attachments.push(ImportAttachment {
                external_id: r.try_get::<i64, _>("id")?.to_string(),
                url: r.try_get("url")?,
                title: r.try_get("title")?,
                post: r
                    .try_get::<Option<i64>, _>("post_id")?
                    .map(|p| p.to_string()),
                mime_type: r.try_get("mime_type")?,
                uploaded_at: from_micros(r.try_get("uploaded_at")?)?,
                local_path: r.try_get("local_path")?,
            });
        }
        Ok(attachments)
    }
}

impl Store {
    /// A consistent copy of the whole SQLite database at `path` (which must
    /// not exist), taken while the server keeps serving: `VACUUM INTO` reads
    /// one snapshot and writes a compact, self-contained file. PostgreSQL has
    /// its own tools (`pg_dump`), so it answers a conflict that says so.
    pub async fn backup_into(&self, path: &str) -> Result<()> {
        if self.backend != crate::Backend::Sqlite {
            return Err(StoreError::Conflict(
                "this database is PostgreSQL: back it up with pg_dump (tidings backup copies \
                 SQLite databases)"
                    .into(),
            ));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
