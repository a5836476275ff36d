//! Every post's saved HTML, read and rewritten whole: for a move that
//! points posts at the pictures it brought home (`import … --fetch-media`).

use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Scope, Store, blogs};

/// A post's saved HTML: its body and the teaser lists show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostHtml {
    pub id: i64,
    pub body_html: String,
    pub teaser_html: String,
}

impl Store {
    /// The saved HTML of every post and page of `blog_id`, trashed ones too
    /// (a restored post shows the same pictures), in id order.
    pub async fn post_html(&self, blog_id: i64) -> Result<Vec<PostHtml>> {
        let sql =
            Sql::new("SELECT id, body_html, teaser_html FROM posts WHERE blog_id = $1 ORDER BY id")
                .bind(blog_id);
        self.read_all(&sql, |r| {
            Ok(PostHtml {
                id: r.try_get("id")?,
                body_html: r.try_get("body_html")?,
                teaser_html: r.try_get("teaser_html")?,
            })
        })
        .await
    }

    /// Saves each post's new HTML in one transaction that records the
    /// change, so every node's caches drop the pages that showed the old.
    pub async fn set_post_html(&self, blog_id: i64, posts: &[PostHtml]) -> Result<()> {
        if posts.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        for p in posts {
            tx.execute(
                &Sql::new(
                    "UPDATE posts SET body_html = $1, teaser_html = $2 \
                     WHERE id = $3 AND blog_id = $4",
                )
                .bind(p.body_html.as_str())
                .bind(p.teaser_html.as_str())
                .bind(p.id)
                .bind(blog_id),
            )
            .await?;
        }
        blogs::touch(&mut tx, blog_id, Scope::Blog).await?;
        tx.commit().await
    }
}
