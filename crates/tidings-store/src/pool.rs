//! The connections a statement runs on, one driver per backend.
//!
//! sqlx's native PostgreSQL and SQLite drivers, not its `Any` driver:
//! `Any` converts every argument into its own form and back, and copies
//! every column of every row into an `AnyValue` before the mapping code
//! reads it (a second copy of each post body). Which driver is chosen once,
//! here; the rest of the store writes `Sql` and reads [`ReadRow`]s.

use std::time::Duration;

use sqlx::pool::{PoolConnectionMetadata, PoolOptions};
use sqlx::{Connection, Executor, PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::dialect::Backend;
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{FileAccess, Result};

/// How long a pooled PostgreSQL connection may sit idle and still be used
/// without a check that the server is there.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(1);

/// The pool of one database.
#[derive(Clone)]
pub(crate) enum Pool {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// The settings both pools share: `setup` runs on every new connection.
fn options<DB: sqlx::Database>(backend: Backend, access: FileAccess) -> PoolOptions<DB>
where
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    PoolOptions::new()
        .max_connections(backend.max_connections())
        .acquire_timeout(Duration::from_secs(10))
        // A PostgreSQL connection can die with its server, so one that sat
        // idle is checked before use. One used within the last second is
        // not: checking every time doubled a page's round trips to the
        // server. A SQLite connection is a file handle.
        .test_before_acquire(false)
        .before_acquire(
            move |conn: &mut DB::Connection, meta: PoolConnectionMetadata| {
                Box::pin(async move {
                    if backend.connections_can_die() && meta.idle_for > CHECK_AFTER_IDLE {
                        // A dead connection is closed and another taken.
                        return Ok(conn.ping().await.is_ok());
                    }
                    Ok(true)
                })
            },
        )
        .after_connect(move |conn: &mut DB::Connection, _meta| {
            Box::pin(async move {
                for statement in backend.connection_setup(access) {
                    conn.execute(statement).await?;
                }
                Ok(())
            })
        })
}

impl Pool {
    pub(crate) async fn connect(backend: Backend, url: &str, access: FileAccess) -> Result<Self> {
        Ok(match backend {
            Backend::Postgres => Self::Postgres(options(backend, access).connect(url).await?),
            Backend::Sqlite => Self::Sqlite(options(backend, access).connect(url).await?),
        })
    }

    /// A second pool of at most `max` connections to `url`, set up as this
    /// one was (`access`), none opened yet: each opens on first use, on the
    /// runtime that uses it. `None` on SQLite, whose connections belong to
    /// no runtime.
    pub(crate) fn with_own_connections(
        &self,
        backend: Backend,
        url: &str,
        access: FileAccess,
        max: u32,
    ) -> Result<Option<Self>> {
        Ok(match self {
            Self::Postgres(_) => {
                let options = options::<Postgres>(backend, access).max_connections(max);
                Some(Self::Postgres(options.connect_lazy(url)?))
            }
            Self::Sqlite(_) => None,
        })
    }

    /// Every row `sql` returns, mapped by `map`.
    pub(crate) async fn fetch_all<T>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self {
            Self::Postgres(pool) => {
                let rows = sql.bound().fetch_all(pool).await?;
                rows.iter().map(|r| map(&ReadRow::Postgres(r))).collect()
            }
            Self::Sqlite(pool) => {
                let rows = sql.bound().fetch_all(pool).await?;
                rows.iter().map(|r| map(&ReadRow::Lite(r))).collect()
            }
        }
    }

    /// The first row `sql` returns, if any, mapped by `map`: the rest are
    /// never read.
    pub(crate) async fn fetch_optional<T>(
        &self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T>,
    ) -> Result<Option<T>> {
        match self {
            Self::Postgres(pool) => {
                let row = sql.bound().fetch_optional(pool).await?;
                row.as_ref().map(|r| map(&ReadRow::Postgres(r))).transpose()
            }
            Self::Sqlite(pool) => {
                let row = sql.bound().fetch_optional(pool).await?;
                row.as_ref().map(|r| map(&ReadRow::Lite(r))).transpose()
            }
        }
    }

    /// Runs `sql`; how many rows it changed.
    pub(crate) async fn execute(&self, sql: &Sql) -> Result<u64> {
        Ok(match self {
            Self::Postgres(pool) => sql.bound().execute(pool).await?.rows_affected(),
            Self::Sqlite(pool) => sql.bound().execute(pool).await?.rows_affected(),
        })
    }

    /// A transaction begun with `begin` (see [`Backend::begin_write`]).
    pub(crate) async fn begin(&self, begin: &'static str) -> Result<Tx> {
        Ok(match self {
            Self::Postgres(pool) => Tx::Postgres(pool.begin_with(begin).await?),
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin_with(begin).await?),
        })
    }

    pub(crate) async fn ping(&self) -> Result<()> {
        match self {
            Self::Postgres(pool) => pool.acquire().await?.ping().await?,
            Self::Sqlite(pool) => pool.acquire().await?.ping().await?,
        }
        Ok(())
    }

    pub(crate) async fn close(&self) {
        match self {
            Self::Postgres(pool) => pool.close().await,
            Self::Sqlite(pool) => pool.close().await,
        }
    }

    /// Runs `migrator` on this database.
    pub(crate) async fn migrate(
        &self,
        migrator: &sqlx::migrate::Migrator,
    ) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Self::Postgres(pool) => migrator.run(pool).await,
            Self::Sqlite(pool) => migrator.run(pool).await,
        }
    }
}

/// A transaction on the pool, begun as [`Pool::begin`] was told. Dropped
/// without [`Tx::commit`], it rolls back.
pub(crate) enum Tx {
    Postgres(Transaction<'static, Postgres>),
    Sqlite(Transaction<'static, Sqlite>),
}

impl Tx {
    pub(crate) async fn commit(self) -> Result<()> {
        match self {
            Self::Postgres(tx) => tx.commit().await?,
            Self::Sqlite(tx) => tx.commit().await?,
        }
        Ok(())
    }

    /// Ends the transaction, undoing its writes, and waits until it has.
    pub(crate) async fn rollback(self) -> Result<()> {
        match self {
            Self::Postgres(tx) => tx.rollback().await?,
            Self::Sqlite(tx) => tx.rollback().await?,
        }
        Ok(())
    }
}

impl Exec for Tx {
    fn backend(&self) -> Backend {
        match self {
            Self::Postgres(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    async fn execute(&mut self, sql: &Sql) -> Result<u64> {
        Ok(match self {
            Self::Postgres(tx) => sql.bound().execute(&mut **tx).await?.rows_affected(),
            Self::Sqlite(tx) => sql.bound().execute(&mut **tx).await?.rows_affected(),
        })
    }

    async fn fetch_all<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> Result<Vec<T>> {
        match self {
            Self::Postgres(tx) => {
                let rows = sql.bound().fetch_all(&mut **tx).await?;
                rows.iter().map(|r| map(&ReadRow::Postgres(r))).collect()
            }
            Self::Sqlite(tx) => {
                let rows = sql.bound().fetch_all(&mut **tx).await?;
                rows.iter().map(|r| map(&ReadRow::Lite(r))).collect()
            }
        }
    }

    async fn fetch_optional<T: Send>(
        &mut self,
        sql: &Sql,
        map: impl Fn(&ReadRow) -> Result<T> + Send,
    ) -> Result<Option<T>> {
        match self {
            Self::Postgres(tx) => {
                let row = sql.bound().fetch_optional(&mut **tx).await?;
                row.as_ref().map(|r| map(&ReadRow::Postgres(r))).transpose()
            }
            Self::Sqlite(tx) => {
                let row = sql.bound().fetch_optional(&mut **tx).await?;
                row.as_ref().map(|r| map(&ReadRow::Lite(r))).transpose()
            }
        }
    }
}
