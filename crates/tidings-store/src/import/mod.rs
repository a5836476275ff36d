//! Moving in: a whole import written in one transaction, and the old
//! addresses it leaves behind.
//!
//! The import crate reads an export and sends its items ([`ImportItem`]) as
//! it reads them; this module writes them as they come, in one transaction
//! committed only once the last item says the file was read whole, so the
//! import is all or nothing and neither the file nor its items are held.
//! Every item carries the id it had in its source; `imported_items`
//! remembers what each became, so importing the same file again finds every
//! item there and adds nothing.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use tidings_core::{BlogSettings, CommentStatus, PostKind};

use crate::dialect;
use crate::exec::{Exec, SqliteTx};
use crate::sql::Sql;
use crate::{Result, Store, blogs, micros};

mod run;
mod seen;

use self::run::Run;
use self::seen::Seen;

/// What an import writes before its items, known before they are read.
#[derive(Debug, Clone)]
pub struct ImportHead {
    pub blog_id: i64,
    /// The format the items come from (`blogger`, `wordpress`, `tidings`,
    /// `markdown`): external ids are unique within it.
    pub source: &'static str,
    /// Settings to store with the import (validated by the caller), if any.
    pub settings: Option<BlogSettings>,
    /// As [`ImportBatch::held_comment_mail`].
    pub held_comment_mail: Vec<String>,
    /// As [`ImportBatch::layout`]: written once the items are in.
    pub layout: Option<Vec<tidings_core::gadget::Gadget>>,
}

/// One item of an import, in the order the file has them: a comment may
/// come before its post or the comment it replies to.
#[derive(Debug)]
pub enum ImportItem {
    Post(Box<ImportPost>),
    Comment(ImportComment),
    Attachment(ImportAttachment),
    /// As [`ImportBatch::gadgets`], known once the posts they link to were
    /// read (WordPress's nav menus): added once the items are in.
    Gadgets(Vec<tidings_core::gadget::Gadget>),
    /// The file was read whole and every item sent: the import may commit.
    /// Without it (the reader stopped on an error), nothing is written.
    Done,
}

/// Everything one import writes into one blog, held whole: for imports
/// made in memory (Markdown files, tests).
#[derive(Debug, Clone)]
pub struct ImportBatch {
    pub blog_id: i64,
    /// The format the items come from (`blogger`, `wordpress`, `tidings`,
    /// `markdown`): external ids are unique within it.
    pub source: &'static str,
    /// Settings to store with the import (validated by the caller), if any.
    pub settings: Option<BlogSettings>,
    pub posts: Vec<ImportPost>,
    /// Comments in any order: a reply may come before its parent.
    pub comments: Vec<ImportComment>,
    /// Files the blog had (WordPress attachments), recorded with their URLs.
    pub attachments: Vec<ImportAttachment>,
    /// The addresses (lowercase) the old blog mailed held comments to
    /// (Blogger's `BLOG_COMMENT_MODERATION_EMAIL` and `BLOG_COMMENT_EMAIL`):
    /// the members among them take that mail, the other members not. Empty,
    /// or naming no member: each member's choice is left as it is.
    pub held_comment_mail: Vec<String>,
    /// The sidebar the old blog showed (Blogger's widgets), checked by the
    /// caller: when given, it replaces the blog's layout, so importing the
    /// same file again gives the same sidebar. `None`: the layout is kept.
    pub layout: Option<Vec<tidings_core::gadget::Gadget>>,
    /// Gadgets the old blog showed (WordPress's nav menus), added after the
    /// blog's layout (the default sidebar while none was saved), each unless
    /// an equal one is already there: importing again adds nothing.
    pub gadgets: Vec<tidings_core::gadget::Gadget>,
}

impl ImportBatch {
    /// Its head, and its items in order, ending with [`ImportItem::Done`].
    pub fn into_parts(self) -> (ImportHead, Vec<ImportItem>) {
        let head = ImportHead {
            blog_id: self.blog_id,
            source: self.source,
            settings: self.settings,
            held_comment_mail: self.held_comment_mail,
            layout: self.layout,
        };
        let items = (self.posts.into_iter())
            .map(|p| ImportItem::Post(Box::new(p)))
            .chain(self.comments.into_iter().map(ImportItem::Comment))
            .chain(self.attachments.into_iter().map(ImportItem::Attachment))
            .chain((!self.gadgets.is_empty()).then_some(ImportItem::Gadgets(self.gadgets)))
            .chain([ImportItem::Done])
            .collect();
        (head, items)
    }
}

/// A post or page to import.
#[derive(Debug, Clone)]
pub struct ImportPost {
    /// Its id in the source, e.g. a Blogger post id or a WordPress `post_id`.
    pub external_id: String,
    /// The id it should keep here (a Blogger post id, so
    /// `/feeds/ID/comments/default` keeps working). When another blog already
    /// uses it, the post gets a fresh id instead.
    pub id: Option<i64>,
    pub kind: PostKind,
    pub title: String,
    pub slug: String,
    /// Where it is served. See `exact_path`.
    pub path: String,
    /// `true`: the path is its old public URL and must be kept, so a post
    /// already at that path is a conflict that fails the import. `false`: the
    /// path was made up here, and `-2`, `-3`… is added until it is free.
    pub exact_path: bool,
    pub body_markdown: Option<String>,
    pub body_html: String,
    /// What list pages show of it when the body has a jump break (see
    /// `tidings_render::teaser`); empty: the body.
    pub teaser_html: String,
    pub body_text: String,
    pub labels: Vec<String>,
    pub draft: bool,
    pub published_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub author_name: String,
    /// Names and e-mail addresses the source knew the author by (a WordPress
    /// login and e-mail, a Blogger name and e-mail): the first that equals,
    /// ignoring case, the e-mail or name of a member of the blog makes the
    /// post that member's, so it shows in their list and they may edit it.
    pub author_aliases: Vec<String>,
    /// Old addresses (path and query, e.g. `/about/` or `/?p=12`) that answer
    /// 301 with this post's path.
    pub redirects: Vec<String>,
    /// The `external_id` of its parent page (WordPress's `post_parent`).
    pub parent: Option<String>,
    /// Its place among its sibling pages, lowest first (`menu_order`).
    pub menu_order: i64,
    /// Shown first on page 1 of the home page, as WordPress shows it.
    pub sticky: bool,
    /// Blogger's search description, WordPress's excerpt, front matter's
    /// `description`; empty for none.
    pub description: String,
    /// Blogger's custom robots header tags said `noindex`.
    pub noindex: bool,
    /// Whether it takes comments and shows them (WordPress's
    /// `comment_status`, Blogger's reader comments setting).
    pub comments: tidings_core::PostComments,
    /// The Argon2id hash of the password readers must give; `None`: anyone
    /// reads it. An importer may hand over the password as its file gave it
    /// (WordPress's `post_password`): `tidings_app::import` hashes it before
    /// the store sees it.
    pub password_hash: Option<String>,
    /// Its featured image's address (WordPress's `_thumbnail_id`, resolved
    /// to its attachment); empty for none.
    pub featured_image: String,
    /// The `<img>` its page shows of it (`tidings_render::featured_image`);
    /// empty for none.
    pub featured_image_html: String,
}

/// A file the blog had: WordPress keeps each upload as an `attachment` item.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportAttachment {
    pub external_id: String,
    /// Where the file was (`wp:attachment_url`).
    pub url: String,
    pub title: String,
    /// The `external_id` of the post or page it was uploaded to.
    pub post: Option<String>,
    pub mime_type: Option<String>,
    pub uploaded_at: DateTime<Utc>,
    /// Where our copy is served (`/media/2011/07/img.jpg`), once fetched.
    pub local_path: Option<String>,
}

/// A comment to import.
#[derive(Debug, Clone)]
pub struct ImportComment {
    pub external_id: String,
    /// The id it should keep, so old `#cID` anchors still land on it.
    pub id: Option<i64>,
    /// The `external_id` of its post or page.
    pub post: String,
    /// The `external_id` of the comment it replies to.
    pub parent: Option<String>,
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_url: Option<String>,
    /// Plain text, as every comment body is stored.
    pub body: String,
    /// Its own markup within the comment allowlist, shown instead of `body`
    /// (`tidings_render::comment_markup`); empty for none.
    pub body_html: String,
    pub status: CommentStatus,
    /// Why it was held, as the comment queue shows it (empty for most).
    pub hold_reasons: String,
    pub created_at: DateTime<Utc>,
    /// Names and e-mail addresses the source knew the writer by, when it
    /// says one of the site's own people wrote it (WordPress's
    /// `comment_user_id`): the first that equals, ignoring case, the e-mail
    /// or name of a member of the blog makes the comment that member's, so
    /// its page marks it as the author's. Empty for a reader's comment.
    pub member_aliases: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub posts: u64,
    pub pages: u64,
    pub comments: u64,
    pub attachments: u64,
    /// Items an earlier import already brought in.
    pub already_there: u64,
    /// Comments whose post is in neither the file nor the blog.
    pub orphans: u64,
    /// The sidebar's gadgets the import stored (see `ImportBatch::layout`).
    pub gadgets: u64,
    /// Things a person may want to know (a reply whose parent is missing,
    /// an id that was taken), one line each.
    pub notes: Vec<String>,
}

/// The items of an import as its reader sends them.
pub type ImportItems = tokio::sync::mpsc::Receiver<ImportItem>;

impl Store {
    /// Writes the items `items` brings, as they come, into one transaction
    /// committed once [`ImportItem::Done`] comes: all of it, or (on any
    /// error, or when the sender goes without `Done`:
    /// [`crate::StoreError::Stopped`]) nothing; calling `progress` with the
    /// number of items written so far.
    ///
    /// On a SQLite file the transaction runs on a synchronous connection of
    /// its own (see [`crate::exec`]), as one job on tokio's blocking
    /// threads, like every other synchronous SQLite work.
    pub async fn import_stream(
        &self,
        head: ImportHead,
        mut items: ImportItems,
        progress: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<ImportReport> {
        let Some(file) = self.sqlite_file.clone() else {
            let mut tx = self.begin_write().await?;
            let report = self
                .import_in(&mut tx, &head, &mut items, &progress)
                .await?;
            tx.commit().await?;
            // Settings that changed the blog's language listed its posts.
            self.reindex_stale().await?;
            if let Some(tidy) = self.backend.after_bulk_load() {
                // The import is in; a tidy-up that fails leaves it so.
                if let Err(e) = self.execute(&Sql::new(tidy)).await {
                    tracing::warn!("after the import: {e}");
                }
            }
            return Ok(report);
        };
        let store = self.clone();
        let runtime = tokio::runtime::Handle::current();
        let job = tokio::task::spawn_blocking(move || {
            runtime.block_on(async {
                let mut tx = SqliteTx::begin(&file)?;
                let report = store
                    .import_in(&mut tx, &head, &mut items, &progress)
                    .await?;
                tx.commit()?;
                Ok(report)
            })
        });
        match job.await {
            Ok(result) => result,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => Err(crate::StoreError::Unavailable(Box::new(e))),
        }
    }

    async fn import_in(
        &self,
        tx: &mut impl Exec,
        head: &ImportHead,
        items: &mut ImportItems,
        progress: &(dyn Fn(u64) + Send + Sync),
    ) -> Result<ImportReport> {
        if let Some(settings) = &head.settings {
            // The settings an export carried (title, time zone, moderation…).
            crate::blogs::write_settings(tx, settings).await?;
        }
        // Read once what the checks below need, instead of a query per item.
        let seen = Seen::load(tx, head).await?;
        let mut run = Run::new(self.backend, head, seen, progress);
        let mut gadgets = Vec::new();
        loop {
            match items.recv().await {
                Some(ImportItem::Post(post)) => run.post(tx, &post).await?,
                Some(ImportItem::Comment(c)) => run.comment(tx, c).await?,
                Some(ImportItem::Attachment(a)) => run.attachment(a),
                Some(ImportItem::Gadgets(more)) => gadgets.extend(more),
                Some(ImportItem::Done) => break,
                None => return Err(crate::StoreError::Stopped),
            }
        }
        run.finish(tx).await?;
        crate::comments::recount_blog(tx, head.blog_id).await?;
        run.seen.flush(tx, head).await?;
        if !gadgets.is_empty() {
            crate::layout::add_gadgets(tx, head.blog_id, &gadgets).await?;
        }
        dialect::after_explicit_ids(self.backend, tx).await?;
        let mut report = run.report;
        if let Some(gadgets) = &head.layout {
            crate::layout::write_layout(tx, head.blog_id, gadgets).await?;
            report.gadgets = gadgets.len() as u64;
        }
        blogs::touch(tx, head.blog_id, crate::Scope::Blog).await?;
        if !head.held_comment_mail.is_empty() {
            report.notes.push(held_mail_note(tx, head).await?);
        }
        Ok(report)
    }

    /// The current path of the post an old address (path and query) moved
    /// to, when that post is visible at `now`.
    pub async fn redirect_target(
        &self,
        blog_id: i64,
        old_path: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let sql = Sql::new(
            "SELECT p.path AS path FROM redirects r JOIN posts p ON p.id = r.post_id \
             WHERE r.blog_id = $1 AND r.old_path = $2 AND p.status = 'published' \
             AND p.published_at <= $3",
        )
        .bind(blog_id)
        .bind(old_path)
        .bind(micros(now));
        self.read_optional(&sql, |r| r.try_get("path")).await
    }

    /// Old addresses of `blog_id` with the id of the post each leads to.
    pub async fn redirects(&self, blog_id: i64) -> Result<Vec<(String, i64)>> {
        let sql = Sql::new(
            "SELECT old_path, post_id FROM redirects WHERE blog_id = $1 ORDER BY old_path",
        )
        .bind(blog_id);
        self.read_all(&sql, |r| {
            Ok((r.try_get("old_path")?, r.try_get("post_id")?))
        })
        .await
    }
}

/// Gives held-comment mail to the members among the addresses the old blog
/// mailed, and says so.
async fn held_mail_note(tx: &mut impl Exec, head: &ImportHead) -> Result<String> {
    let named =
        crate::member_mail::mail_held_comments_to(tx, head.blog_id, &head.held_comment_mail)
            .await?;
    Ok(if named.is_empty() {
        format!(
            "held comments were mailed to {}, not members of this blog: each member's \
             held-comment mail is left as it was",
            head.held_comment_mail.join(", ")
        )
    } else {
        format!(
            "held comments are mailed to {} as the export says; other members no \
             longer (each may turn it on at /admin/mail)",
            named.join(", ")
        )
    })
}

/// Comments ordered so that every parent comes before its replies
/// (the order is otherwise kept). A cycle, which no real export has, is
/// broken by taking its members in file order.
fn parents_first(comments: &[ImportComment]) -> Vec<&ImportComment> {
    let index: HashMap<&str, usize> = comments
        .iter()
        .enumerate()
        .map(|(i, c)| (c.external_id.as_str(), i))
        .collect();
    let mut placed = vec![false; comments.len()];
    let mut out = Vec::with_capacity(comments.len());
    for start in 0..comments.len() {
        // Walk up to the oldest unplaced ancestor, then place downwards.
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            if placed[i] || chain.contains(&i) {
                break;
            }
            chain.push(i);
            at = comments[i]
                .parent
                .as_deref()
                .and_then(|p| index.get(p).copied());
        }
        for &i in chain.iter().rev() {
            placed[i] = true;
            out.push(&comments[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, parent: Option<&str>) -> ImportComment {
        ImportComment {
            external_id: id.into(),
            id: None,
            post: "p".into(),
            parent: parent.map(Into::into),
            author_name: "a".into(),
            author_email: None,
            author_url: None,
            body: "b".into(),
            body_html: String::new(),
            status: CommentStatus::Published,
            hold_reasons: String::new(),
            created_at: Utc::now(),
            member_aliases: Vec::new(),
        }
    }

    #[test]
    fn replies_come_after_their_parents() {
        let cs = [
            comment("c", Some("b")),
            comment("b", Some("a")),
            comment("a", None),
            comment("x", Some("missing")),
            comment("loop1", Some("loop2")),
            comment("loop2", Some("loop1")),
        ];
        let order: Vec<&str> = parents_first(&cs)
            .iter()
            .map(|c| c.external_id.as_str())
            .collect();
        assert_eq!(order, ["a", "b", "c", "x", "loop2", "loop1"]);
    }
}
