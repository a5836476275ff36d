//! Everything that differs between SQLite and PostgreSQL, in one place.

use crate::exec::Exec;
use crate::sql::{Arg, Sql};
use crate::{Result, StoreError};

/// Which database a [`crate::Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            Err(StoreError::Corrupt(format!(
                "database URL must start with sqlite: or postgres://, not {:?}",
                url.split(':').next().unwrap_or("")
            )))
        }
    }

    /// SQLite writes one at a time, so a few connections suffice; PostgreSQL
    /// serves many nodes and gets a larger share.
    pub(crate) fn max_connections(self) -> u32 {
        match self {
            Self::Sqlite => 8,
            Self::Postgres => 16,
        }
    }

    /// Statements run on every new connection. For SQLite: WAL so readers never
    /// wait for the writer, `synchronous=FULL` so an acknowledged write survives
    /// power loss, foreign keys on, and a busy timeout instead of instant errors.
    pub(crate) fn connection_setup(self) -> &'static [&'static str] {
        match self {
            Self::Sqlite => &[
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 10000",
                // Read the file through a shared mapping instead of copying
                // each page into every connection's small page cache.
                "PRAGMA mmap_size = 268435456",
            ],
            Self::Postgres => &["SET TIME ZONE 'UTC'"],
        }
    }

    /// How a read-only transaction that must see one snapshot begins:
    /// SQLite's deferred transaction reads one snapshot from its first read;
    /// PostgreSQL needs REPEATABLE READ for that (READ COMMITTED takes a new
    /// snapshot per statement).
    pub(crate) fn begin_snapshot(self) -> &'static str {
        match self {
            Self::Sqlite => "BEGIN",
            Self::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }

    /// How a transaction that will write begins. SQLite must take the write
    /// lock up front (`IMMEDIATE`): a deferred transaction that reads first and
    /// then writes can fail with SQLITE_BUSY instead of waiting.
    pub(crate) fn begin_write(self) -> &'static str {
        match self {
            Self::Sqlite => "BEGIN IMMEDIATE",
            Self::Postgres => "BEGIN",
        }
    }

    /// A statement that holds a lock named by `$1` until the write
    /// transaction ends, so that transactions about one name run one at a
    /// time on every node: a transaction-scoped advisory lock on PostgreSQL;
    /// none on SQLite, whose `BEGIN IMMEDIATE` already runs every write
    /// transaction alone.
    pub(crate) fn lock_name(self) -> Option<&'static str> {
        match self {
            Self::Sqlite => None,
            // Wrapped so the row is an integer: the `Any` driver has no `void`.
            Self::Postgres => Some(
                "SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l",
            ),
        }
    }

    /// The migration folder of this backend.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// Turns what a reader typed into a full-text query that cannot be a syntax
/// error: each word becomes a quoted term, all terms must match. Words are
/// letters and digits only, so no operator or quote survives.
pub(crate) fn search_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// Marks around matched words in snippets. Control characters do not occur
/// in indexed text (`html_to_text` drops them), so the web layer can escape
/// the snippet and then turn these into `<mark>` elements; it pairs them,
/// as text stored before that rule may hold them.
pub const MATCH_START: char = '\u{2}';
pub const MATCH_END: char = '\u{3}';

/// The whole full-text query: `columns` (which select posts `p`) plus a
/// `snippet` column whose matches are wrapped in [`MATCH_START`] and
/// [`MATCH_END`], for the `limit` best visible posts of `blog_id`, best first.
///
/// Ranking runs in a subquery that keeps only the ids of the best `limit`
/// posts; the outer query makes snippets for those alone. Making a snippet
/// for every match before the sort cost most of a search's time.
pub(crate) fn search(
    backend: Backend,
    columns: &'static str,
    fts: &str,
    blog_id: i64,
    now_micros: i64,
    limit: u32,
) -> Sql {
    let mut sql = Sql::new(columns);
    let visible = |sql: &mut Sql, p: &'static str| {
        match p {
            "p" => sql
                .int(" AND p.blog_id = ", blog_id)
                .push(" AND p.kind = 'post' AND p.status = 'published'")
                .int(" AND p.published_at <= ", now_micros),
            _ => sql
                .int(" AND q.blog_id = ", blog_id)
                .push(" AND q.kind = 'post' AND q.status = 'published'")
                .int(" AND q.published_at <= ", now_micros),
        };
    };
    match backend {
        Backend::Sqlite => {
            sql.push(
                ", snippet(posts_fts, 1, char(2), char(3), '…', 24) AS snippet \
                 FROM posts p JOIN posts_fts ON posts_fts.rowid = p.id",
            )
            .text(" WHERE posts_fts MATCH ", fts)
            // The inner `posts_fts` is the subquery's own (SQLite resolves
            // names innermost first); FTS5 functions take the table's name.
            // CROSS JOIN keeps the full-text match the outer loop: left to
            // choose, SQLite walked the visible posts and ran the match once
            // for each (300 ms instead of 9 on 1,000 posts).
            .push(" AND p.id IN (SELECT posts_fts.rowid FROM posts_fts CROSS JOIN posts q ON q.id = posts_fts.rowid")
            .text(" WHERE posts_fts MATCH ", fts);
            visible(&mut sql, "q");
            sql.push(" ORDER BY bm25(posts_fts, 4.0, 1.0), q.published_at DESC")
                .int(" LIMIT ", i64::from(limit))
                .push(") ORDER BY bm25(posts_fts, 4.0, 1.0), p.published_at DESC");
        }
        Backend::Postgres => {
            sql.text(
                ", ts_headline('simple', p.body_text, to_tsquery('simple', ",
                fts,
            )
            .push(
                "), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || \
                     ', MaxWords=24, MinWords=12') AS snippet FROM posts p",
            )
            .push(" WHERE p.id IN (SELECT q.id FROM posts q")
            .text(" WHERE q.search @@ to_tsquery('simple', ", fts)
            .push(")");
            visible(&mut sql, "q");
            sql.text(" ORDER BY ts_rank(q.search, to_tsquery('simple', ", fts)
                .push(")) DESC, q.published_at DESC")
                .int(" LIMIT ", i64::from(limit))
                .text(") ORDER BY ts_rank(p.search, to_tsquery('simple', ", fts)
                .push(")) DESC, p.published_at DESC");
        }
    }
    sql
}

/// The terms as this backend's query language: FTS5 `"a" "b"`, tsquery `a & b`.
pub(crate) fn search_query(backend: Backend, terms: &[String]) -> String {
    match backend {
        Backend::Sqlite => terms
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(" "),
        Backend::Postgres => terms
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(" & "),
    }
}

/// Keeps SQLite's separate FTS table in step with a post (PostgreSQL's
/// generated column needs nothing). Runs inside the post's write transaction.
pub(crate) async fn index_post(
    backend: Backend,
    tx: &mut impl Exec,
    id: i64,
    title: &str,
    text: &str,
) -> Result<()> {
    if backend == Backend::Sqlite {
        unindex_post(backend, tx, id).await?;
        tx.execute(&Sql::with_args(
            "INSERT INTO posts_fts (rowid, title, body) VALUES ($1, $2, $3)",
            vec![
                Arg::Int(id),
                Arg::Text(title.to_owned()),
                Arg::Text(text.to_owned()),
            ],
        ))
        .await?;
    }
    Ok(())
}

pub(crate) async fn unindex_post(backend: Backend, tx: &mut impl Exec, id: i64) -> Result<()> {
    if backend == Backend::Sqlite {
        tx.execute(&Sql::with_args(
            "DELETE FROM posts_fts WHERE rowid = $1",
            vec![Arg::Int(id)],
        ))
        .await?;
    }
    Ok(())
}

/// After rows were inserted with explicit ids, PostgreSQL's sequences must
/// move past them (SQLite takes the largest id + 1 by itself).
pub(crate) async fn after_explicit_ids(backend: Backend, tx: &mut impl Exec) -> Result<()> {
    if backend == Backend::Postgres {
        for sql in [
            "SELECT setval(pg_get_serial_sequence('posts', 'id'), \
             (SELECT COALESCE(MAX(id), 0) + 1 FROM posts), false)",
            "SELECT setval(pg_get_serial_sequence('comments', 'id'), \
             (SELECT COALESCE(MAX(id), 0) + 1 FROM comments), false)",
        ] {
            tx.execute(&Sql::new(sql)).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_have_no_operators() {
        assert_eq!(
            search_terms(r#"rust "NEAR(x" OR -y* café"#),
            ["rust", "near", "x", "or", "y", "café"]
        );
        assert_eq!(
            search_query(Backend::Sqlite, &search_terms("a b")),
            "\"a\" \"b\""
        );
        assert_eq!(
            search_query(Backend::Postgres, &search_terms("a b")),
            "'a' & 'b'"
        );
    }
}
