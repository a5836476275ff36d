//! What an import checks against, read once when its transaction starts:
//! the items earlier imports brought in, the blog's taken paths and ids, its
//! members; kept up to date as the import writes.

use std::collections::{HashMap, HashSet};

use super::{ImportHead, ImportPost};
use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, StoreError};

/// What the checks of an import need, read once when its transaction starts
/// and kept up to date as it writes, so that each item costs its own inserts
/// and no look-ups: which items earlier imports brought in (and this one
/// has), which paths of the blog are taken, who its members are. Rows of
/// `imported_items` are written together at the end.
pub(super) struct Seen {
    /// (kind, external id) → local id, for this blog and source.
    pub(super) imported: HashMap<(String, String), i64>,
    pub(super) paths: HashSet<String>,
    /// Members of the blog (id, e-mail, name), whom imported authors may be.
    pub(super) members: Vec<(i64, String, String)>,
    /// Aliases already found to be a member, each told once.
    pub(super) matched: HashSet<String>,
    /// The old site's users whose comments found no member, each told once.
    pub(super) strangers: HashSet<String>,
    /// `imported_items` rows still to write: (kind, external id, local id).
    pub(super) pending: Vec<(&'static str, String, i64)>,
}

/// `imported_items` rows per `INSERT` (5 values each).
const ROWS_PER_INSERT: usize = 200;

impl Seen {
    pub(super) async fn load(tx: &mut impl Exec, head: &ImportHead) -> Result<Self> {
        let mut imported = HashMap::new();
        let rows = tx
            .fetch_all(
                &Sql::new(
                    "SELECT kind, external_id, local_id FROM imported_items \
                     WHERE blog_id = $1 AND source = $2",
                )
                .bind(head.blog_id)
                .bind(head.source),
                |r| {
                    Ok((
                        (r.try_get("kind")?, r.try_get("external_id")?),
                        r.try_get("local_id")?,
                    ))
                },
            )
            .await?;
        imported.extend(rows);
        let paths = tx
            .fetch_all(
                &Sql::new("SELECT path FROM posts WHERE blog_id = $1").bind(head.blog_id),
                |r| r.try_get::<String>("path"),
            )
            .await?
            .into_iter()
            .collect();
        let members = tx
            .fetch_all(
                &Sql::new(
                    "SELECT u.id, u.email, u.name FROM users u \
                     JOIN memberships m ON m.user_id = u.id WHERE m.blog_id = $1 ORDER BY u.id",
                )
                .bind(head.blog_id),
                |r| Ok((r.try_get("id")?, r.try_get("email")?, r.try_get("name")?)),
            )
            .await?;
        Ok(Self {
            imported,
            paths,
            members,
            matched: HashSet::new(),
            strangers: HashSet::new(),
            pending: Vec::new(),
        })
    }

    /// The member (id, name) an author with these aliases is: the first
    /// alias that equals, ignoring case, a member's e-mail or name.
    pub(super) fn member(&self, aliases: &[String]) -> Option<(i64, String, String)> {
        aliases.iter().find_map(|alias| {
            let alias = alias.trim();
            self.members
                .iter()
                .find(|(_, email, name)| {
                    !alias.is_empty()
                        && (email.eq_ignore_ascii_case(alias)
                            || name.trim().to_lowercase() == alias.to_lowercase())
                })
                .map(|(id, _, name)| (*id, name.clone(), alias.to_owned()))
        })
    }

    /// The local id an earlier import (or this one) gave `external_id`.
    pub(super) fn known(&self, kind: &str, external_id: &str) -> Option<i64> {
        self.imported
            .get(&(kind.to_owned(), external_id.to_owned()))
            .copied()
    }

    pub(super) fn remember(&mut self, kind: &'static str, external_id: &str, local_id: i64) {
        self.imported
            .insert((kind.to_owned(), external_id.to_owned()), local_id);
        self.pending.push((kind, external_id.to_owned(), local_id));
    }

    /// Writes the remembered `imported_items` rows.
    pub(super) async fn flush(&mut self, tx: &mut impl Exec, head: &ImportHead) -> Result<()> {
        for rows in self.pending.chunks(ROWS_PER_INSERT) {
            let mut sql = Sql::new(
                "INSERT INTO imported_items (blog_id, source, kind, external_id, local_id) VALUES ",
            );
            for (i, (kind, external_id, local_id)) in rows.iter().enumerate() {
                sql.int(if i == 0 { "(" } else { ", (" }, head.blog_id)
                    .text(", ", head.source)
                    .text(", ", kind)
                    .text(", ", external_id)
                    .int(", ", *local_id)
                    .push(")");
            }
            tx.execute(&sql).await?;
        }
        self.pending.clear();
        Ok(())
    }
}

/// A free path for `post`: its own, or (when it may move) the first of
/// `stem-2.html`, `stem-3.html`… that no post holds.
pub(super) fn free_path(seen: &Seen, post: &ImportPost) -> Result<(String, String)> {
    if !seen.paths.contains(&post.path) {
        return Ok((post.path.clone(), post.slug.clone()));
    }
    if post.exact_path {
        return Err(StoreError::Conflict(format!(
            "{} is already the address of another post of this blog, so {:?} cannot keep it",
            post.path, post.title
        )));
    }
    use tidings_core::suffix::{alternatives, slug_alternatives};
    let mut both = alternatives(&post.path).zip(slug_alternatives(&post.slug));
    Ok(both
        .find(|(path, _)| !seen.paths.contains(path))
        .expect("some suffix is free"))
}
