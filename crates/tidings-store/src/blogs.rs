//! Blogs and their settings.

use chrono::Utc;
use tidings_core::BlogSettings;

use crate::changes::{self, Scope};
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, conflict_or, from_micros, micros};

/// Who a new blog belongs to from its first moment.
#[derive(Debug, Clone, Copy)]
pub enum NewOwner<'a> {
    /// This account, made its admin.
    Admin(i64),
    /// Whoever opens the setup link with this hash (SHA-256 of its secret),
    /// limited to `email` when it names one.
    SetupLink {
        token_hash: &'a str,
        email: Option<&'a str>,
    },
}

/// A query selecting blogs, ready for its `WHERE` clause.
fn select_blogs() -> Sql {
    let mut sql = Sql::new("SELECT ");
    sql.push(COLUMNS).push(" FROM blogs");
    sql
}

const COLUMNS: &str = "id, host, title, description, timezone, posts_per_page, comments_allowed, \
     comment_moderation, moderation_days, comment_min_seconds, language, robots_txt, changed_at, \
     default_comments, feed_content, share_image, theme, favicon, header_image, \
     header_image_placement, header_image_width, header_image_height, header_image_srcset";

fn blog_from_row(row: &ReadRow) -> Result<BlogSettings> {
    let corrupt = |e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string());
    let uint = |name: &str| -> Result<u32> {
        let v: i64 = row.try_get(name)?;
        u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("{name} {v}")))
    };
    Ok(BlogSettings {
        id: row.try_get("id")?,
        host: row.try_get("host")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        timezone: tidings_core::parse_timezone(&row.try_get::<String>("timezone")?)
            .map_err(corrupt)?,
        posts_per_page: uint("posts_per_page")?,
        comments_allowed: row
            .try_get::<String>("comments_allowed")?
            .parse()
            .map_err(corrupt)?,
        comment_moderation: row
            .try_get::<String>("comment_moderation")?
            .parse()
            .map_err(corrupt)?,
        moderation_days: uint("moderation_days")?,
        comment_min_seconds: uint("comment_min_seconds")?,
        language: row.try_get("language")?,
        robots_txt: row.try_get("robots_txt")?,
        share_image: row.try_get("share_image")?,
        theme: row.try_get("theme")?,
        favicon: row.try_get("favicon")?,
        header_image: tidings_core::HeaderImage {
            address: row.try_get("header_image")?,
            placement: row
                .try_get::<String>("header_image_placement")?
                .parse()
                .map_err(corrupt)?,
            width: uint("header_image_width")?,
            height: uint("header_image_height")?,
            srcset: row.try_get("header_image_srcset")?,
        },
        feed_content: row
            .try_get::<String>("feed_content")?
            .parse()
            .map_err(corrupt)?,
        default_comments: row
            .try_get::<String>("default_comments")?
            .parse()
            .map_err(corrupt)?,
        changed_at: from_micros(row.try_get("changed_at")?)?,
    })
}

/// Records that something readers see on `blog_id` changed (`scope` says
/// what, for the render caches: see [`changes`]), inside the transaction that
/// changed it.
///
/// HTTP dates have whole seconds, so every change moves `changed_at` into a
/// second of its own (now, or the second after the previous change): two
/// changes never share a `Last-Modified`, and a conditional GET can never be
/// told "not modified" about a change made in the same second it last saw.
///
/// The blog's row is locked (by its `UPDATE`) before the change log's
/// table: a transaction that changes the blog's own settings holds that row
/// from its first statement, and taking the two the other way round here
/// let a post's save and a settings change wait for each other (PostgreSQL
/// found the deadlock under the API sweep and failed one of them).
pub(crate) async fn touch(tx: &mut impl Exec, blog_id: i64, scope: Scope) -> Result<()> {
    tx.execute(
        &Sql::new(
            "UPDATE blogs SET changed_at = CASE \
             WHEN $2 >= (changed_at / 1000000 + 1) * 1000000 THEN $2 \
             ELSE (changed_at / 1000000 + 1) * 1000000 END \
             WHERE id = $1",
        )
        .bind(blog_id)
        .bind(micros(Utc::now())),
    )
    .await?;
    changes::record(tx, blog_id, scope).await
}

impl Store {
    /// Creates a blog with a new blog's settings (`BlogSettings::new`). A
    /// new blog holds a commenter's first comment for the owner
    /// (`first_time`); blogs made before that was the default keep the
    /// setting they had.
    pub async fn create_blog(&self, host: &str, title: &str) -> Result<BlogSettings> {
        self.create_blog_owned(host, title, None).await
    }

    /// Adds a blog at `host` and, in the same transaction, gives it its
    /// owner: an account made its admin, or a setup link that makes one.
    pub async fn create_blog_owned(
        &self,
        host: &str,
        title: &str,
        owner: Option<NewOwner<'_>>,
    ) -> Result<BlogSettings> {
        let now = micros(Utc::now());
        let mut tx = self.begin_write().await?;
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO blogs (host, title, created_at, updated_at) \
                     VALUES ($1, $2, $3, $3) RETURNING id",
                )
                .bind(host)
                .bind(title)
                .bind(now),
                |r| r.try_get::<i64>("id"),
            )
            .await
            .map_err(|e| conflict_or(e, "a blog with that host already exists"))?;
        write_settings(&mut tx, &BlogSettings::new(id, host, title)).await?;
        match owner {
            Some(NewOwner::Admin(user_id)) => {
                tx.execute(
                    &Sql::new(
                        "INSERT INTO memberships (blog_id, user_id, role) VALUES ($1, $2, 'admin')",
                    )
                    .bind(id)
                    .bind(user_id),
                )
                .await?;
            }
            Some(NewOwner::SetupLink { token_hash, email }) => {
                crate::sessions::insert_setup_token(&mut tx, token_hash, Some(id), email).await?;
            }
            None => {}
        }
        // Until now the host was served the default blog (unless hosts are
        // strict): pages cached for it are stale. (Its `changed_at` is its
        // creation time already.)
        changes::record(&mut tx, id, Scope::Blog).await?;
        tx.commit().await?;
        self.blog_by_id(id).await
    }

    pub async fn blog_by_id(&self, id: i64) -> Result<BlogSettings> {
        let mut sql = select_blogs();
        sql.int(" WHERE id = ", id);
        self.read_one(&sql, blog_from_row).await
    }

    /// The blog serving `host`, if any.
    pub async fn blog_by_host(&self, host: &str) -> Result<Option<BlogSettings>> {
        let mut sql = select_blogs();
        sql.text(" WHERE host = ", host);
        self.read_optional(&sql, blog_from_row).await
    }

    /// The blog serving `host`, else the first blog created (the one unknown
    /// hosts are served), with whether it is that fallback. One statement:
    /// every page of a blog reached by another name (an address, a
    /// proxy's) asks it.
    pub(crate) async fn blog_by_host_or_default(
        &self,
        host: &str,
    ) -> Result<Option<(BlogSettings, bool)>> {
        let mut sql = Sql::new("SELECT ");
        // `text` binds `host` as `$1`, which the rest names again.
        sql.push(COLUMNS)
            .text(", CAST(CASE WHEN host = ", host)
            .push(
                " THEN 0 ELSE 1 END AS BIGINT) AS fallback FROM blogs \
                 WHERE host = $1 OR id = (SELECT MIN(id) FROM blogs) ORDER BY fallback LIMIT 1",
            );
        self.read_optional(&sql, |row| {
            Ok((blog_from_row(row)?, row.try_get::<i64>("fallback")? == 1))
        })
        .await
    }

    /// The first blog created: the one unknown hosts are served.
    pub async fn default_blog(&self) -> Result<Option<BlogSettings>> {
        let mut sql = select_blogs();
        sql.push(" ORDER BY id LIMIT 1");
        self.read_optional(&sql, blog_from_row).await
    }

    pub async fn list_blogs(&self) -> Result<Vec<BlogSettings>> {
        let mut sql = select_blogs();
        sql.push(" ORDER BY id");
        self.read_all(&sql, blog_from_row).await
    }

    /// The blogs where `user_id` has a role, oldest first.
    pub async fn blogs_of_member(&self, user_id: i64) -> Result<Vec<BlogSettings>> {
        let mut sql = select_blogs();
        sql.int(
            " WHERE id IN (SELECT blog_id FROM memberships WHERE user_id = ",
            user_id,
        )
        .push(") ORDER BY id");
        self.read_all(&sql, blog_from_row).await
    }

    /// Stores every setting of `blog` (validated by the caller).
    pub async fn update_blog(&self, blog: &BlogSettings) -> Result<()> {
        let mut tx = self.begin_write().await?;
        if write_settings(&mut tx, blog).await? == 0 {
            return Err(StoreError::NotFound);
        }
        touch(&mut tx, blog.id, Scope::Blog).await?;
        tx.commit().await?;
        self.reindex_stale().await
    }
}

/// Writes every setting of `blog` inside a caller's transaction (the admin,
/// the API and imports all change settings this way); answers rows changed.
pub(crate) async fn write_settings(tx: &mut impl Exec, blog: &BlogSettings) -> Result<u64> {
    crate::dialect::restem_on_new_language(tx, blog.id, &blog.language).await?;
    tx.execute(
        &Sql::new(
            "UPDATE blogs SET title = $2, description = $3, timezone = $4, posts_per_page = $5, \
             comments_allowed = $6, comment_moderation = $7, moderation_days = $8, \
             comment_min_seconds = $9, updated_at = $10, language = $11, robots_txt = $12, \
             default_comments = $13, feed_content = $14, share_image = $15, \
             theme = $16, favicon = $17, header_image = $18, header_image_placement = $19, \
             header_image_width = $20, header_image_height = $21, header_image_srcset = $22 \
             WHERE id = $1",
        )
        .bind(blog.id)
        .bind(&blog.title)
        .bind(&blog.description)
        .bind(blog.timezone.name())
        .bind(i64::from(blog.posts_per_page))
        .bind(blog.comments_allowed.as_str())
        .bind(blog.comment_moderation.as_str())
        .bind(i64::from(blog.moderation_days))
        .bind(i64::from(blog.comment_min_seconds))
        .bind(micros(Utc::now()))
        .bind(&blog.language)
        .bind(&blog.robots_txt)
        .bind(blog.default_comments.as_str())
        .bind(blog.feed_content.as_str())
        .bind(&blog.share_image)
        .bind(&blog.theme)
        .bind(&blog.favicon)
        .bind(&blog.header_image.address)
        .bind(blog.header_image.placement.as_str())
        .bind(i64::from(blog.header_image.width))
        .bind(i64::from(blog.header_image.height))
        .bind(&blog.header_image.srcset),
    )
    .await
}
