//! Users, their roles per blog, and API tokens (stored only as hashes).

use chrono::Utc;
use sqlx::Row;
use sqlx::any::AnyRow;
use tidings_core::Role;

use crate::{Result, Store, StoreError, conflict_or, micros};

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
}

fn user_from_row(row: &AnyRow) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
    })
}

impl Store {
    /// Creates a user holding `role` on `blog_id`, in one transaction.
    pub async fn create_user(
        &self,
        blog_id: i64,
        email: &str,
        name: &str,
        password_hash: &str,
        role: Role,
    ) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(password_hash)
        .bind(micros(Utc::now()))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| conflict_or(e, "a user with that email already exists"))?;
        let id: i64 = row.try_get("id")?;
        sqlx::query("INSERT INTO memberships (blog_id, user_id, role) VALUES ($1, $2, $3)")
            .bind(blog_id)
            .bind(id)
            .bind(role.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(User {
            id,
            email: email.to_owned(),
            name: name.to_owned(),
            password_hash: password_hash.to_owned(),
        })
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let row = sqlx::query("SELECT id, email, name, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()> {
        let done = sqlx::query("UPDATE users SET password_hash = $2 WHERE id = $1")
            .bind(user_id)
            .bind(password_hash)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Records an API token by the hash of its secret; the secret itself is
    /// shown once and never stored.
    pub async fn create_token(&self, user_id: i64, label: &str, token_hash: &str) -> Result<i64> {
        let row = sqlx::query(
            "INSERT INTO api_tokens (user_id, label, token_hash, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id)
        .bind(label)
        .bind(token_hash)
        .bind(micros(Utc::now()))
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("id")?)
    }

    /// The user a token hash belongs to and their role on `blog_id` (`None`
    /// when they have no role there).
    pub async fn user_by_token(
        &self,
        token_hash: &str,
        blog_id: i64,
    ) -> Result<Option<(User, Option<Role>)>> {
        let row = sqlx::query(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role \
             FROM api_tokens t JOIN users u ON u.id = t.user_id \
             LEFT JOIN memberships m ON m.user_id = u.id AND m.blog_id = $2 \
             WHERE t.token_hash = $1",
        )
        .bind(token_hash)
        .bind(blog_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role = row
            .try_get::<Option<String>, _>("role")?
            .map(|r| r.parse::<Role>())
            .transpose()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Some((user_from_row(&row)?, role)))
    }
}
