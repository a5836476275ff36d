//! The reads pages run, and the connections that answer them.
//!
//! On PostgreSQL a read goes through the sqlx pool like everything else. On
//! a SQLite file it runs on a synchronous `rusqlite` connection: sqlx's
//! SQLite driver hands every statement and every row to a thread per
//! connection and back, and those hand-overs (futex waits and context
//! switches) cost more than the queries themselves (perf). Where it runs is
//! [`Store::on_file`]'s one rule: in place on threads that exist for work
//! that may block ([`reads_may_block_here`]), else as one job on tokio's
//! blocking threads; never on a thread that answers requests. Writes stay
//! on sqlx (SQLite's one writer lock orders them), except an import's
//! transaction (see [`crate::exec`]); an in-memory database is read through
//! sqlx too, since only the pool's connections can see it.
//!
//! A page's reads can share one read transaction: [`Store::snapshot`] is a
//! handle whose reads all see one state of the blog.
//!
//! Mapping code is written once against [`ReadRow`], whichever connection
//! answered.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, ValueRef};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, Postgres, Row as _, Sqlite, Type};

use crate::sql::{Arg, Sql};
use crate::{Result, Store, StoreError};

/// A row of a read, from whichever connection answered it.
pub(crate) enum ReadRow<'a> {
    Postgres(&'a PgRow),
    /// From sqlx's SQLite driver: writes' `RETURNING`, in-memory databases.
    Lite(&'a SqliteRow),
    Sqlite(&'a rusqlite::Row<'a>, &'a Columns),
}

impl ReadRow<'_> {
    /// The column `name` as a `T`: same name and meaning as sqlx's `try_get`.
    pub(crate) fn try_get<T: Column>(&self, name: &str) -> Result<T> {
        match self {
            Self::Postgres(row) => Ok(row.try_get(name)?),
            Self::Lite(row) => Ok(row.try_get(name)?),
            Self::Sqlite(row, columns) => Ok(match columns.index(name) {
                Some(i) => row.get(i)?,
                // Not found as written: rusqlite's own look-up says why.
                None => row.get(name)?,
            }),
        }
    }
}

/// A statement's column names, read once for all its rows. rusqlite finds a
/// column by name by asking SQLite for each name in turn (a C string to
/// measure and check as UTF-8 at every step); done for every field of every
/// row, that was a tenth of an uncached list page's time (perf).
pub(crate) struct Columns {
    names: Vec<String>,
    /// Where the next look-up starts: rows are mostly read in column order.
    next: Cell<usize>,
}

impl Columns {
    fn of(stmt: &rusqlite::Statement<'_>) -> Self {
        Self {
            names: stmt.column_names().into_iter().map(str::to_owned).collect(),
            next: Cell::new(0),
        }
    }

    fn index(&self, name: &str) -> Option<usize> {
        let n = self.names.len();
        let start = self.next.get();
        let i = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.names[i] == name)?;
        self.next.set(i + 1);
        Some(i)
    }
}

/// A Rust type a column can be read as on every connection.
pub(crate) trait Column:
    rusqlite::types::FromSql
    + for<'r> Decode<'r, Postgres>
    + Type<Postgres>
    + for<'r> Decode<'r, Sqlite>
    + Type<Sqlite>
{
}

impl<T> Column for T where
    T: rusqlite::types::FromSql
        + for<'r> Decode<'r, Postgres>
        + Type<Postgres>
        + for<'r> Decode<'r, Sqlite>
        + Type<Sqlite>
{
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Arg::Int(v) => ValueRef::Integer(*v),
            Arg::Text(v) | Arg::OptText(Some(v)) => ValueRef::Text(v.as_bytes()),
            Arg::OptInt(Some(v)) => ValueRef::Integer(*v),
            Arg::OptInt(None) | Arg::OptText(None) => ValueRef::Null,
            Arg::Bytes(v) => ValueRef::Blob(v),
        }))
    }
}

/// One SQLite file's synchronous connections: idle readers, each used by one
/// read at a time and put back after it, and writers for imports (see
/// [`crate::exec::SqliteTx`]).
pub(crate) struct SqliteFile {
    path: PathBuf,
    access: crate::FileAccess,
    idle: Mutex<Vec<rusqlite::Connection>>,
}

/// More idle connections than this are closed after use: one per thread that
/// reads at once is enough, and a burst should not keep file handles open.
const MAX_IDLE: usize = 16;

impl SqliteFile {
    /// SqliteFile for a `sqlite:` URL naming a file; `None` for an in-memory
    /// database, which only the sqlx pool's connections can see.
    pub(crate) fn for_url(url: &str, access: crate::FileAccess) -> Option<Self> {
        let rest = url
            .strip_prefix("sqlite://")
            .or(url.strip_prefix("sqlite:"))?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        if path.is_empty() || path == ":memory:" || query.contains("mode=memory") {
            return None;
        }
        Some(Self {
            path: path.into(),
            access,
            idle: Mutex::new(Vec::new()),
        })
    }

    /// Runs `read` on an idle connection (or a new one).
    fn with<T>(&self, read: impl FnOnce(&rusqlite::Connection) -> Result<T>) -> Result<T> {
        let conn = self.take()?;
        let result = read(&conn);
        self.put_back(conn);
        result
    }

    /// An idle reader, or a new one.
    fn take(&self) -> Result<rusqlite::Connection> {
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match idle {
            Some(conn) => Ok(conn),
            None => {
                let conn = self.open()?;
                conn.execute_batch("PRAGMA query_only = ON")?;
                Ok(conn)
            }
        }
    }

    fn put_back(&self, conn: rusqlite::Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
    }

    /// A new connection. Readers are opened read-write and then made
    /// `query_only`, because a read-only connection cannot open a WAL
    /// database whose shared-memory file is gone (after the last writer
    /// closed).
    pub(crate) fn open(&self) -> Result<rusqlite::Connection> {
        use rusqlite::OpenFlags;
        use rusqlite::config::DbConfig;
        let conn = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(10))?;
        // Plans must not depend on bound values: otherwise SQLite marks a
        // statement whose `LIMIT` (or a partial index's test) reads a
        // parameter as expired each time it is bound, and parses it again
        // for every execution; that was a tenth of a page's time.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.execute_batch(crate::dialect::sqlite_mmap(self.access))?;
        Ok(conn)
    }

    /// Closes every idle connection (before the pool closes, so the last
    /// connection to go checkpoints the WAL).
    pub(crate) fn close(&self) {
        self.idle.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// One page's reads on one connection, in one read transaction, begun at
/// the first read and ended (the connection back among the idle ones) when
/// the last handle on it goes; see [`Store::snapshot`].
pub(crate) struct Snapshot {
    file: Arc<SqliteFile>,
    conn: Mutex<Option<rusqlite::Connection>>,
}

impl Snapshot {
    /// Runs `read` on the snapshot's connection, beginning its transaction
    /// at the first read. Reads of one page take turns.
    fn with<T>(&self, read: impl FnOnce(&rusqlite::Connection) -> Result<T>) -> Result<T> {
        let mut slot = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let conn = match slot.take() {
            Some(conn) => conn,
            None => {
                let conn = self.file.take()?;
                if let Err(e) = conn.execute_batch("BEGIN") {
                    self.file.put_back(conn);
                    return Err(e.into());
                }
                conn
            }
        };
        read(slot.insert(conn))
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        let slot = self.conn.get_mut().unwrap_or_else(|e| e.into_inner());
        if let Some(conn) = slot.take() {
            // Nothing was written: this only lets the snapshot go, and
            // never waits for a lock.
            if conn.execute_batch("COMMIT").is_ok() {
                self.file.put_back(conn);
            }
        }
    }
}

impl Store {
    /// A handle on the same database whose reads all see one state of it:
    /// on a SQLite file they share one connection and one read transaction
    /// until the last clone of the handle is dropped. A page reads through
    /// one, so what it shows is consistent, and SQLite takes its
    /// shared-memory read lock once per page rather than once per statement
    /// (taking and releasing it, a `fcntl` and often a futex each time, was
    /// a third of an uncached page's system time: strace).
    ///
    /// For reads: a write made through the handle is not seen by its later
    /// reads. On PostgreSQL and in-memory databases the handle reads as the
    /// store does: each statement on a pooled connection of its own, seeing
    /// what was committed when it began. (Holding one PostgreSQL connection
    /// for a page's reads was tried: a page that also needed a second one
    /// while every connection was held by such pages waited for the pool's
    /// timeout.)
    pub fn snapshot(&self) -> Store {
        let mut store = self.clone();
        if let Some(file) = &self.sqlite_file {
            store.snapshot = Some(Arc::new(Snapshot {
                file: Arc::clone(file),
                conn: Mutex::new(None),
            }));
        }
        store
    }

    /// This store outside any snapshot: each read sees what is committed
    /// when it runs.
    pub(crate) fn shared(&self) -> Store {
        let mut store = self.clone();
        store.snapshot = None;
        store
    }

    /// Runs `read` on a SQLite file's connection (the snapshot's, when this
    /// handle is one): in place on a thread that [`reads_may_block_here`]
    /// marked, else as one job on tokio's blocking threads. Never on a
    /// thread that answers requests, whatever SQLite makes it wait for.
    async fn on_file<T: Send + 'static>(
        &self,
        file: &Arc<SqliteFile>,
        read: impl FnOnce(&rusqlite::Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let file = Arc::clone(file);
        let snapshot = self.snapshot.clone();
        let run = move || match snapshot {
            Some(snapshot) => snapshot.with(read),
            None => file.with(read),
        };
        if MAY_BLOCK.get() {
            return run();
        }
        match tokio::task::spawn_blocking(run).await {
            Ok(result) => result,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Only when the runtime is shutting down.
            Err(e) => Err(StoreError::Unavailable(Box::new(e))),
        }
    }
}

thread_local! {
    /// Whether this thread's work may wait for SQLite (see
    /// [`reads_may_block_here`]).
    static MAY_BLOCK: Cell<bool> = const { Cell::new(false) };
}

/// Marks the calling thread as one whose reads of a SQLite file may run in
/// place: a thread of a pool that exists for work which may block (the
/// server's render threads, where only uncached pages run; a command-line
/// process's own threads). Elsewhere every read is a job on tokio's blocking
/// threads, and that hand-over, twice per statement, cost an uncached page a
/// third of its requests per second (measured on 2 cores, 1,000 posts:
/// 14,300 → 10,200 on the home page), which is why renders read in place.
pub fn reads_may_block_here() {
    MAY_BLOCK.set(true);
}

/// Every row `sql` selects on a synchronous connection, mapped by `map`.
pub(crate) fn query_all<T>(
    conn: &rusqlite::Connection,
    sql: &Sql,
    map: impl Fn(&ReadRow) -> Result<T>,
) -> Result<Vec<T>> {
    query_rows(conn, sql, usize::MAX, map)
}

/// The first `most` rows `sql` selects, mapped by `map`.
fn query_rows<T>(
    conn: &rusqlite::Connection,
    sql: &Sql,
    most: usize,
    map: impl Fn(&ReadRow) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(&sql.sqlite_text())?;
    let columns = Columns::of(&stmt);
    let mut rows = stmt.query(rusqlite::params_from_iter(sql.args()))?;
    let mut out = Vec::new();
    while out.len() < most
        && let Some(row) = rows.next()?
    {
        out.push(map(&ReadRow::Sqlite(row, &columns))?);
    }
    Ok(out)
}

/// One event per statement, as sqlx's driver logs each of its own under
/// `sqlx::query`: what `/metrics` counts (`tidings_db_statements_total`).
fn statement_ran(sql: &Sql) {
    tracing::debug!(target: "tidings_store::read", sql = sql.as_str());
}

impl Store {
    /// Every row `sql` selects, mapped by `map`.
    pub(crate) async fn read_all<T: Send + 'static>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send + 'static,
    ) -> Result<Vec<T>> {
        match &self.sqlite_file {
            Some(file) => {
                let sql = sql.clone();
                self.on_file(file, move |conn| {
                    statement_ran(&sql);
                    query_all(conn, &sql, map)
                })
                .await
            }
            None => self.pool.fetch_all(sql, map).await,
        }
    }

    /// The first row `sql` selects, if any, mapped by `map`.
    pub(crate) async fn read_optional<T: Send + 'static>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send + 'static,
    ) -> Result<Option<T>> {
        match &self.sqlite_file {
            Some(file) => {
                let sql = sql.clone();
                self.on_file(file, move |conn| {
                    statement_ran(&sql);
                    Ok(query_rows(conn, &sql, 1, map)?.pop())
                })
                .await
            }
            None => self.pool.fetch_optional(sql, map).await,
        }
    }
}

impl Store {
    /// The row `sql` selects, mapped by `map`; [`StoreError::NotFound`] if
    /// there is none.
    pub(crate) async fn read_one<T: Send + 'static>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        self.read_optional(sql, map)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Runs one write on its own (its own transaction); how many rows it
    /// changed.
    pub(crate) async fn execute(&self, sql: &Sql) -> Result<u64> {
        self.pool.execute(sql).await
    }

    /// Runs one write on its own and maps the rows its `RETURNING` gives.
    pub(crate) async fn execute_returning<T>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.pool.fetch_all(sql, map).await
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[tokio::test]
    async fn a_snapshot_reads_one_state_of_the_database() {
        let dir = std::env::temp_dir().join(format!("tidings-snapshot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let mut blog = store.create_blog("example.org", "Before").await.unwrap();
        let title = |store: Store| async move {
            let blog = store.blog_by_host("example.org").await.unwrap().unwrap();
            blog.title
        };

        let page = store.snapshot();
        let first = title(page.clone()).await;
        blog.title = "After".into();
        store.update_blog(&blog).await.unwrap();
        assert_eq!(title(page.clone()).await, "Before", "{first}");
        assert_eq!(title(store.clone()).await, "After", "the store reads anew");
        drop(page);
        // Once the snapshot is gone, its connection (back among the idle
        // ones) sees the write.
        assert_eq!(title(store.clone()).await, "After");
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
    }
}
