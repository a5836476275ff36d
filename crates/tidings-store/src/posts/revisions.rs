//! A post's earlier versions. A save that changes the title, the body or
//! the labels keeps what they were, in its own transaction, before it
//! writes the new ones; the newest [`KEPT`] per post stay.

use chrono::{DateTime, Utc};

use super::{NewPost, join_labels, split_labels};
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros};

/// How many earlier versions of a post are kept: WordPress keeps every one
/// unless told otherwise, which grows without end on a post edited daily.
pub const KEPT: i64 = 50;

/// One earlier version of a post, as its author wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub id: i64,
    pub post_id: i64,
    pub title: String,
    /// Markdown when `markdown`, else the HTML the post was written in.
    pub body: String,
    pub markdown: bool,
    pub labels: Vec<String>,
    pub saved_at: DateTime<Utc>,
    /// Who saved that version (their name then).
    pub saved_by: String,
}

/// Keeps post `id`'s current title, body and labels as a revision when `p`
/// changes any of them; run in the transaction that writes `p`, before it.
pub(super) async fn keep(tx: &mut impl Exec, id: i64, p: &NewPost) -> Result<()> {
    let body = p.body_markdown.as_deref().unwrap_or(&p.body_html);
    let kept = tx
        .execute(
            &Sql::new(
                "INSERT INTO post_revisions \
                 (post_id, title, body, markdown, labels, saved_at, saved_by) \
                 SELECT id, title, COALESCE(body_markdown, body_html), \
                 CASE WHEN body_markdown IS NULL THEN 0 ELSE 1 END, labels, updated_at, \
                 COALESCE(saved_by, author_name) \
                 FROM posts WHERE id = $1 AND blog_id = $2 \
                 AND (title <> $3 OR COALESCE(body_markdown, body_html) <> $4 OR labels <> $5)",
            )
            .bind(id)
            .bind(p.blog_id)
            .bind(&p.title)
            .bind(body)
            .bind(join_labels(&p.labels)),
        )
        .await?;
    if kept > 0 {
        tx.execute(
            &Sql::new(
                "DELETE FROM post_revisions WHERE post_id = $1 AND id NOT IN \
                 (SELECT id FROM post_revisions WHERE post_id = $1 ORDER BY id DESC LIMIT $2)",
            )
            .bind(id)
            .bind(KEPT),
        )
        .await?;
    }
    Ok(())
}

fn revision_from_row(r: &ReadRow) -> Result<Revision> {
    Ok(Revision {
        id: r.try_get("id")?,
        post_id: r.try_get("post_id")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        markdown: r.try_get::<i64>("markdown")? != 0,
        labels: split_labels(&r.try_get::<String>("labels")?),
        saved_at: from_micros(r.try_get("saved_at")?)?,
        saved_by: r.try_get("saved_by")?,
    })
}

const REVISION_COLUMNS: &str =
    "SELECT id, post_id, title, body, markdown, labels, saved_at, saved_by FROM post_revisions";

impl Store {
    /// The kept versions of post `post_id`, newest first.
    pub async fn post_revisions(&self, post_id: i64) -> Result<Vec<Revision>> {
        let mut sql = Sql::new(REVISION_COLUMNS);
        sql.int(" WHERE post_id = ", post_id)
            .push(" ORDER BY id DESC");
        self.read_all(&sql, revision_from_row).await
    }

    /// The revision with id `id`, whichever post it is of (the caller
    /// checks that it is the post it asked about).
    pub async fn post_revision(&self, id: i64) -> Result<Option<Revision>> {
        let mut sql = Sql::new(REVISION_COLUMNS);
        sql.int(" WHERE id = ", id);
        self.read_optional(&sql, revision_from_row).await
    }
}
