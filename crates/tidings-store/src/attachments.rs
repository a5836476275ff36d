//! Attachments: the files an imported blog had (WordPress keeps each upload
//! as an `attachment` item), where they were, and where ours is: the upload
//! `tidings import wordpress --fetch-media` made of it, or, for blogs
//! imported by versions before uploads, a copy in the data directory that
//! `/media/` still serves.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, blogs, conflict_or, from_micros};

/// A recorded file of a blog.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub id: i64,
    pub post_id: Option<i64>,
    /// Where the file was before the move.
    pub url: String,
    pub title: String,
    pub mime_type: Option<String>,
    pub uploaded_at: DateTime<Utc>,
    /// Where ours is served, once there is one: an upload's original
    /// (`/media/u/…`), or an older version's copy (`/media/2011/07/img.jpg`).
    pub local_path: Option<String>,
}

/// Where an attachment's file is now: the original of the upload it
/// became.
#[derive(Debug, Clone)]
pub struct AttachmentHome {
    pub attachment_id: i64,
    /// The upload's original (`/media/u/…`).
    pub path: String,
    /// What its bytes are; it replaces what the export claimed.
    pub mime_type: String,
}

/// What a post shows of pictures, as saved: its body, teaser and featured
/// image (the address and the `<img>` its page shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostPictures {
    pub id: i64,
    pub body_html: String,
    pub teaser_html: String,
    pub featured_image: String,
    pub featured_image_html: String,
}

const COLUMNS: &str =
    "SELECT id, post_id, url, title, mime_type, uploaded_at, local_path FROM attachments";

fn from_row(r: &ReadRow) -> Result<Attachment> {
    Ok(Attachment {
        id: r.try_get("id")?,
        post_id: r.try_get("post_id")?,
        url: r.try_get("url")?,
        title: r.try_get("title")?,
        mime_type: r.try_get("mime_type")?,
        uploaded_at: from_micros(r.try_get("uploaded_at")?)?,
        local_path: r.try_get("local_path")?,
    })
}

impl Store {
    /// Every attachment of `blog_id`, in the order they were recorded.
    pub async fn attachments(&self, blog_id: i64) -> Result<Vec<Attachment>> {
        let mut sql = Sql::new(COLUMNS);
        sql.int(" WHERE blog_id = ", blog_id).push(" ORDER BY id");
        self.read_all(&sql, from_row).await
    }

    /// The attachment whose data directory copy (made by versions before
    /// uploads) is served at `local_path`, if any: the only such files
    /// `/media/` answers with are the ones recorded here.
    pub async fn attachment_at(
        &self,
        blog_id: i64,
        local_path: &str,
    ) -> Result<Option<Attachment>> {
        let mut sql = Sql::new(COLUMNS);
        sql.int(" WHERE blog_id = ", blog_id)
            .text(" AND local_path = ", local_path);
        self.read_optional(&sql, from_row).await
    }

    /// What every post and page of `blog_id` shows of pictures, trashed
    /// ones too (a restored post shows the same pictures), in id order.
    pub async fn post_pictures(&self, blog_id: i64) -> Result<Vec<PostPictures>> {
        let sql = Sql::new(
            "SELECT id, body_html, teaser_html, featured_image, featured_image_html \
             FROM posts WHERE blog_id = $1 ORDER BY id",
        )
        .bind(blog_id);
        self.read_all(&sql, |r| {
            Ok(PostPictures {
                id: r.try_get("id")?,
                body_html: r.try_get("body_html")?,
                teaser_html: r.try_get("teaser_html")?,
                featured_image: r.try_get("featured_image")?,
                featured_image_html: r.try_get("featured_image_html")?,
            })
        })
        .await
    }

    /// Records where each attachment of `homes` is now and saves `posts`
    /// pointed at them, in one transaction that records the change, so
    /// every node's caches drop the pages that showed the old addresses.
    pub async fn attachments_home(
        &self,
        blog_id: i64,
        homes: &[AttachmentHome],
        posts: &[PostPictures],
    ) -> Result<()> {
        if homes.is_empty() && posts.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        for h in homes {
            tx.execute(
                &Sql::new(
                    "UPDATE attachments SET local_path = $1, mime_type = $2 \
                     WHERE id = $3 AND blog_id = $4",
                )
                .bind(h.path.as_str())
                .bind(h.mime_type.as_str())
                .bind(h.attachment_id)
                .bind(blog_id),
            )
            .await
            .map_err(|e| conflict_or(e, "another attachment is already that upload"))?;
        }
        for p in posts {
            tx.execute(
                &Sql::new(
                    "UPDATE posts SET body_html = $1, teaser_html = $2, featured_image = $3, \
                     featured_image_html = $4 WHERE id = $5 AND blog_id = $6",
                )
                .bind(p.body_html.as_str())
                .bind(p.teaser_html.as_str())
                .bind(p.featured_image.as_str())
                .bind(p.featured_image_html.as_str())
                .bind(p.id)
                .bind(blog_id),
            )
            .await?;
        }
        blogs::touch(&mut tx, blog_id, crate::Scope::Blog).await?;
        tx.commit().await
    }
}
