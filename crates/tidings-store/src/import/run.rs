//! One import's writes, in the order their references need: posts (with
//! their old addresses), then the pages' parents (a parent may come later in
//! the file), then comments (parents before replies), then attachments.

use std::collections::HashMap;

use tidings_core::PostKind;

use super::seen::{Seen, free_path};
use super::{ImportBatch, ImportComment, ImportPost, ImportReport, parents_first};
use crate::dialect::{Backend, index_post};
use crate::exec::Exec;
use crate::posts::{join_labels, write_labels};
use crate::sql::Sql;
use crate::{Result, conflict_or, micros};

/// What an import has done so far, and what it needs from its earlier steps.
pub(super) struct Run<'a> {
    backend: Backend,
    batch: &'a ImportBatch,
    pub(super) seen: Seen,
    progress: &'a (dyn Fn(u64) + Send + Sync),
    /// Items reached so far, for `progress`.
    done: u64,
    pub(super) report: ImportReport,
    /// Our id of each post of the batch, by its external id.
    post_ids: HashMap<&'a str, i64>,
}

impl<'a> Run<'a> {
    pub(super) fn new(
        backend: Backend,
        batch: &'a ImportBatch,
        seen: Seen,
        progress: &'a (dyn Fn(u64) + Send + Sync),
    ) -> Self {
        Self {
            backend,
            batch,
            seen,
            progress,
            done: 0,
            report: ImportReport::default(),
            post_ids: HashMap::new(),
        }
    }

    fn step(&mut self) {
        self.done += 1;
        (self.progress)(self.done);
    }

    /// Our id of the post `external` names: in this batch, or brought in
    /// by an earlier import.
    fn post_id(&self, external: &str) -> Option<i64> {
        self.post_ids
            .get(external)
            .copied()
            .or_else(|| self.seen.known("post", external))
    }

    /// Every post and page not imported before, with its old addresses.
    /// Returns the new ones that have a parent, to be linked once all are in.
    pub(super) async fn posts(&mut self, tx: &mut impl Exec) -> Result<Vec<(i64, &'a ImportPost)>> {
        let batch = self.batch;
        let mut children = Vec::new();
        for post in &batch.posts {
            let id = match self.seen.known("post", &post.external_id) {
                Some(id) => {
                    self.report.already_there += 1;
                    id
                }
                None => {
                    let id = self.insert_post(tx, post).await?;
                    match post.kind {
                        PostKind::Post => self.report.posts += 1,
                        PostKind::Page => self.report.pages += 1,
                    }
                    if post.parent.is_some() {
                        children.push((id, post));
                    }
                    id
                }
            };
            for old in &post.redirects {
                tx.execute(
                    &Sql::new(
                        "INSERT INTO redirects (blog_id, old_path, post_id) VALUES ($1, $2, $3) \
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(batch.blog_id)
                    .bind(old)
                    .bind(id),
                )
                .await?;
            }
            self.post_ids.insert(&post.external_id, id);
            self.step();
        }
        Ok(children)
    }

    /// Links each new child page to its parent; one not in the file (nor
    /// the blog) leaves the child at the top level, with a note.
    pub(super) async fn parents(
        &mut self,
        tx: &mut impl Exec,
        children: Vec<(i64, &ImportPost)>,
    ) -> Result<()> {
        for (id, post) in children {
            let Some(parent) = post.parent.as_deref() else {
                continue;
            };
            match self.post_id(parent).filter(|p| *p != id) {
                Some(parent_id) => {
                    tx.execute(
                        &Sql::new("UPDATE posts SET parent_id = $1 WHERE id = $2")
                            .bind(parent_id)
                            .bind(id),
                    )
                    .await?;
                }
                None => self.report.notes.push(format!(
                    "{} {}'s parent {parent} is not in the file: it stands at the top level",
                    post.kind.as_str(),
                    post.external_id
                )),
            }
        }
        Ok(())
    }

    /// Every comment not imported before, parents before replies; one whose
    /// post is nowhere is counted as an orphan and left out.
    pub(super) async fn comments(&mut self, tx: &mut impl Exec) -> Result<()> {
        let mut comment_ids: HashMap<&str, i64> = HashMap::new();
        for c in parents_first(&self.batch.comments) {
            self.step();
            if let Some(id) = self.seen.known("comment", &c.external_id) {
                self.report.already_there += 1;
                comment_ids.insert(&c.external_id, id);
                continue;
            }
            let Some(post_id) = self.post_id(&c.post) else {
                self.report.orphans += 1;
                continue;
            };
            let parent_id = match &c.parent {
                None => None,
                Some(p) => match comment_ids.get(p.as_str()) {
                    Some(id) => Some(*id),
                    None => {
                        let found = self.seen.known("comment", p);
                        if found.is_none() {
                            self.report.notes.push(format!(
                                "comment {} replies to comment {p}, which is not in the file: \
                                 it is shown as a top-level comment",
                                c.external_id
                            ));
                        }
                        found
                    }
                },
            };
            let id = self.insert_comment(tx, c, post_id, parent_id).await?;
            comment_ids.insert(&c.external_id, id);
            self.report.comments += 1;
        }
        Ok(())
    }

    /// Every attachment not imported before, tied to its post if we have it.
    pub(super) async fn attachments(&mut self, tx: &mut impl Exec) -> Result<()> {
        let batch = self.batch;
        for a in &batch.attachments {
            self.step();
            if self.seen.known("attachment", &a.external_id).is_some() {
                self.report.already_there += 1;
                continue;
            }
            let post_id = a.post.as_deref().and_then(|p| self.post_id(p));
            let id = tx
                .fetch_one(
                    &Sql::new(
                        "INSERT INTO attachments (blog_id, post_id, url, title, mime_type, \
                         uploaded_at, local_path) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    )
                    .bind(batch.blog_id)
                    .bind(post_id)
                    .bind(&a.url)
                    .bind(&a.title)
                    .bind(a.mime_type.as_deref())
                    .bind(micros(a.uploaded_at))
                    .bind(a.local_path.as_deref()),
                    |r| r.try_get::<i64>("id"),
                )
                .await
                .map_err(|e| conflict_or(e, "two attachments have the same local path"))?;
            self.seen.remember("attachment", &a.external_id, id);
            self.report.attachments += 1;
        }
        Ok(())
    }

    /// One post at a free path, under its own id where that is free, by the
    /// member its author is, if any.
    async fn insert_post(&mut self, tx: &mut impl Exec, p: &ImportPost) -> Result<i64> {
        let (seen, report) = (&mut self.seen, &mut self.report);
        let (path, slug) = free_path(seen, p)?;
        let id = match p.id {
            Some(id) if seen.post_ids.contains(&id) => {
                report.notes.push(format!(
                    "post {} keeps its address but not its id {id}, which another blog uses",
                    p.external_id
                ));
                None
            }
            other => other,
        };
        let (author_id, author_name) = match seen.member(&p.author_aliases) {
            Some((id, name, alias)) => {
                if seen.matched.insert(alias.to_lowercase()) {
                    report.notes.push(format!(
                        "posts by {alias:?} belong to the member {name:?} of this blog"
                    ));
                }
                (Some(id), name)
            }
            None => (None, p.author_name.clone()),
        };
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO posts (id, blog_id, kind, title, slug, path, body_markdown, \
                     body_html, body_text, labels, status, published_at, created_at, updated_at, \
                     author_id, author_name, menu_order, sticky, description, noindex, comments, password_hash, \
                     teaser_html, featured_image, featured_image_html) \
                     VALUES (COALESCE($1, (SELECT COALESCE(MAX(id), 0) + 1 FROM posts)), \
                     $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17, \
                     $18, $19, $20, $21, $22, $23, $24) RETURNING id",
                )
                .bind(id)
                .bind(self.batch.blog_id)
                .bind(p.kind.as_str())
                .bind(&p.title)
                .bind(slug)
                .bind(&path)
                .bind(p.body_markdown.as_deref())
                .bind(&p.body_html)
                .bind(&p.body_text)
                .bind(join_labels(&p.labels))
                .bind(if p.draft { "draft" } else { "published" })
                .bind(micros(p.published_at))
                .bind(micros(p.updated_at))
                .bind(author_id)
                .bind(author_name)
                .bind(p.menu_order)
                .bind(i64::from(p.sticky))
                .bind(&p.description)
                .bind(i64::from(p.noindex))
                .bind(p.comments.as_str())
                .bind(p.password_hash.as_deref())
                .bind(&p.teaser_html)
                .bind(&p.featured_image)
                .bind(&p.featured_image_html),
                |r| r.try_get::<i64>("id"),
            )
            .await
            .map_err(|e| conflict_or(e, "another post already has that path"))?;
        write_labels(tx, id, &p.labels).await?;
        index_post(self.backend, tx, id, &p.title, &p.body_text).await?;
        self.seen.paths.insert(path);
        self.seen.post_ids.insert(id);
        self.seen.remember("post", &p.external_id, id);
        Ok(id)
    }

    /// One comment, under its own id where that is free.
    async fn insert_comment(
        &mut self,
        tx: &mut impl Exec,
        c: &ImportComment,
        post_id: i64,
        parent_id: Option<i64>,
    ) -> Result<i64> {
        let id = match c.id {
            Some(id) if self.seen.comment_ids.contains(&id) => {
                self.report.notes.push(format!(
                    "comment {} gets a new id: {id} is taken",
                    c.external_id
                ));
                None
            }
            other => other,
        };
        let at = micros(c.created_at);
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO comments (id, blog_id, post_id, parent_id, author_name, \
                     author_email, author_url, body, status, hold_reasons, ip, created_at, updated_at, \
                     body_html) \
                     VALUES (COALESCE($1, (SELECT COALESCE(MAX(id), 0) + 1 FROM comments)), \
                     $2, $3, $4, $5, $6, $7, $8, $9, $11, '', $10, $10, $12) RETURNING id",
                )
                .bind(id)
                .bind(self.batch.blog_id)
                .bind(post_id)
                .bind(parent_id)
                .bind(&c.author_name)
                .bind(c.author_email.as_deref())
                .bind(c.author_url.as_deref())
                .bind(&c.body)
                .bind(c.status.as_str())
                .bind(at)
                .bind(&c.hold_reasons)
                .bind(&c.body_html),
                |r| r.try_get::<i64>("id"),
            )
            .await?;
        self.seen.comment_ids.insert(id);
        self.seen.remember("comment", &c.external_id, id);
        Ok(id)
    }
}
