//! The blog's look as the store keeps it: the sidebar's gadgets (`gadgets`,
//! in order; none saved means the default sidebar), the featured posts they
//! show, and the owner's stylesheet.
//!
//! Pages read the layout as part of the blog's kept frame (`frame.rs`), so a
//! page costs no statement of its own for it; a saved layout or stylesheet
//! moves the blog's `changed_at`, which every node's frames and render
//! caches follow.

use chrono::{DateTime, Utc};
use tidings_core::gadget::{self, Gadget, Settings};

use crate::changes::Scope;
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, blogs, micros};

/// A blog's sidebar and stylesheet, as one frame of its pages shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Whether the owner saved a layout; `false`: the default one, which
    /// shows as the sidebar always did (lists with nothing in them hidden).
    pub saved: bool,
    pub gadgets: Vec<Gadget>,
    /// The hash naming the owner's stylesheet; empty when there is none.
    pub custom_css_hash: String,
}

/// A post a `featured_post` gadget shows, when readers may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeaturedLink {
    pub id: i64,
    pub title: String,
    pub path: String,
    pub body_html: String,
}

impl Store {
    /// The layout of `blog_id`: in one statement, the blog's row joined to
    /// its gadgets. A stored gadget this version cannot read is left out
    /// (and logged) rather than failing every page.
    pub async fn layout(&self, blog_id: i64) -> Result<Layout> {
        layout_from(self.read_all(&layout_sql(blog_id), layout_row).await?)
    }

    /// Replaces the sidebar of `blog_id` with `gadgets` (checked by the
    /// caller), in order, and answers them as stored. A gadget keeps its id
    /// when it names one of the blog's gadgets; any other gets a new one.
    pub async fn save_layout(&self, blog_id: i64, gadgets: &[Gadget]) -> Result<Vec<Gadget>> {
        let mut tx = self.begin_write().await?;
        let stored = write_layout(&mut tx, blog_id, gadgets).await?;
        blogs::touch(&mut tx, blog_id, Scope::Blog).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// The posts of `ids` readers may see at `now`, for the featured post
    /// gadgets of a frame (read only when a layout has one).
    pub(crate) async fn featured_posts(
        &self,
        blog_id: i64,
        ids: &[i64],
        now: DateTime<Utc>,
    ) -> Result<Vec<FeaturedLink>> {
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            let sql = Sql::new(
                "SELECT id, title, path, body_html FROM posts WHERE blog_id = $1 AND id = $2 \
                 AND status = 'published' AND published_at <= $3",
            )
            .bind(blog_id)
            .bind(id)
            .bind(micros(now));
            let post = self
                .read_optional(&sql, |r| {
                    Ok(FeaturedLink {
                        id: r.try_get("id")?,
                        title: r.try_get("title")?,
                        path: r.try_get("path")?,
                        body_html: r.try_get("body_html")?,
                    })
                })
                .await?;
            found.extend(post);
        }
        Ok(found)
    }

    /// The owner's stylesheet of `blog_id`, if its hash is `hash`: a name
    /// served once is never answered with another stylesheet.
    pub async fn custom_css(&self, blog_id: i64, hash: &str) -> Result<Option<String>> {
        let sql = Sql::new(
            "SELECT custom_css FROM blogs WHERE id = $1 AND custom_css_hash = $2 \
             AND custom_css_hash <> ''",
        )
        .bind(blog_id)
        .bind(hash);
        self.read_optional(&sql, |r| r.try_get::<String>("custom_css"))
            .await
    }

    /// The owner's stylesheet of `blog_id` as they wrote it (empty: none).
    pub async fn custom_css_source(&self, blog_id: i64) -> Result<String> {
        let sql = Sql::new("SELECT custom_css FROM blogs WHERE id = $1").bind(blog_id);
        self.read_one(&sql, |r| r.try_get::<String>("custom_css"))
            .await
    }

    /// Stores the owner's stylesheet and the hash that names it (both
    /// empty: none), dropping the blog's pages from every cache.
    pub async fn save_custom_css(&self, blog_id: i64, css: &str, hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        tx.execute(
            &Sql::new("UPDATE blogs SET custom_css = $2, custom_css_hash = $3 WHERE id = $1")
                .bind(blog_id)
                .bind(css)
                .bind(hash),
        )
        .await?;
        blogs::touch(&mut tx, blog_id, Scope::Blog).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Replaces the sidebar of `blog_id` with `gadgets` inside `tx` (a layout
/// saved on its own, or an import's): see [`Store::save_layout`]. The caller
/// records the change.
pub(crate) async fn write_layout(
    tx: &mut impl Exec,
    blog_id: i64,
    gadgets: &[Gadget],
) -> Result<Vec<Gadget>> {
    let ids = Sql::new("SELECT id FROM gadgets WHERE blog_id = $1").bind(blog_id);
    let existing = tx.fetch_all(&ids, |r| r.try_get::<i64>("id")).await?;
    tx.execute(&Sql::new("DELETE FROM gadgets WHERE blog_id = $1").bind(blog_id))
        .await?;
    let mut stored = Vec::with_capacity(gadgets.len());
    for (position, g) in (0_i64..).zip(gadgets) {
        let settings = g.settings.to_json().to_string();
        let id = match g.id.filter(|id| existing.contains(id)) {
            Some(id) => {
                let sql = Sql::new(
                    "INSERT INTO gadgets (id, blog_id, position, kind, title, settings) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id);
                tx.execute(&gadget_values(sql, blog_id, position, g, settings))
                    .await?;
                id
            }
            None => {
                let sql = Sql::new(
                    "INSERT INTO gadgets (blog_id, position, kind, title, settings) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                );
                let sql = gadget_values(sql, blog_id, position, g, settings);
                tx.fetch_one(&sql, |r| r.try_get::<i64>("id")).await?
            }
        };
        stored.push(Gadget {
            id: Some(id),
            ..g.clone()
        });
    }
    tx.execute(&Sql::new("UPDATE blogs SET layout_saved = 1 WHERE id = $1").bind(blog_id))
        .await?;
    Ok(stored)
}

/// Adds `gadgets` after the layout of `blog_id` (the default sidebar while
/// none was saved) within `tx`, each unless one of the same kind, title and
/// settings is already there, so importing the same file again adds nothing.
/// The caller records the change.
pub(crate) async fn add_gadgets(
    tx: &mut impl Exec,
    blog_id: i64,
    gadgets: &[Gadget],
) -> Result<()> {
    let rows = tx.fetch_all(&layout_sql(blog_id), layout_row).await?;
    let mut layout = layout_from(rows)?.gadgets;
    let before = layout.len();
    for g in gadgets {
        let same = |l: &Gadget| l.title == g.title && l.settings == g.settings;
        if layout.len() < gadget::MAX_GADGETS && !layout.iter().any(same) {
            layout.push(g.clone());
        }
    }
    if layout.len() > before {
        write_layout(tx, blog_id, &layout).await?;
    }
    Ok(())
}

/// The blog's row joined to its gadgets, in their order.
fn layout_sql(blog_id: i64) -> Sql {
    Sql::new(
        "SELECT b.layout_saved AS saved, b.custom_css_hash AS css, g.id AS id, g.kind AS kind, \
         g.title AS title, g.settings AS settings \
         FROM blogs b LEFT JOIN gadgets g ON g.blog_id = b.id WHERE b.id = $1 \
         ORDER BY g.position",
    )
    .bind(blog_id)
}

/// The layout the rows of [`layout_sql`] describe.
fn layout_from(rows: Vec<(bool, String, Option<Gadget>)>) -> Result<Layout> {
    let Some((saved, css, _)) = rows.first() else {
        return Err(StoreError::NotFound);
    };
    let (saved, custom_css_hash) = (*saved, css.clone());
    let gadgets = if saved {
        rows.into_iter().filter_map(|(_, _, g)| g).collect()
    } else {
        gadget::default_layout()
    };
    Ok(Layout {
        saved,
        gadgets,
        custom_css_hash,
    })
}

fn gadget_values(sql: Sql, blog_id: i64, position: i64, g: &Gadget, settings: String) -> Sql {
    sql.bind(blog_id)
        .bind(position)
        .bind(g.settings.kind())
        .bind(g.title.trim())
        .bind(settings)
}

/// One row of [`layout_sql`]: the blog's columns, and its gadget if any.
fn layout_row(row: &ReadRow) -> Result<(bool, String, Option<Gadget>)> {
    let saved = row.try_get::<i64>("saved")? != 0;
    let css: String = row.try_get("css")?;
    let Some(id) = row.try_get::<Option<i64>>("id")? else {
        return Ok((saved, css, None));
    };
    let kind: String = row.try_get("kind")?;
    let settings: String = row.try_get("settings")?;
    let parsed = serde_json::from_str(&settings)
        .map_err(|e| e.to_string())
        .and_then(|json| Settings::parse(&kind, json).map_err(|r| r.message));
    let gadget = match parsed {
        Ok(settings) => Some(Gadget {
            id: Some(id),
            title: row.try_get("title")?,
            settings,
        }),
        Err(e) => {
            tracing::warn!(gadget = id, kind, "a stored gadget left out: {e}");
            None
        }
    };
    Ok((saved, css, gadget))
}
