//! One import's writes, as its items come: each post (with its old
//! addresses) and each comment whose post and parent are in as it arrives;
//! then the pages' parents (a parent may come later in the file), the
//! comments that came before their post or parent (parents before replies),
//! then attachments.

use tidings_core::PostKind;

use super::seen::{Seen, free_path};
use super::{ImportAttachment, ImportComment, ImportHead, ImportPost, ImportReport, parents_first};
use crate::dialect::{Backend, index_post};
use crate::exec::Exec;
use crate::posts::{join_labels, write_labels};
use crate::sql::Sql;
use crate::{Result, StoreError, conflict_or, micros};

/// A new page with a parent, linked once every post is in: its id, kind,
/// external id and its parent's external id.
type Child = (i64, PostKind, String, String);

/// What an import has done so far, and what it keeps for its last steps.
pub(super) struct Run<'a> {
    backend: Backend,
    blog_id: i64,
    pub(super) seen: Seen,
    progress: &'a (dyn Fn(u64) + Send + Sync),
    /// Items reached so far, for `progress`.
    done: u64,
    pub(super) report: ImportReport,
    children: Vec<Child>,
    /// Comments that came before their post or the comment they reply to.
    waiting: Vec<ImportComment>,
    attachments: Vec<ImportAttachment>,
}

impl<'a> Run<'a> {
    pub(super) fn new(
        backend: Backend,
        head: &ImportHead,
        seen: Seen,
        progress: &'a (dyn Fn(u64) + Send + Sync),
    ) -> Self {
        Self {
            backend,
            blog_id: head.blog_id,
            seen,
            progress,
            done: 0,
            report: ImportReport::default(),
            children: Vec::new(),
            waiting: Vec::new(),
            attachments: Vec::new(),
        }
    }

    fn step(&mut self) {
        self.done += 1;
        (self.progress)(self.done);
    }

    /// Our id of the post `external` names: brought in by this import or an
    /// earlier one.
    fn post_id(&self, external: &str) -> Option<i64> {
        self.seen.known("post", external)
    }

    /// A post or page, unless an earlier import brought it in, with its old
    /// addresses.
    pub(super) async fn post(&mut self, tx: &mut impl Exec, post: &ImportPost) -> Result<()> {
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
                if let Some(parent) = &post.parent {
                    self.children
                        .push((id, post.kind, post.external_id.clone(), parent.clone()));
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
                .bind(self.blog_id)
                .bind(old)
                .bind(id),
            )
            .await?;
        }
        self.step();
        Ok(())
    }

    /// A comment, written now when its post and the comment it replies to
    /// are in (or are nowhere to wait for), else once every item is.
    pub(super) async fn comment(&mut self, tx: &mut impl Exec, c: ImportComment) -> Result<()> {
        let known = |kind, id: &str| self.seen.known(kind, id).is_some();
        let ready = known("comment", &c.external_id)
            || (known("post", &c.post) && c.parent.as_deref().is_none_or(|p| known("comment", p)));
        if ready {
            self.write_comment(tx, &c).await
        } else {
            self.waiting.push(c);
            Ok(())
        }
    }

    /// A file the blog had, recorded once every post is in.
    pub(super) fn attachment(&mut self, a: ImportAttachment) {
        self.attachments.push(a);
    }

    /// The last steps, once every item has come: pages linked to their
    /// parents, the comments that waited, the attachments.
    pub(super) async fn finish(&mut self, tx: &mut impl Exec) -> Result<()> {
        self.parents(tx).await?;
        let waiting = std::mem::take(&mut self.waiting);
        for c in parents_first(&waiting) {
            self.write_comment(tx, c).await?;
        }
        self.attachments(tx).await
    }

    /// Links each new child page to its parent; one not in the file (nor
    /// the blog) leaves the child at the top level, with a note.
    async fn parents(&mut self, tx: &mut impl Exec) -> Result<()> {
        for (id, kind, external_id, parent) in std::mem::take(&mut self.children) {
            match self.post_id(&parent).filter(|p| *p != id) {
                Some(parent_id) => {
                    tx.execute(
                        &Sql::new("UPDATE posts SET parent_id = $1 WHERE id = $2")
                            .bind(parent_id)
                            .bind(id),
                    )
                    .await?;
                }
                None => self.report.notes.push(format!(
                    "{} {external_id}'s parent {parent} is not in the file: it stands at the top level",
                    kind.as_str(),
                )),
            }
        }
        Ok(())
    }

    /// One comment, unless imported before; one whose post is nowhere is
    /// counted as an orphan and left out.
    async fn write_comment(&mut self, tx: &mut impl Exec, c: &ImportComment) -> Result<()> {
        self.step();
        if self.seen.known("comment", &c.external_id).is_some() {
            self.report.already_there += 1;
            return Ok(());
        }
        let Some(post_id) = self.post_id(&c.post) else {
            self.report.orphans += 1;
            return Ok(());
        };
        let parent_id = match &c.parent {
            None => None,
            Some(p) => {
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
        };
        self.insert_comment(tx, c, post_id, parent_id).await?;
        self.report.comments += 1;
        Ok(())
    }

    /// Every attachment not imported before, tied to its post if we have it.
    async fn attachments(&mut self, tx: &mut impl Exec) -> Result<()> {
        for a in std::mem::take(&mut self.attachments) {
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
                    .bind(self.blog_id)
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
        let place = free_path(seen, p)?;
        let author = match seen.member(&p.author_aliases) {
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
        let row = |id| post_row(self.blog_id, p, id, &place, &author);
        let taken = |e: StoreError| conflict_or(e, "another post already has that path");
        let mut id = tx
            .fetch_optional(&row(p.id), |r| r.try_get::<i64>("id"))
            .await
            .map_err(taken)?;
        if id.is_none()
            && let Some(wanted) = p.id
        {
            self.report.notes.push(format!(
                "post {} keeps its address but not its id {wanted}, which another blog uses",
                p.external_id
            ));
            id = tx
                .fetch_optional(&row(None), |r| r.try_get::<i64>("id"))
                .await
                .map_err(taken)?;
        }
        let id = id.ok_or_else(|| StoreError::Conflict("a new post's id was taken".into()))?;
        write_labels(tx, id, &p.labels).await?;
        index_post(self.backend, tx, id, &p.title, &p.body_text).await?;
        self.seen.paths.insert(place.0);
        self.seen.remember("post", &p.external_id, id);
        Ok(id)
    }

    /// The member who wrote `c`, when the source says one of the site's
    /// people did and one of the blog's members is that person. One who is
    /// not gets a note, once: their comments stay readers' comments, as
    /// anyone may write under a name.
    fn comment_member(&mut self, c: &ImportComment) -> Option<i64> {
        let first = c.member_aliases.first()?;
        match self.seen.member(&c.member_aliases) {
            Some((id, ..)) => Some(id),
            None => {
                if self.seen.strangers.insert(first.to_lowercase()) {
                    self.report.notes.push(format!(
                        "comments by the old site's user {first:?} are readers' comments here: \
                         no member of this blog has that name or e-mail"
                    ));
                }
                None
            }
        }
    }

    /// One comment, under its own id where that is free.
    async fn insert_comment(
        &mut self,
        tx: &mut impl Exec,
        c: &ImportComment,
        post_id: i64,
        parent_id: Option<i64>,
    ) -> Result<i64> {
        let member = self.comment_member(c);
        let row = |id| comment_row(self.blog_id, c, id, post_id, parent_id, member);
        let mut id = tx
            .fetch_optional(&row(c.id), |r| r.try_get::<i64>("id"))
            .await?;
        if id.is_none()
            && let Some(wanted) = c.id
        {
            self.report.notes.push(format!(
                "comment {} gets a new id: {wanted} is taken",
                c.external_id
            ));
            id = tx
                .fetch_optional(&row(None), |r| r.try_get::<i64>("id"))
                .await?;
        }
        let id = id.ok_or_else(|| StoreError::Conflict("a new comment's id was taken".into()))?;
        self.seen.remember("comment", &c.external_id, id);
        Ok(id)
    }
}

/// The insert of post `p` under `id` (the next free one for `None`) at
/// `place` (path, slug) by `author` (member, name); it inserts nothing, and
/// returns no row, when `id` is taken.
fn post_row(
    blog_id: i64,
    p: &ImportPost,
    id: Option<i64>,
    place: &(String, String),
    author: &(Option<i64>, String),
) -> Sql {
    Sql::new(
        "INSERT INTO posts (id, blog_id, kind, title, slug, path, body_markdown, \
         body_html, body_text, labels, status, published_at, created_at, updated_at, \
         author_id, author_name, menu_order, sticky, description, noindex, comments, password_hash, \
         teaser_html, featured_image, featured_image_html) \
         VALUES (COALESCE($1, (SELECT COALESCE(MAX(id), 0) + 1 FROM posts)), \
         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23, $24) ON CONFLICT (id) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(blog_id)
    .bind(p.kind.as_str())
    .bind(&p.title)
    .bind(&place.1)
    .bind(&place.0)
    .bind(p.body_markdown.as_deref())
    .bind(&p.body_html)
    .bind(&p.body_text)
    .bind(join_labels(&p.labels))
    .bind(if p.draft { "draft" } else { "published" })
    .bind(micros(p.published_at))
    .bind(micros(p.updated_at))
    .bind(author.0)
    .bind(&author.1)
    .bind(p.menu_order)
    .bind(i64::from(p.sticky))
    .bind(&p.description)
    .bind(i64::from(p.noindex))
    .bind(p.comments.as_str())
    .bind(p.password_hash.as_deref())
    .bind(&p.teaser_html)
    .bind(&p.featured_image)
    .bind(&p.featured_image_html)
}

/// The insert of comment `c` under `id` (the next free one for `None`),
/// written by `member` if a member wrote it; it inserts nothing, and
/// returns no row, when `id` is taken.
fn comment_row(
    blog_id: i64,
    c: &ImportComment,
    id: Option<i64>,
    post_id: i64,
    parent_id: Option<i64>,
    member: Option<i64>,
) -> Sql {
    Sql::new(
        "INSERT INTO comments (id, blog_id, post_id, parent_id, author_name, \
         author_email, author_url, body, status, hold_reasons, ip, created_at, updated_at, \
         body_html, user_id) \
         VALUES (COALESCE($1, (SELECT COALESCE(MAX(id), 0) + 1 FROM comments)), \
         $2, $3, $4, $5, $6, $7, $8, $9, $11, '', $10, $10, $12, $13) \
         ON CONFLICT (id) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(blog_id)
    .bind(post_id)
    .bind(parent_id)
    .bind(&c.author_name)
    .bind(c.author_email.as_deref())
    .bind(c.author_url.as_deref())
    .bind(&c.body)
    .bind(c.status.as_str())
    .bind(micros(c.created_at))
    .bind(&c.hold_reasons)
    .bind(&c.body_html)
    .bind(member)
}
