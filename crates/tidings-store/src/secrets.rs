//! Server secrets (e.g. the key that signs comment forms), kept in the database
//! so every node of an instance shares them.

use sqlx::Row;

use crate::{Result, Store};

impl Store {
    /// The secret called `name`, created from `fresh` on first use. Two nodes
    /// racing to create it agree on whichever insert won.
    pub async fn secret(&self, name: &str, fresh: impl FnOnce() -> String) -> Result<String> {
        sqlx::query(
            "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(fresh())
        .execute(&self.pool)
        .await?;
        let row = sqlx::query("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("value")?)
    }
}
