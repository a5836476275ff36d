//! Writing posts: insert, update and delete, each in one transaction that
//! keeps the labels, the search index and the change log in step.

use chrono::{DateTime, Utc};
use tidings_core::{Post, PostKind};

use super::{NewPost, join_labels, revisions, write_labels};
use crate::blogs;
use crate::dialect::{index_post, unindex_post};
use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, conflict_or, micros};

/// A post's stored fields, bound in the order both `INSERT` and `UPDATE`
/// list them: kind, title, slug, path, Markdown, HTML, text, labels, status
/// and publication time.
trait PostFields {
    fn fields(self, p: &NewPost) -> Self;
}

impl PostFields for Sql {
    fn fields(self, p: &NewPost) -> Self {
        self.bind(p.kind.as_str())
            .bind(&p.title)
            .bind(&p.slug)
            .bind(&p.path)
            .bind(p.body_markdown.as_deref())
            .bind(&p.body_html)
            .bind(&p.body_text)
            .bind(join_labels(&p.labels))
            .bind(match (p.draft, p.pending) {
                (true, true) => "pending",
                (true, false) => "draft",
                (false, _) => "published",
            })
            .bind(micros(p.published_at))
    }
}

impl Store {
    /// Stores a new post; a path another post holds is a conflict.
    pub async fn insert_post(&self, p: &NewPost) -> Result<Post> {
        let now = micros(Utc::now());
        let mut tx = self.begin_write().await?;
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO posts (blog_id, kind, title, slug, path, body_markdown, body_html, \
                     body_text, labels, status, published_at, created_at, updated_at, author_id, \
                     author_name, sticky, description, noindex, comments, password_hash, \
                     teaser_html, saved_by, mail_subscribers, parent_id, menu_order, \
                     featured_image, featured_image_html) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, \
                     $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) RETURNING id",
                )
                .bind(p.blog_id)
                .fields(p)
                .bind(now)
                .bind(p.author_id)
                .bind(&p.author_name)
                .bind(i64::from(p.sticky))
                .bind(&p.description)
                .bind(i64::from(p.noindex))
                .bind(p.comments.as_str())
                .bind(p.password_hash.as_deref())
                .bind(&p.teaser_html)
                .bind(&p.saved_by)
                .bind(i64::from(p.mail_subscribers))
                .bind(p.parent_id)
                .bind(p.menu_order)
                .bind(&p.featured_image)
                .bind(&p.featured_image_html),
                |r| r.try_get::<i64>("id"),
            )
            .await
            .map_err(|e| conflict_or(e, "another post already has that path"))?;
        write_labels(&mut tx, id, &p.labels).await?;
        index_post(self.backend, &mut tx, id, &p.title, &p.body_text).await?;
        blogs::touch(&mut tx, p.blog_id, crate::Scope::Post(id)).await?;
        let mailing = mail_subscribers(&mut tx, p, id).await?;
        let review = queue_review_mail(&mut tx, p, id).await?;
        tx.commit().await?;
        self.mail_queued(u64::from(mailing) + review);
        self.post_by_id(p.blog_id, id).await
    }

    /// Replaces every stored field of post `id`, keeping its title, body
    /// and labels as a revision when they change.
    pub async fn update_post(&self, id: i64, p: &NewPost) -> Result<Post> {
        let mut tx = self.begin_write().await?;
        revisions::keep(&mut tx, id, p).await?;
        let done = tx
            .execute(
                &Sql::new(
                    "UPDATE posts SET kind = $3, title = $4, slug = $5, path = $6, \
                     body_markdown = $7, body_html = $8, body_text = $9, labels = $10, \
                     status = $11, published_at = $12, updated_at = $13, author_name = $14, \
                     sticky = $15, description = $16, noindex = $17, comments = $18, password_hash = $19, \
                     teaser_html = $20, saved_by = $21, mail_subscribers = $22, parent_id = $23, \
                     menu_order = $24, featured_image = $25, featured_image_html = $26 WHERE id = $1 AND blog_id = $2",
                )
                .bind(id)
                .bind(p.blog_id)
                .fields(p)
                .bind(micros(Utc::now()))
                .bind(&p.author_name)
                .bind(i64::from(p.sticky))
                .bind(&p.description)
                .bind(i64::from(p.noindex))
                .bind(p.comments.as_str())
                .bind(p.password_hash.as_deref())
                .bind(&p.teaser_html)
                .bind(&p.saved_by)
                .bind(i64::from(p.mail_subscribers))
                .bind(p.parent_id)
                .bind(p.menu_order)
                .bind(&p.featured_image)
                .bind(&p.featured_image_html),
            )
            .await
            .map_err(|e| conflict_or(e, "another post already has that path"))?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        tx.execute(&Sql::new("DELETE FROM post_labels WHERE post_id = $1").bind(id))
            .await?;
        write_labels(&mut tx, id, &p.labels).await?;
        index_post(self.backend, &mut tx, id, &p.title, &p.body_text).await?;
        blogs::touch(&mut tx, p.blog_id, crate::Scope::Post(id)).await?;
        let mailing = mail_subscribers(&mut tx, p, id).await?;
        let review = queue_review_mail(&mut tx, p, id).await?;
        tx.commit().await?;
        self.mail_queued(u64::from(mailing) + review);
        self.post_by_id(p.blog_id, id).await
    }

    /// Moves a post to the trash at `now`: its row stays, with the status
    /// it had, so [`Store::restore_post`] can bring it back; until then
    /// every reader's query, which asks for `published`, passes it by.
    pub async fn trash_post(&self, blog_id: i64, id: i64, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = tx
            .execute(
                &Sql::new(
                    "UPDATE posts SET trashed_from = status, status = 'trash', trashed_at = $3 \
                     WHERE id = $1 AND blog_id = $2 AND status <> 'trash'",
                )
                .bind(id)
                .bind(blog_id)
                .bind(micros(now)),
            )
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        blogs::touch(&mut tx, blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Brings a trashed post back with the status it had.
    pub async fn restore_post(&self, blog_id: i64, id: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = tx
            .execute(
                &Sql::new(
                    "UPDATE posts SET status = COALESCE(trashed_from, 'draft'), trashed_from = NULL, \
                     trashed_at = NULL WHERE id = $1 AND blog_id = $2 AND status = 'trash'",
                )
                .bind(id)
                .bind(blog_id),
            )
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        blogs::touch(&mut tx, blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes for good every post of any blog trashed before `before`,
    /// one transaction each; answers how many.
    pub async fn purge_trash(&self, before: DateTime<Utc>) -> Result<u64> {
        let due =
            Sql::new("SELECT id, blog_id FROM posts WHERE status = 'trash' AND trashed_at < $1")
                .bind(micros(before));
        let due = self
            .read_all(&due, |r| {
                Ok((r.try_get::<i64>("blog_id")?, r.try_get::<i64>("id")?))
            })
            .await?;
        let mut removed = 0;
        for (blog_id, id) in due {
            match self.remove_post(blog_id, id, true).await {
                Ok(()) => removed += 1,
                // Restored, or removed by another node, meanwhile.
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(removed)
    }

    /// Deletes a post with its labels and comments.
    pub async fn delete_post(&self, blog_id: i64, id: i64) -> Result<()> {
        self.remove_post(blog_id, id, false).await
    }

    /// Deletes a post, only if it is (still) in the trash when `trashed`.
    async fn remove_post(&self, blog_id: i64, id: i64, trashed: bool) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let mut delete = Sql::new("DELETE FROM posts WHERE id = $1 AND blog_id = $2")
            .bind(id)
            .bind(blog_id);
        if trashed {
            delete.push(" AND status = 'trash'");
        }
        let done = tx.execute(&delete).await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        unindex_post(self.backend, &mut tx, id).await?;
        blogs::touch(&mut tx, blog_id, crate::Scope::Post(id)).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A post (not a page) saved as published is mailed to the blog's
/// subscribers when it shows, once: the first save that publishes it marks
/// it, in its transaction (`subscribers::queue_post_mailing`); its
/// "don't mail this one" switch is read when it shows, so a scheduled
/// post's author may change their mind until then. Imports
/// write through `Store::import`, never here, so they are never mailed.
/// Answers whether it did, to wake this node's sender.
async fn mail_subscribers(tx: &mut impl Exec, p: &NewPost, id: i64) -> Result<bool> {
    if p.draft || p.kind != PostKind::Post {
        return Ok(false);
    }
    let due = p.published_at.max(Utc::now());
    crate::subscribers::queue_post_mailing(tx, p.blog_id, id, due).await?;
    Ok(true)
}

/// Queues `p.review_mail`, about post `id`, as one event per submission:
/// a post sent back to its writer and submitted again is announced again.
async fn queue_review_mail(tx: &mut impl Exec, p: &NewPost, id: i64) -> Result<u64> {
    if p.review_mail.is_empty() {
        return Ok(0);
    }
    let now = Utc::now();
    let event = format!("post:{id}:review:{}", micros(now));
    let mail: Vec<_> = p
        .review_mail
        .iter()
        .map(|m| crate::NewMail {
            subject_id: id,
            event: event.clone(),
            ..m.clone()
        })
        .collect();
    crate::outbox::queue(tx, &mail, now).await
}
