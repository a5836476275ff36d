//! The spam filter's memory: per-blog token counts taught by the owner's
//! decisions, and the questions the verdict asks of past comments.
//!
//! The classifier itself is pure ([`tidings_core::spam`]); this module only
//! keeps its counts. They live in the database, not in a node's memory, so a
//! decision taken on one node teaches every node at once.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use tidings_core::spam::{self, Count, Label, Model, Text};
use tidings_core::{CommentStatus, Repeats};

use crate::blogs;
use crate::exec::Exec;
use crate::sql::Sql;
use crate::{CommentListing, Result, Store, StoreError, micros};

/// The `spam_tokens` row that counts trained comments rather than a token.
const DOCS: &str = "";

const ADD_SPAM: &str = "INSERT INTO spam_tokens (blog_id, token, spam, ham) VALUES ($1, $2, 1, 0) \
     ON CONFLICT (blog_id, token) DO UPDATE SET spam = spam_tokens.spam + 1";
const ADD_HAM: &str = "INSERT INTO spam_tokens (blog_id, token, spam, ham) VALUES ($1, $2, 0, 1) \
     ON CONFLICT (blog_id, token) DO UPDATE SET ham = spam_tokens.ham + 1";
const REMOVE_SPAM: &str = "UPDATE spam_tokens SET spam = CASE WHEN spam > 0 THEN spam - 1 ELSE 0 END \
     WHERE blog_id = $1 AND token = $2";
const REMOVE_HAM: &str = "UPDATE spam_tokens SET ham = CASE WHEN ham > 0 THEN ham - 1 ELSE 0 END \
     WHERE blog_id = $1 AND token = $2";

/// Which label, if any, an owner's move to `status` teaches: approving is
/// ham, marking spam is spam; deleting or holding teaches nothing, and leaves
/// what was taught before in place.
fn label_of(status: CommentStatus) -> Option<Label> {
    match status {
        CommentStatus::Published => Some(Label::Ham),
        CommentStatus::Spam => Some(Label::Spam),
        CommentStatus::Pending | CommentStatus::Deleted => None,
    }
}

impl Store {
    /// What the blog has learned about `tokens` (and how many comments it
    /// learned from): enough to score one comment, read in one query.
    pub async fn spam_model(&self, blog_id: i64, tokens: &BTreeSet<String>) -> Result<Model> {
        let mut sql = Sql::new("SELECT token, spam, ham FROM spam_tokens");
        sql.int(" WHERE blog_id = ", blog_id)
            .text(" AND token IN (", DOCS);
        for t in tokens {
            sql.text(", ", t);
        }
        sql.push(")");
        let rows = self
            .read_all(&sql, |row| {
                let count = Count {
                    spam: row.try_get("spam")?,
                    ham: row.try_get("ham")?,
                };
                Ok((row.try_get::<String>("token")?, count))
            })
            .await?;
        let mut model = Model::default();
        for (token, count) in rows {
            if token == DOCS {
                model.docs = count;
            } else {
                model.tokens.insert(token, count);
            }
        }
        Ok(model)
    }

    /// An owner's decision: moves a comment to `status` and, in the same
    /// transaction, teaches the filter (approve → ham, spam → spam), first
    /// taking back what an earlier, different decision on it taught.
    pub async fn moderate_comment(
        &self,
        blog_id: i64,
        id: i64,
        status: CommentStatus,
    ) -> Result<CommentListing> {
        let mut tx = self.begin_write().await?;
        // Updating first takes the row's lock on PostgreSQL, so two nodes
        // deciding on the same comment at once train it once, in turn.
        let (post_id, text) = tx
            .fetch_one(
                &Sql::new(
                    "UPDATE comments SET status = $3, updated_at = $4 \
                     WHERE id = $1 AND blog_id = $2 \
                     RETURNING post_id, author_name, author_url, body",
                )
                .bind(id)
                .bind(blog_id)
                .bind(status.as_str())
                .bind(micros(Utc::now())),
                |r| {
                    let text: (String, Option<String>, String) = (
                        r.try_get("author_name")?,
                        r.try_get("author_url")?,
                        r.try_get("body")?,
                    );
                    Ok((r.try_get::<i64>("post_id")?, text))
                },
            )
            .await?;
        if let Some(label) = label_of(status) {
            let (author_name, author_url, body) = &text;
            let tokens = spam::tokens(&Text {
                author_name,
                author_url: author_url.as_deref(),
                body,
            });
            retrain(&mut tx, blog_id, id, label, &tokens).await?;
        }
        crate::comments::recount(&mut tx, post_id).await?;
        blogs::touch(&mut tx, blog_id, crate::Scope::Comments(post_id)).await?;
        let mut queued = 0;
        if status == CommentStatus::Published {
            queued = crate::reply_watches::queue_replies(&mut tx, id, Utc::now()).await?;
        }
        tx.commit().await?;
        self.mail_queued(queued);
        self.comment_by_id(blog_id, id).await
    }

    /// Copies of `body` sent since `since` to other posts of the blog than
    /// `post_id`, and whether the owner marked any of them spam.
    pub async fn repeats_elsewhere(
        &self,
        blog_id: i64,
        post_id: i64,
        body: &str,
        since: DateTime<Utc>,
    ) -> Result<Repeats> {
        let sql = Sql::new(
            "SELECT COUNT(DISTINCT post_id) AS posts, \
             CAST(COALESCE(MAX(CASE WHEN status = 'spam' THEN 1 ELSE 0 END), 0) AS BIGINT) AS spam \
             FROM comments WHERE blog_id = $1 AND post_id <> $2 AND body = $3 AND created_at >= $4",
        )
        .bind(blog_id)
        .bind(post_id)
        .bind(body)
        .bind(micros(since));
        self.read_one(&sql, |row| {
            Ok(Repeats {
                other_posts: row.try_get("posts")?,
                marked_spam: row.try_get::<i64>("spam")? > 0,
            })
        })
        .await
    }
}

/// Records that comment `id` teaches `label` with `tokens`, replacing what it
/// taught before. Tokens go in sorted order (a `BTreeSet`, the document row
/// `''` first), so concurrent transactions lock rows in the same order.
async fn retrain(
    tx: &mut impl Exec,
    blog_id: i64,
    id: i64,
    label: Label,
    tokens: &BTreeSet<String>,
) -> Result<()> {
    let before = tx
        .fetch_optional(
            &Sql::new("SELECT label, tokens FROM spam_trained WHERE comment_id = $1").bind(id),
            |r| {
                Ok((
                    r.try_get::<String>("label")?,
                    r.try_get::<String>("tokens")?,
                ))
            },
        )
        .await?;
    if let Some((old, taught)) = before {
        let old =
            Label::parse(&old).ok_or_else(|| StoreError::Corrupt(format!("spam label {old:?}")))?;
        if old == label {
            return Ok(());
        }
        let mut old_tokens: BTreeSet<String> = taught.lines().map(str::to_owned).collect();
        old_tokens.insert(DOCS.to_owned());
        let sql = match old {
            Label::Spam => REMOVE_SPAM,
            Label::Ham => REMOVE_HAM,
        };
        for t in &old_tokens {
            tx.execute(&Sql::new(sql).bind(blog_id).bind(t)).await?;
        }
        tx.execute(&Sql::new("DELETE FROM spam_trained WHERE comment_id = $1").bind(id))
            .await?;
    }
    let sql = match label {
        Label::Spam => ADD_SPAM,
        Label::Ham => ADD_HAM,
    };
    for t in std::iter::once(DOCS).chain(tokens.iter().map(String::as_str)) {
        tx.execute(&Sql::new(sql).bind(blog_id).bind(t)).await?;
    }
    let joined = tokens
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    tx.execute(
        &Sql::new(
            "INSERT INTO spam_trained (comment_id, blog_id, label, tokens) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(blog_id)
        .bind(label.as_str())
        .bind(joined),
    )
    .await?;
    Ok(())
}
