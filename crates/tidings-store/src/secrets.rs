//! Server secrets (e.g. the key that signs comment forms), kept in the database
//! so every node of an instance shares them.

use crate::exec::Exec;
use crate::sql::Sql;
use crate::{Result, Store};

impl Store {
    /// The secret called `name`, created from `fresh` on first use. Two nodes
    /// racing to create it agree on whichever insert won. The read is in the
    /// insert's transaction, so it sees the row whichever way it got there.
    pub async fn secret(&self, name: &str, fresh: impl FnOnce() -> String) -> Result<String> {
        let mut tx = self.begin_write().await?;
        tx.execute(
            &Sql::new(
                "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            )
            .bind(name)
            .bind(fresh()),
        )
        .await?;
        let value = tx
            .fetch_one(
                &Sql::new("SELECT value FROM secrets WHERE name = $1").bind(name),
                |r| r.try_get::<String>("value"),
            )
            .await?;
        tx.commit().await?;
        Ok(value)
    }
}
