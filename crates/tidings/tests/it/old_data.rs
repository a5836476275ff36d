//! Old data: a value written straight into an app's database, as an older
//! Tidings (before a way in refused it) may have stored it. The server's
//! render cache does not hear of such a write: start the app `--no-cache`
//! or read through the CLI.

use sqlx::Connection;

use crate::support::TestApp;

/// Sets `table.column` of the row `id` to `value`, on either backend.
/// `table` and `column` are the test's own constants, never input.
pub async fn set(app: &TestApp, table: &str, column: &str, id: i64, value: &str) {
    let sql = format!("UPDATE {table} SET {column} = $1 WHERE id = $2");
    let sql = sqlx::AssertSqlSafe(sql);
    let rows = match app.database_args().get(1) {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            let done = sqlx::query(sql).bind(value).bind(id).execute(&mut conn);
            done.await.unwrap().rows_affected()
        }
        None => {
            let url = format!("sqlite://{}", app.data.join("tidings.db").display());
            let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
            let done = sqlx::query(sql).bind(value).bind(id).execute(&mut conn);
            done.await.unwrap().rows_affected()
        }
    };
    assert_eq!(rows, 1, "{table} has no row {id}");
}
