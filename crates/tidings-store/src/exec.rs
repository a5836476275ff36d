//! Statements inside a write transaction, whichever connection runs it.
//!
//! Most writes are a handful of statements and run on sqlx's pool. An
//! import is hundreds of thousands, and on SQLite each one handed to sqlx's
//! connection thread and back cost more than the statement (perf):
//! there it runs on a synchronous connection of its own ([`SqliteTx`]). The
//! functions a transaction calls (`touch`, `write_labels`, the import's
//! inserts) are written once against [`Exec`].

use std::future::{Future, ready};

use crate::dialect::Backend;
use crate::reads::{ReadRow, SqliteFile, query_all};
use crate::sql::Sql;
use crate::{Result, StoreError};

/// A transaction statements can run in.
pub(crate) trait Exec: Send {
    fn backend(&self) -> Backend;

    /// Runs `sql`; how many rows it changed.
    fn execute(&mut self, sql: &Sql) -> impl Future<Output = Result<u64>> + Send;

    /// Every row `sql` returns, mapped by `map`.
    fn fetch_all<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> impl Future<Output = Result<Vec<T>>> + Send;

    /// The first row `sql` returns, if any, mapped by `map`. (By default
    /// every row is read; a driver that can stop after one says so.)
    fn fetch_optional<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> impl Future<Output = Result<Option<T>>> + Send {
        async move { Ok(self.fetch_all(sql, map).await?.into_iter().next()) }
    }

    /// The row `sql` returns, mapped by `map`; [`StoreError::NotFound`] if
    /// there is none.
    fn fetch_one<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> impl Future<Output = Result<T>> + Send {
        async move {
            self.fetch_optional(sql, map)
                .await?
                .ok_or(StoreError::NotFound)
        }
    }
}

/// A write transaction on a SQLite connection of its own, begun with the
/// write lock taken (`BEGIN IMMEDIATE`, as [`Backend::begin_write`]). Dropped
/// without [`SqliteTx::commit`], the connection closes and SQLite rolls the
/// transaction back.
pub(crate) struct SqliteTx {
    conn: rusqlite::Connection,
}

impl SqliteTx {
    pub(crate) fn begin(file: &SqliteFile) -> Result<Self> {
        let conn = file.open()?;
        // The pool's settings (see `Backend::connection_setup`), and a page
        // cache of 64 MiB: with SQLite's 2 MB default a large import spilled
        // pages to the WAL and wrote them again and again, and with room for
        // every page it touched (256 MiB) the cache was most of an import's
        // memory (a 160 MB database). The memory goes with the connection.
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
             PRAGMA cache_size = -65536; BEGIN IMMEDIATE;",
        )?;
        Ok(Self { conn })
    }

    pub(crate) fn commit(self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }

    fn run(&mut self, sql: &Sql) -> Result<u64> {
        let mut stmt = self.conn.prepare_cached(&sql.sqlite_text())?;
        Ok(stmt.execute(rusqlite::params_from_iter(sql.args()))? as u64)
    }
}

impl Exec for SqliteTx {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn execute(&mut self, sql: &Sql) -> impl Future<Output = Result<u64>> + Send {
        ready(self.run(sql))
    }

    fn fetch_all<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> impl Future<Output = Result<Vec<T>>> + Send {
        ready(query_all(&self.conn, sql, map))
    }
}
