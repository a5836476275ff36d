//! Comments: storing submissions, threads for a post page, the moderation
//! queue, feeds, and the per-address counts that rate limits need.

use chrono::{DateTime, Utc};
use tidings_core::{Comment, CommentStatus};

use crate::blogs;
use crate::exec::Exec;
use crate::outbox::{self, NewMail};
use crate::reads::ReadRow;
use crate::reply_watches;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, from_micros, micros};

const SELECT_COMMENT: &str = "SELECT c.id, c.post_id, c.parent_id, c.author_name, c.author_url, \
     c.body, c.body_html, c.status, c.created_at, c.hold_reasons, c.author_email, c.ip, \
     c.user_id, p.title AS post_title, p.path AS post_path \
     FROM comments c JOIN posts p ON p.id = c.post_id";

/// A comment with the title and path of its post, as lists and feeds show it.
#[derive(Debug, Clone)]
pub struct CommentListing {
    pub comment: Comment,
    pub post_title: String,
    pub post_path: String,
    /// What the commenter gave as their email, and the address they sent it
    /// from: for the people who moderate it, never for readers.
    pub author_email: Option<String>,
    pub ip: String,
}

fn listing_from_row(row: &ReadRow) -> Result<CommentListing> {
    Ok(CommentListing {
        comment: Comment {
            id: row.try_get("id")?,
            post_id: row.try_get("post_id")?,
            parent_id: row.try_get("parent_id")?,
            author_name: row.try_get("author_name")?,
            author_url: row.try_get("author_url")?,
            body: row.try_get("body")?,
            body_html: row.try_get("body_html")?,
            status: row
                .try_get::<String>("status")?
                .parse()
                .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
            created_at: from_micros(row.try_get("created_at")?)?,
            hold_reasons: row.try_get("hold_reasons")?,
            by_member: row.try_get::<Option<i64>>("user_id")?.is_some(),
        },
        post_title: row.try_get("post_title")?,
        post_path: row.try_get("post_path")?,
        author_email: row.try_get("author_email")?,
        ip: row.try_get("ip")?,
    })
}

/// A comment to store, with the verdict already reached.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub blog_id: i64,
    pub post_id: i64,
    pub parent_id: Option<i64>,
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_url: Option<String>,
    pub body: String,
    pub status: CommentStatus,
    pub hold_reasons: String,
    pub ip: String,
    pub created_at: DateTime<Utc>,
    /// The member of the blog who wrote it, if one did: their comments are
    /// marked as the author's.
    pub user_id: Option<i64>,
    /// Mail to queue, in the insert's transaction, when the comment is held
    /// (`Pending`): each about this comment (its `subject_id` and `event`
    /// are set to the new comment's id and `comment:ID:held`).
    pub mail_if_held: Vec<NewMail>,
    /// The commenter asks to be told of replies (mail is on and they gave
    /// an address): a watch and its confirmation mail are written with the
    /// comment, unless it is taken for spam.
    pub watch_replies: bool,
}

/// Which comments a list shows.
#[derive(Debug, Clone)]
pub struct CommentFilter {
    pub blog_id: i64,
    pub post_id: Option<i64>,
    pub status: Option<CommentStatus>,
    pub limit: u32,
    pub offset: u32,
}

/// Which comments a public list (the comment feeds) shows: of a blog, or of
/// one of its posts, what readers see at `now` ([`readers_see`]).
#[derive(Debug, Clone)]
pub struct VisibleComments {
    pub blog_id: i64,
    pub post_id: Option<i64>,
    pub now: DateTime<Utc>,
    pub limit: u32,
    pub offset: u32,
}

/// `WHERE` for comments of `blog_id`, of `post_id` alone when one is named.
/// A post's comments are found through its own index: SQLite, left to
/// choose, took the blog's (also in date order, so no sort either way) and
/// walked every comment of the blog for each post's feed, 0.25 s for one
/// post among 50,000 comments. `+` keeps the blog's test off any index.
fn blog_and_post(sql: &mut Sql, blog_id: i64, post_id: Option<i64>) {
    match post_id {
        Some(post) => sql
            .int(" WHERE +c.blog_id = ", blog_id)
            .int(" AND c.post_id = ", post),
        None => sql.int(" WHERE c.blog_id = ", blog_id),
    };
}

impl VisibleComments {
    fn where_clause(&self, sql: &mut Sql) {
        blog_and_post(sql, self.blog_id, self.post_id);
        readers_see(sql, self.now);
        // A feed is the same for every reader: a protected post's comments
        // are only on its page, once the password opened it.
        sql.push(" AND p.password_hash IS NULL");
    }

    /// The page of comments asked for, newest first.
    pub(crate) fn list_sql(&self) -> Sql {
        let mut sql = Sql::new(SELECT_COMMENT);
        self.where_clause(&mut sql);
        newest_first(&mut sql, self.limit, self.offset);
        sql
    }

    /// How many there are.
    pub(crate) fn count_sql(&self) -> Sql {
        let mut sql =
            Sql::new("SELECT COUNT(*) AS n FROM comments c JOIN posts p ON p.id = c.post_id");
        self.where_clause(&mut sql);
        sql
    }
}

impl CommentFilter {
    fn where_clause(&self, sql: &mut Sql) {
        blog_and_post(sql, self.blog_id, self.post_id);
        if let Some(status) = self.status {
            sql.text(" AND c.status = ", status.as_str());
        }
    }
}

/// Newest first, the page from `offset` of `limit` comments.
fn newest_first(sql: &mut Sql, limit: u32, offset: u32) {
    sql.push(" ORDER BY c.created_at DESC, c.id DESC")
        .int(" LIMIT ", i64::from(limit))
        .int(" OFFSET ", i64::from(offset));
}

/// The one rule for which comments readers see, for a query of comments `c`
/// joined with their posts `p`: published, on a post readers see at `now`
/// (published and its time come, as `PostFilter::visible` has it). A
/// comment on a draft, a scheduled post or an imported private one stays
/// out of every public page, feed and static render until its post shows.
fn readers_see(sql: &mut Sql, now: DateTime<Utc>) {
    sql.push(" AND c.status = 'published' AND p.status = 'published' AND p.comments <> 'hidden'")
        .int(" AND p.published_at <= ", micros(now));
}

impl Store {
    /// Stores a comment. A reply names a parent on the same post, or it is
    /// refused as not found.
    pub async fn insert_comment(&self, c: &NewComment) -> Result<Comment> {
        let mut tx = self.begin_write().await?;
        if let Some(parent) = c.parent_id {
            let found = tx
                .fetch_optional(
                    &Sql::new("SELECT id FROM comments WHERE id = $1 AND post_id = $2")
                        .bind(parent)
                        .bind(c.post_id),
                    |r| r.try_get::<i64>("id"),
                )
                .await?;
            if found.is_none() {
                return Err(StoreError::NotFound);
            }
        }
        let at = micros(c.created_at);
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO comments (blog_id, post_id, parent_id, author_name, author_email, \
                     author_url, body, status, hold_reasons, ip, created_at, updated_at, user_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
                )
                .bind(c.blog_id)
                .bind(c.post_id)
                .bind(c.parent_id)
                .bind(&c.author_name)
                .bind(c.author_email.as_deref())
                .bind(c.author_url.as_deref())
                .bind(&c.body)
                .bind(c.status.as_str())
                .bind(&c.hold_reasons)
                .bind(&c.ip)
                .bind(at)
                .bind(c.user_id),
                |r| r.try_get::<i64>("id"),
            )
            .await?;
        let mut queued = 0;
        if c.status == CommentStatus::Published {
            recount(&mut tx, c.post_id).await?;
            blogs::touch(&mut tx, c.blog_id, crate::Scope::Comments(c.post_id)).await?;
            queued += reply_watches::queue_replies(&mut tx, id, c.created_at).await?;
        }
        if let Some(email) = c.author_email.as_deref().filter(|_| c.watch_replies)
            && c.status != CommentStatus::Spam
        {
            let email = email.trim().to_lowercase();
            queued += reply_watches::watch(&mut tx, c.blog_id, id, &email, c.created_at).await?;
        }
        if c.status == CommentStatus::Pending {
            let mail: Vec<NewMail> = c
                .mail_if_held
                .iter()
                .map(|m| NewMail {
                    subject_id: id,
                    event: format!("comment:{id}:held"),
                    ..m.clone()
                })
                .collect();
            queued += outbox::queue(&mut tx, &mail, c.created_at).await?;
        }
        tx.commit().await?;
        self.mail_queued(queued);
        Ok(Comment {
            id,
            post_id: c.post_id,
            parent_id: c.parent_id,
            author_name: c.author_name.clone(),
            author_url: c.author_url.clone(),
            body: c.body.clone(),
            body_html: String::new(),
            status: c.status,
            created_at: c.created_at,
            hold_reasons: c.hold_reasons.clone(),
            by_member: c.user_id.is_some(),
        })
    }

    /// Comments matching `f`, newest first.
    pub async fn list_comments(&self, f: &CommentFilter) -> Result<Vec<CommentListing>> {
        let mut sql = Sql::new(SELECT_COMMENT);
        f.where_clause(&mut sql);
        newest_first(&mut sql, f.limit, f.offset);
        self.read_all(&sql, listing_from_row).await
    }

    pub async fn count_comments(&self, f: &CommentFilter) -> Result<i64> {
        let mut sql = Sql::new("SELECT COUNT(*) AS n FROM comments c");
        f.where_clause(&mut sql);
        self.count(&sql).await
    }

    /// What readers see of `f`'s comments, newest first: the comment feeds.
    pub async fn visible_comments(&self, f: &VisibleComments) -> Result<Vec<CommentListing>> {
        self.read_all(&f.list_sql(), listing_from_row).await
    }

    /// How many comments [`Store::visible_comments`] pages through.
    pub async fn count_visible_comments(&self, f: &VisibleComments) -> Result<i64> {
        self.count(&f.count_sql()).await
    }

    async fn count(&self, sql: &Sql) -> Result<i64> {
        let n = self.read_optional(sql, |r| r.try_get("n")).await?;
        n.ok_or_else(|| StoreError::Corrupt("COUNT(*) returned no row".into()))
    }

    pub async fn comment_by_id(&self, blog_id: i64, id: i64) -> Result<CommentListing> {
        let mut sql = Sql::new(SELECT_COMMENT);
        sql.int(" WHERE c.id = ", id)
            .int(" AND c.blog_id = ", blog_id);
        self.read_one(&sql, listing_from_row).await
    }

    /// Whether a published comment on `blog_id` has this name and email
    /// address (the address in any case): first-time moderation trusts
    /// such a commenter.
    pub async fn approved_commenter(&self, blog_id: i64, name: &str, email: &str) -> Result<bool> {
        let sql = Sql::new(
            "SELECT id FROM comments WHERE blog_id = $1 AND author_name = $2 \
             AND LOWER(author_email) = $3 AND status = 'published' LIMIT 1",
        )
        .bind(blog_id)
        .bind(name)
        .bind(email.to_lowercase());
        Ok(self
            .read_optional(&sql, |r| r.try_get::<i64>("id"))
            .await?
            .is_some())
    }

    /// How many comments `ip` sent since `since`, whatever became of them:
    /// the rate limit counts attempts, and holds across nodes.
    pub async fn comments_from_ip_since(&self, ip: &str, since: DateTime<Utc>) -> Result<i64> {
        let sql = Sql::new("SELECT COUNT(*) AS n FROM comments WHERE ip = $1 AND created_at >= $2")
            .bind(ip)
            .bind(micros(since));
        self.read_one(&sql, |r| r.try_get("n")).await
    }

    /// When `ip` sent its oldest comment since `since`, to say when it may send again.
    pub async fn oldest_comment_from_ip_since(
        &self,
        ip: &str,
        since: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        let sql = Sql::new(
            "SELECT MIN(created_at) AS t FROM comments WHERE ip = $1 AND created_at >= $2",
        )
        .bind(ip)
        .bind(micros(since));
        self.read_one(&sql, |r| r.try_get::<Option<i64>>("t"))
            .await?
            .map(from_micros)
            .transpose()
    }
}

/// Sets `post_id`'s kept count of published comments from its comments, in
/// the transaction that changed one: a count, never an increment, so it
/// cannot drift whatever the change was.
pub(crate) async fn recount(tx: &mut impl Exec, post_id: i64) -> Result<()> {
    tx.execute(
        &Sql::new(
            "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments c \
             WHERE c.post_id = $1 AND c.status = 'published') WHERE id = $1",
        )
        .bind(post_id),
    )
    .await?;
    Ok(())
}

/// [`recount`] for every post of `blog_id`: after an import.
pub(crate) async fn recount_blog(tx: &mut impl Exec, blog_id: i64) -> Result<()> {
    tx.execute(
        &Sql::new(
            "UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments c \
             WHERE c.post_id = posts.id AND c.status = 'published') WHERE blog_id = $1",
        )
        .bind(blog_id),
    )
    .await?;
    Ok(())
}
