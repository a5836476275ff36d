//! Sign-in state kept in the database so every node shares it: sessions,
//! failed attempts (throttling), and the one-time setup link.

use chrono::{DateTime, Utc};
use sqlx::Row;
use tidings_core::Role;

use crate::users::{User, user_from_row};
use crate::{Result, Store, StoreError, from_micros, micros};

/// A signed-in person on one blog.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    /// `None` when the user has no role on the blog asked about.
    pub role: Option<Role>,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

/// Failed sign-ins counted over a window.
#[derive(Debug, Clone, Copy)]
pub struct Failures {
    pub count: i64,
    pub oldest: Option<DateTime<Utc>>,
}

impl Store {
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf_token)
        .bind(micros(Utc::now()))
        .bind(micros(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The live session with this token hash, with the user's role on `blog_id`.
    pub async fn session(
        &self,
        token_hash: &str,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Session>> {
        let row = sqlx::query(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role, s.csrf_token, s.expires_at \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             LEFT JOIN memberships m ON m.user_id = u.id AND m.blog_id = $2 \
             WHERE s.token_hash = $1 AND s.expires_at > $3",
        )
        .bind(token_hash)
        .bind(blog_id)
        .bind(micros(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let role = row
            .try_get::<Option<String>, _>("role")?
            .map(|r| r.parse::<Role>())
            .transpose()
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(Some(Session {
            user: user_from_row(&row)?,
            role,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: from_micros(row.try_get("expires_at")?)?,
        }))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of a user: signing out everywhere, or a new password.
    pub async fn delete_user_sessions(&self, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn record_signin_failure(
        &self,
        ip: &str,
        email: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO signin_failures (ip, email, at) VALUES ($1, $2, $3)")
            .bind(ip)
            .bind(email)
            .bind(micros(at))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failures from one address since an instant.
    pub async fn signin_failures_from(&self, ip: &str, since: DateTime<Utc>) -> Result<Failures> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM signin_failures WHERE ip = $1 AND at >= $2",
        )
        .bind(ip)
        .bind(micros(since))
        .fetch_one(&self.pool)
        .await?;
        failures(&row)
    }

    /// Failures against one account since an instant, from any address.
    pub async fn signin_failures_for(&self, email: &str, since: DateTime<Utc>) -> Result<Failures> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM signin_failures WHERE email = $1 AND at >= $2",
        )
        .bind(email)
        .bind(micros(since))
        .fetch_one(&self.pool)
        .await?;
        failures(&row)
    }

    /// Whether anyone can sign in yet: a fresh install has no users.
    pub async fn has_users(&self) -> Result<bool> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM users")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    pub async fn create_setup_token(&self, token_hash: &str) -> Result<()> {
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
            .bind(token_hash)
            .bind(micros(Utc::now()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether the setup link is valid: issued and not used yet.
    pub async fn setup_token_valid(&self, token_hash: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT token_hash FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Uses the setup link and creates the first admin in one transaction:
    /// of two people racing with the same link, exactly one wins.
    pub async fn complete_setup(
        &self,
        token_hash: &str,
        blog_id: i64,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let used = sqlx::query(
            "UPDATE setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
        )
        .bind(token_hash)
        .bind(micros(Utc::now()))
        .execute(&mut *tx)
        .await?;
        if used.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        let user =
            crate::users::insert_user(&mut tx, blog_id, email, name, password_hash, Role::Admin)
                .await?;
        tx.commit().await?;
        Ok(user)
    }
}

fn failures(row: &sqlx::any::AnyRow) -> Result<Failures> {
    Ok(Failures {
        count: row.try_get("n")?,
        oldest: row
            .try_get::<Option<i64>, _>("oldest")?
            .map(from_micros)
            .transpose()?,
    })
}
