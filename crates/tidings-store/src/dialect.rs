//! Everything that differs between SQLite and PostgreSQL, in one place.

use crate::exec::Exec;
use crate::migrate;
use crate::posts::words;
use crate::sql::Sql;
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

    /// Whether uploads are kept in the database by default: on PostgreSQL,
    /// which several nodes share, so each serves the others' uploads; a
    /// SQLite file has one machine, whose disk serves files best.
    pub fn keeps_media_in_database(self) -> bool {
        match self {
            Self::Sqlite => false,
            Self::Postgres => true,
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

    /// Whether a pooled connection can die while it sits idle (its server
    /// restarted): then one idle a while is checked before use.
    pub(crate) fn connections_can_die(self) -> bool {
        match self {
            Self::Sqlite => false,
            Self::Postgres => true,
        }
    }

    /// Statements run on every new connection ([`SQLITE_SETUP`],
    /// [`POSTGRES_SETUP`]); a SQLite file is read as `access` says
    /// ([`sqlite_mmap`]).
    pub(crate) fn connection_setup(
        self,
        access: crate::FileAccess,
    ) -> impl Iterator<Item = &'static str> {
        let (common, mapping) = match self {
            Self::Sqlite => (SQLITE_SETUP, Some(sqlite_mmap(access))),
            Self::Postgres => (POSTGRES_SETUP, None),
        };
        common.iter().copied().chain(mapping)
    }

    /// How a full-text search's transaction begins, where it needs one: on
    /// PostgreSQL, planned for its own words (a word in every post walks
    /// the listing index newest first, a rare one takes the full-text index;
    /// one plan for both took 12 ms for a common word on 10,000 posts where
    /// its own took 3). None on SQLite, whose plan is fixed (`plans.rs`).
    pub(crate) fn begin_search(self) -> Option<&'static str> {
        match self {
            Self::Sqlite => None,
            Self::Postgres => {
                Some("BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_custom_plan")
            }
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
            // Wrapped so the row is an integer, which every mapping reads.
            Self::Postgres => Some(
                "SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l",
            ),
        }
    }

    /// A statement that makes the change log's rows commit in id order
    /// (see `changes::record`), held until the write transaction ends: a
    /// lock on the table on PostgreSQL, whose ids come from a sequence that
    /// concurrent transactions draw from; none on SQLite, whose one writer
    /// at a time already commits in order.
    pub(crate) fn lock_change_log(self) -> Option<&'static str> {
        match self {
            Self::Sqlite => None,
            Self::Postgres => Some("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE"),
        }
    }

    /// A statement for after a bulk load (an import), outside its
    /// transaction: PostgreSQL's `VACUUM (ANALYZE)` of the tables pages read,
    /// so the planner knows their sizes and the visibility map lets index-only
    /// scans skip the table (before it, a home page's comment counts fetched
    /// 80 rows from the table, and its statement ran at two thirds of the
    /// speed) without waiting for autovacuum. None on SQLite, whose
    /// plans are fixed by the indexes alone (`plans.rs`).
    pub(crate) fn after_bulk_load(self) -> Option<&'static str> {
        match self {
            Self::Sqlite => None,
            Self::Postgres => Some("VACUUM (ANALYZE) posts, comments, post_labels"),
        }
    }

    /// What ends the subquery that picks the outbox rows a node claims
    /// (`outbox::claim_mail`): on PostgreSQL the rows are locked and rows
    /// another node is claiming at that moment are skipped, so claims never
    /// wait on each other nor take a row twice; SQLite runs one write at a
    /// time, so its one `UPDATE` claims alone.
    pub(crate) fn skip_locked(self) -> &'static str {
        match self {
            Self::Sqlite => "",
            Self::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// A statement that wakes other nodes' listeners on the channel `$1`
    /// when the transaction it runs in commits: PostgreSQL's `NOTIFY`. None
    /// on SQLite, which has no such thing: its readers poll the change log.
    pub(crate) fn notify(self) -> Option<&'static str> {
        match self {
            Self::Sqlite => None,
            Self::Postgres => Some("SELECT pg_notify($1, '')"),
        }
    }

    /// A statement that writes a consistent copy of the whole database to
    /// the file `$1` (which must not exist) while it keeps serving: SQLite's
    /// `VACUUM INTO` reads one snapshot and writes a compact, self-contained
    /// file. PostgreSQL has its own tools (`pg_dump`), so it answers a
    /// conflict that says so.
    pub(crate) fn backup_into(self) -> Result<&'static str> {
        match self {
            Self::Sqlite => Ok("VACUUM INTO $1"),
            Self::Postgres => Err(StoreError::Conflict(
                "this database is PostgreSQL: back it up with pg_dump (tidings backup copies \
                 SQLite databases)"
                    .into(),
            )),
        }
    }

    /// This backend's migrations: each has its own folder, because DDL
    /// differs (identity columns, full-text search).
    pub(crate) fn migrations(self) -> &'static [migrate::Source] {
        match self {
            Self::Sqlite => migrate::SQLITE,
            Self::Postgres => migrate::POSTGRES,
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

/// Turns what a reader typed into words for a full-text query that cannot
/// be a syntax error: each word becomes a quoted term, all terms must match.
/// Words are letters, digits and marks only (`posts::words`), so no
/// operator or quote survives.
pub(crate) fn search_terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !words::is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// The PostgreSQL text search configuration for each language that has one
/// in every PostgreSQL Tidings runs on (12 and newer): words are stemmed in
/// it ("lighthouses" is found by "lighthouse"). Other languages take
/// `simple`, which keeps words as written. [`INDEX_POST_POSTGRES`] holds the
/// same table in SQL; a test keeps them in step.
const SEARCH_CONFIGS: &[(&str, &str)] = &[
    ("ar", "arabic"),
    ("de", "german"),
    ("en", "english"),
    ("es", "spanish"),
    ("fr", "french"),
    ("id", "indonesian"),
    ("it", "italian"),
    ("nl", "dutch"),
    ("pt", "portuguese"),
    ("ru", "russian"),
    ("sv", "swedish"),
    ("tr", "turkish"),
];

/// The text search configuration of a blog in `language` (a BCP 47 tag).
pub(crate) fn search_config(language: &str) -> &'static str {
    let primary = language.split('-').next().unwrap_or_default();
    SEARCH_CONFIGS
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(primary))
        .map_or("simple", |(_, config)| config)
}

/// Writes the PostgreSQL index entry of the post `$1`, title `$2` and text
/// `$3`, in [`search_config`] of its blog's language and, after it, as
/// written (`simple`: the words a language drops as stop words stay
/// findable, as in SQLite's index), here in SQL (the
/// statement knows the post, not its blog's language); a test keeps the two
/// in step.
const INDEX_POST_POSTGRES: &str = "UPDATE posts SET search = (\
     SELECT setweight(to_tsvector(x.config, $2), 'A') || setweight(to_tsvector(x.config, $3), 'B') \
     || to_tsvector('simple', $2 || ' ' || $3) \
     FROM (SELECT CASE split_part(lower(b.language), '-', 1) \
     WHEN 'ar' THEN 'arabic' WHEN 'de' THEN 'german' WHEN 'en' THEN 'english' \
     WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'id' THEN 'indonesian' \
     WHEN 'it' THEN 'italian' WHEN 'nl' THEN 'dutch' WHEN 'pt' THEN 'portuguese' \
     WHEN 'ru' THEN 'russian' WHEN 'sv' THEN 'swedish' WHEN 'tr' THEN 'turkish' \
     ELSE 'simple' END::regconfig AS config FROM blogs b WHERE b.id = posts.blog_id) x) \
     WHERE id = $1";

/// Marks around matched words in snippets. Control characters do not occur
/// in indexed text (`html_to_text` drops them), so the web layer can escape
/// the snippet and then turn these into `<mark>` elements; it pairs them,
/// as text stored before that rule may hold them.
pub const MATCH_START: char = '\u{2}';
pub const MATCH_END: char = '\u{3}';

/// The values of each comment in [`published_comments_json`]'s list, in
/// the order `Store::post_by_path` reads them (`posts::read::CommentValues`).
macro_rules! comment_values {
    () => {
        "c.id, c.parent_id, c.author_name, c.author_url, c.body, c.body_html, c.created_at, \
         c.hold_reasons, c.user_id"
    };
}

/// The published comments of the post `p` as one JSON list of arrays (or
/// NULL for none on PostgreSQL), in no order (the reader sorts them; an
/// aggregate's own `ORDER BY` is a sorter on SQLite): a post page's comments
/// come in its post's statement. On PostgreSQL a second statement was a second
/// round trip for every page (measured: the post page answered 0.45 of
/// SQLite's requests/s with two statements).
pub(crate) fn published_comments_json(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => concat!(
            "(SELECT json_group_array(json_array(",
            comment_values!(),
            ")) FROM comments c WHERE c.post_id = p.id AND c.status = 'published')"
        ),
        Backend::Postgres => concat!(
            "(SELECT json_agg(json_build_array(",
            comment_values!(),
            "))::text FROM comments c WHERE c.post_id = p.id AND c.status = 'published')"
        ),
    }
}

/// The whole full-text query: `columns` (which select posts `p`) plus the
/// post's plain text (`body_text`, for its snippet), for the `limit` newest
/// visible posts of `blog_id` that match, newest first (as Blogger orders
/// its search results).
///
/// Date order lets the `LIMIT` stop a walk of the listing index
/// (`posts_listing_order`) at the `limit`th match: a word in every post
/// costs `limit` steps, not a rank for each of thousands of matches (that
/// was 50 ms on 10,000 posts). The walk asks SQLite's full-text index once
/// for the set of matching posts, then tests each visible post against it;
/// PostgreSQL's planner picks between walking the index and testing each
/// post, or the GIN index and sorting the matches, by how common the words
/// are. Snippets are made in Rust from the winners' text
/// (`posts::search::snippet`): FTS5's `snippet()` ran the match a second
/// time and read each post again, and `ts_headline` parsed the text.
pub(crate) fn search(
    backend: Backend,
    columns: &'static str,
    terms: &[String],
    language: &str,
    blog_id: i64,
    now_micros: i64,
    limit: u32,
) -> Sql {
    let mut sql = Sql::new(columns);
    sql.push(", p.body_text FROM posts p WHERE p.id IN (SELECT q.id FROM posts q");
    visible_newest(&mut sql, blog_id, now_micros, |sql| match backend {
        // The innermost `posts_fts` is the subquery's own: a list built once.
        Backend::Sqlite => {
            sql.text(
                " AND q.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ",
                &search_query(terms),
            )
            .push(")");
        }
        // Each word as the blog's language stems it or as written: the
        // index holds both (`INDEX_POST_POSTGRES`), so a word the
        // language's configuration drops as a stop word ("only") is found
        // as SQLite's index finds it.
        Backend::Postgres => {
            sql.push(" AND q.search @@ (");
            for (i, word) in tsquery_words(terms).iter().enumerate() {
                if i > 0 {
                    sql.push(" && ");
                }
                sql.text("(to_tsquery(", search_config(language))
                    .text("::regconfig, ", word)
                    .text(") || to_tsquery('simple', ", word)
                    .push("))");
            }
            sql.push(")");
        }
    });
    sql.int(" LIMIT ", i64::from(limit))
        .push(") ORDER BY p.published_at DESC, p.id DESC");
    sql
}

/// The conditions and order of the search's inner walk over posts `q`: the
/// columns of the index of posts anyone may find (`posts_findable`: a
/// protected post is found by no one, its words would tell what its
/// password keeps) first, so it is walked newest first and every post it
/// passes may be a hit, then `matches` (the full-text test).
fn visible_newest(sql: &mut Sql, blog_id: i64, now_micros: i64, matches: impl FnOnce(&mut Sql)) {
    sql.int(" WHERE q.blog_id = ", blog_id)
        .push(" AND q.kind = 'post' AND q.status = 'published'")
        .int(" AND q.published_at <= ", now_micros)
        .push(" AND q.password_hash IS NULL");
    matches(sql);
    sql.push(" ORDER BY q.published_at DESC, q.id DESC");
}

/// The terms as FTS5's query language, each word the phrase of its tokens
/// in the index (`posts::words::phrase`): `"a" "b c"*`.
pub(crate) fn search_query(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| {
            let p = words::phrase(t);
            let star = if p.prefix { "*" } else { "" };
            format!("\"{}\"{star}", p.tokens.join(" "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each term as a tsquery, the phrase of its tokens (`posts::words::phrase`):
/// `'a'`, `'b' <-> 'c':*`; the search asks for all of them.
pub(crate) fn tsquery_words(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .map(|t| {
            let p = words::phrase(t);
            let last = p.tokens.len().saturating_sub(1);
            let tokens = p.tokens.iter().enumerate().map(|(i, t)| {
                let star = if p.prefix && i == last { ":*" } else { "" };
                format!("'{t}'{star}")
            });
            tokens.collect::<Vec<_>>().join(" <-> ")
        })
        .collect()
}

/// Writes a post's entry in the full-text index: SQLite's separate FTS5
/// table (its tokenizer stems English with Porter's rules), PostgreSQL's
/// `search` column in the blog's text search configuration, each from the
/// text as `posts::words::indexed` makes it. Runs inside the post's write
/// transaction.
pub(crate) async fn index_post(
    backend: Backend,
    tx: &mut impl Exec,
    id: i64,
    title: &str,
    text: &str,
) -> Result<()> {
    let (title, text) = (words::indexed(title), words::indexed(text));
    match backend {
        Backend::Sqlite => {
            unindex_post(backend, tx, id).await?;
            tx.execute(
                &Sql::new("INSERT INTO posts_fts (rowid, title, body) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(title.as_ref())
                    .bind(text.as_ref()),
            )
            .await?;
        }
        Backend::Postgres => {
            tx.execute(
                &Sql::new(INDEX_POST_POSTGRES)
                    .bind(id)
                    .bind(title.as_ref())
                    .bind(text.as_ref()),
            )
            .await?;
        }
    }
    Ok(())
}

pub(crate) async fn unindex_post(backend: Backend, tx: &mut impl Exec, id: i64) -> Result<()> {
    if backend == Backend::Sqlite {
        tx.execute(&Sql::new("DELETE FROM posts_fts WHERE rowid = $1").bind(id))
            .await?;
    }
    Ok(())
}

/// Lists the posts of blog `blog_id` for indexing again when its language
/// becomes `language` (inside the settings' transaction): PostgreSQL stems
/// a blog's words in its language's configuration, and the store writes
/// them once this commits (`Store::reindex_stale`). SQLite's index is the
/// same in any language.
pub(crate) async fn restem_on_new_language(
    tx: &mut impl Exec,
    blog_id: i64,
    language: &str,
) -> Result<()> {
    if tx.backend() == Backend::Postgres {
        tx.execute(
            &Sql::new(
                "INSERT INTO search_stale (post_id) SELECT p.id FROM posts p \
                 JOIN blogs b ON b.id = p.blog_id WHERE b.id = $1 AND b.language <> $2 \
                 ON CONFLICT DO NOTHING",
            )
            .bind(blog_id)
            .bind(language),
        )
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

/// SQLite's statements for every new connection: WAL so readers never
/// wait for the writer, `synchronous=FULL` so an acknowledged write survives
/// power loss, foreign keys on, and a busy timeout instead of instant errors.
const SQLITE_SETUP: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
];

/// PostgreSQL's: our statements are few and prepared once per connection,
/// and planning one (0.9 ms for a list of posts, with the posts table's
/// indexes) cost more than running it: in its default mode it kept
/// planning some for each set of values (a label page's list always), so
/// plans are made once, for any values. Search, whose best plan depends on
/// how common its words are, asks for its own ([`Backend::begin_search`]).
const POSTGRES_SETUP: &[&str] = &[
    "SET TIME ZONE 'UTC'",
    "SET plan_cache_mode = force_generic_plan",
];

/// How much of a SQLite file a connection reads through a memory map: for
/// a server, the file's pages shared by every connection instead of copied
/// into each one's small page cache; for a command, none (see
/// [`crate::FileAccess`]).
pub(crate) fn sqlite_mmap(access: crate::FileAccess) -> &'static str {
    match access {
        crate::FileAccess::Mapped => "PRAGMA mmap_size = 268435456",
        crate::FileAccess::Read => "PRAGMA mmap_size = 0",
    }
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
        assert_eq!(search_query(&search_terms("a b")), "\"a\" \"b\"");
        assert_eq!(tsquery_words(&search_terms("a b")), ["'a'", "'b'"]);
    }

    #[test]
    fn words_in_paired_scripts_are_phrases() {
        assert_eq!(
            search_query(&search_terms("灯塔上 灯")),
            "\"灯塔 塔上\" \"灯\"*"
        );
        assert_eq!(
            tsquery_words(&search_terms("灯塔上 灯")),
            ["'灯塔' <-> '塔上'", "'灯':*"]
        );
    }

    #[test]
    fn the_sql_table_of_configurations_is_the_rust_one() {
        for (tag, config) in SEARCH_CONFIGS {
            assert_eq!(search_config(tag), *config);
            assert_eq!(
                search_config(&format!("{}-XX", tag.to_uppercase())),
                *config
            );
            assert!(
                INDEX_POST_POSTGRES.contains(&format!("WHEN '{tag}' THEN '{config}'")),
                "{tag}"
            );
        }
        let whens = INDEX_POST_POSTGRES.matches("WHEN '").count();
        assert_eq!(whens, SEARCH_CONFIGS.len());
        assert_eq!(search_config("ko"), "simple");
    }
}
