//! Moving out: everything of one blog read in the shape an import takes
//! (what every export format writes), and consistent copies of the database.

use std::collections::HashMap;

use crate::import::{ImportAttachment, ImportComment, ImportPost};
use crate::posts::split_labels;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, from_micros};

/// Everything of one blog, in the shape an import takes: what exports write.
/// External ids are our ids; paths are exact; posts' `body_text` is empty.
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
    /// addresses; what is in the trash stays out (an import would bring it
    /// back as a live post).
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
        let sql = Sql::new(
            "SELECT id, kind, title, slug, path, body_markdown, body_html, teaser_html, labels, \
             status, published_at, updated_at, author_name, parent_id, menu_order, sticky, \
             description, noindex, comments, password_hash, featured_image, featured_image_html \
             FROM posts WHERE blog_id = $1 AND status <> 'trash' \
             ORDER BY published_at, id",
        )
        .bind(blog_id);
        let mut posts = self.read_all(&sql, exported_post).await?;
        for p in &mut posts {
            if let Some(id) = p.id {
                p.redirects = redirects.remove(&id).unwrap_or_default();
            }
        }
        Ok(posts)
    }

    /// Every comment, oldest first, whatever its status, with the name and
    /// e-mail of the member who wrote it, if one did.
    async fn exported_comments(&self, blog_id: i64) -> Result<Vec<ImportComment>> {
        let sql = Sql::new(
            "SELECT c.id, c.post_id, c.parent_id, c.author_name, c.author_email, c.author_url, \
             c.body, c.body_html, c.status, c.hold_reasons, c.created_at, \
             u.name AS member_name, u.email AS member_email \
             FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.blog_id = $1 \
             AND c.post_id NOT IN (SELECT id FROM posts WHERE status = 'trash') \
             ORDER BY c.created_at, c.id",
        )
        .bind(blog_id);
        self.read_all(&sql, exported_comment).await
    }

    /// Every attachment, in the order they were recorded.
    async fn exported_attachments(&self, blog_id: i64) -> Result<Vec<ImportAttachment>> {
        let sql = Sql::new(
            "SELECT id, post_id, url, title, mime_type, uploaded_at, local_path \
             FROM attachments WHERE blog_id = $1 ORDER BY id",
        )
        .bind(blog_id);
        self.read_all(&sql, exported_attachment).await
    }
}

impl Store {
    /// A consistent copy of the whole database at `path` (which must not
    /// exist), taken while the server keeps serving, where the backend can
    /// make one (see the dialect's `backup_into`); a conflict otherwise.
    pub async fn backup_into(&self, path: &str) -> Result<()> {
        let vacuum = self.backend.backup_into()?;
        self.execute(&Sql::new(vacuum).bind(path)).await?;
        Ok(())
    }
}

/// A post or page as exports write it (its old addresses added after).
fn exported_post(r: &ReadRow) -> Result<ImportPost> {
    let id: i64 = r.try_get("id")?;
    let labels: String = r.try_get("labels")?;
    Ok(ImportPost {
        external_id: id.to_string(),
        id: Some(id),
        kind: r
            .try_get::<String>("kind")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        title: r.try_get("title")?,
        slug: r.try_get("slug")?,
        path: r.try_get("path")?,
        exact_path: true,
        body_markdown: r.try_get("body_markdown")?,
        body_html: r.try_get("body_html")?,
        teaser_html: r.try_get("teaser_html")?,
        // No format writes it (an import makes it from the HTML): not read.
        body_text: String::new(),
        labels: split_labels(&labels),
        // Exports know drafts and published posts; a post waiting for
        // review is a draft to them.
        draft: r.try_get::<String>("status")? != "published",
        published_at: from_micros(r.try_get("published_at")?)?,
        updated_at: from_micros(r.try_get("updated_at")?)?,
        author_name: r.try_get("author_name")?,
        author_aliases: Vec::new(),
        redirects: Vec::new(),
        parent: r
            .try_get::<Option<i64>>("parent_id")?
            .map(|p| p.to_string()),
        menu_order: r.try_get("menu_order")?,
        sticky: r.try_get::<i64>("sticky")? != 0,
        description: r.try_get("description")?,
        noindex: r.try_get::<i64>("noindex")? != 0,
        comments: r
            .try_get::<String>("comments")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        password_hash: r.try_get("password_hash")?,
        featured_image: r.try_get("featured_image")?,
        featured_image_html: r.try_get("featured_image_html")?,
    })
}

/// A comment as exports write it; a member's with their name, then their
/// e-mail, as its `member_aliases`.
fn exported_comment(r: &ReadRow) -> Result<ImportComment> {
    let id: i64 = r.try_get("id")?;
    let member_aliases = [
        r.try_get::<Option<String>>("member_name")?,
        r.try_get::<Option<String>>("member_email")?,
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(ImportComment {
        external_id: id.to_string(),
        id: Some(id),
        post: r.try_get::<i64>("post_id")?.to_string(),
        parent: r
            .try_get::<Option<i64>>("parent_id")?
            .map(|p| p.to_string()),
        author_name: r.try_get("author_name")?,
        author_email: r.try_get("author_email")?,
        author_url: r.try_get("author_url")?,
        body: r.try_get("body")?,
        body_html: r.try_get("body_html")?,
        status: r
            .try_get::<String>("status")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        hold_reasons: r.try_get("hold_reasons")?,
        created_at: from_micros(r.try_get("created_at")?)?,
        member_aliases,
    })
}

/// An attachment as exports write it.
fn exported_attachment(r: &ReadRow) -> Result<ImportAttachment> {
    Ok(ImportAttachment {
        external_id: r.try_get::<i64>("id")?.to_string(),
        url: r.try_get("url")?,
        title: r.try_get("title")?,
        post: r.try_get::<Option<i64>>("post_id")?.map(|p| p.to_string()),
        mime_type: r.try_get("mime_type")?,
        uploaded_at: from_micros(r.try_get("uploaded_at")?)?,
        local_path: r.try_get("local_path")?,
    })
}
