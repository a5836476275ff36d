//! Users, their roles per blog, and API tokens (stored only as hashes).

use chrono::{DateTime, Utc};
use tidings_core::Role;

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, StoreError, conflict_or, from_micros, micros};

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
}

pub(crate) fn user_from_row(row: &ReadRow) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
    })
}

/// An API token as its owner sees it in the list.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub id: i64,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Inserts a user and their first role inside a caller's transaction.
pub(crate) async fn insert_user(
    tx: &mut impl Exec,
    blog_id: i64,
    email: &str,
    name: &str,
    password_hash: &str,
    role: Role,
) -> Result<User> {
    let id = tx
        .fetch_one(
            &Sql::new(
                "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
                 RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(password_hash)
            .bind(micros(Utc::now())),
            |r| r.try_get::<i64>("id"),
        )
        .await
        .map_err(|e| conflict_or(e, "a user with that email already exists"))?;
    tx.execute(
        &Sql::new("INSERT INTO memberships (blog_id, user_id, role) VALUES ($1, $2, $3)")
            .bind(blog_id)
            .bind(id)
            .bind(role.as_str()),
    )
    .await?;
    Ok(User {
        id,
        email: email.to_owned(),
        name: name.to_owned(),
        password_hash: password_hash.to_owned(),
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
        let user = insert_user(&mut tx, blog_id, email, name, password_hash, role).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Gives the account with `email` the role `role` on `blog_id`, creating
    /// the account (with `name` and `password_hash`) when no account has that
    /// address. An existing account keeps its name and password: one blog's
    /// admin may not change what a person uses elsewhere. The caller is told
    /// nothing about which case it was, so it cannot pass it on.
    pub async fn add_member(
        &self,
        blog_id: i64,
        email: &str,
        name: &str,
        password_hash: &str,
        role: Role,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        tx.execute(
            &Sql::new(
                "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (email) DO NOTHING",
            )
            .bind(email)
            .bind(name)
            .bind(password_hash)
            .bind(micros(Utc::now())),
        )
        .await?;
        tx.execute(
            &Sql::new(
                "INSERT INTO memberships (blog_id, user_id, role) \
                 SELECT $1, id, $3 FROM users WHERE email = $2 \
                 ON CONFLICT (blog_id, user_id) DO UPDATE SET role = $3",
            )
            .bind(blog_id)
            .bind(email)
            .bind(role.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The people with a role on `blog_id`, by name.
    pub async fn members(&self, blog_id: i64) -> Result<Vec<(User, Role)>> {
        let sql = Sql::new(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role FROM memberships m \
             JOIN users u ON u.id = m.user_id WHERE m.blog_id = $1 ORDER BY u.name, u.id",
        )
        .bind(blog_id);
        self.read_all(&sql, |r| {
            let role = r
                .try_get::<String>("role")?
                .parse::<Role>()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            Ok((user_from_row(r)?, role))
        })
        .await
    }

    /// Gives `user_id` the role `role` on `blog_id` (adding or changing it).
    pub async fn set_role(&self, blog_id: i64, user_id: i64, role: Role) -> Result<()> {
        self.execute(
            &Sql::new(
                "INSERT INTO memberships (blog_id, user_id, role) VALUES ($1, $2, $3) \
                 ON CONFLICT (blog_id, user_id) DO UPDATE SET role = $3",
            )
            .bind(blog_id)
            .bind(user_id)
            .bind(role.as_str()),
        )
        .await?;
        Ok(())
    }

    /// Takes away a user's role on `blog_id`. Their access to that blog ends
    /// with it at once (sessions and tokens are checked against the role on
    /// every request), while their sessions and tokens keep working on the
    /// other blogs where they have a role: one blog's admin cannot sign a
    /// person out of blogs that are not theirs.
    pub async fn remove_member(&self, blog_id: i64, user_id: i64) -> Result<()> {
        let done = self
            .execute(
                &Sql::new("DELETE FROM memberships WHERE blog_id = $1 AND user_id = $2")
                    .bind(blog_id)
                    .bind(user_id),
            )
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// A user's API tokens, newest first (never their secrets).
    pub async fn tokens(&self, user_id: i64) -> Result<Vec<TokenInfo>> {
        let sql = Sql::new(
            "SELECT id, label, created_at, last_used_at FROM api_tokens WHERE user_id = $1 \
             ORDER BY created_at DESC, id DESC",
        )
        .bind(user_id);
        self.read_all(&sql, |r| {
            Ok(TokenInfo {
                id: r.try_get("id")?,
                label: r.try_get("label")?,
                created_at: from_micros(r.try_get("created_at")?)?,
                last_used_at: r
                    .try_get::<Option<i64>>("last_used_at")?
                    .map(from_micros)
                    .transpose()?,
            })
        })
        .await
    }

    /// Revokes one of a user's tokens.
    pub async fn revoke_token(&self, user_id: i64, token_id: i64) -> Result<()> {
        let done = self
            .execute(
                &Sql::new("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
                    .bind(token_id)
                    .bind(user_id),
            )
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Revokes every token of a user: a lost laptop, a leaked script, or a
    /// new password the owner wants to be the only way in. Answers how many
    /// there were.
    pub async fn revoke_all_tokens(&self, user_id: i64) -> Result<u64> {
        self.execute(&Sql::new("DELETE FROM api_tokens WHERE user_id = $1").bind(user_id))
            .await
    }

    /// Revokes a token by its id, whoever owns it (the command line's
    /// `tidings token revoke ID`).
    pub async fn revoke_token_by_id(&self, token_id: i64) -> Result<()> {
        let done = self
            .execute(&Sql::new("DELETE FROM api_tokens WHERE id = $1").bind(token_id))
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let sql = Sql::new("SELECT id, email, name, password_hash FROM users WHERE email = $1")
            .bind(email);
        self.read_optional(&sql, user_from_row).await
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        let sql =
            Sql::new("SELECT id, email, name, password_hash FROM users WHERE id = $1").bind(id);
        self.read_optional(&sql, user_from_row).await
    }

    /// Gives `user_id` the password of `new_hash` if theirs is still
    /// `old_hash`, and ends every session of theirs, in one transaction:
    /// of two uses of one reset link, one wins. Answers whether it did.
    pub async fn reset_password(
        &self,
        user_id: i64,
        old_hash: &str,
        new_hash: &str,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = tx
            .execute(
                &Sql::new(
                    "UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2",
                )
                .bind(user_id)
                .bind(old_hash)
                .bind(new_hash),
            )
            .await?;
        if done == 1 {
            tx.execute(&Sql::new("DELETE FROM sessions WHERE user_id = $1").bind(user_id))
                .await?;
        }
        tx.commit().await?;
        Ok(done == 1)
    }

    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()> {
        let done = self
            .execute(
                &Sql::new("UPDATE users SET password_hash = $2 WHERE id = $1")
                    .bind(user_id)
                    .bind(password_hash),
            )
            .await?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Records an API token by the hash of its secret; the secret itself is
    /// shown once and never stored.
    pub async fn create_token(&self, user_id: i64, label: &str, token_hash: &str) -> Result<i64> {
        let ids = self
            .execute_returning(
                &Sql::new(
                    "INSERT INTO api_tokens (user_id, label, token_hash, created_at) \
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(user_id)
                .bind(label)
                .bind(token_hash)
                .bind(micros(Utc::now())),
                |r| r.try_get::<i64>("id"),
            )
            .await?;
        ids.first().copied().ok_or(StoreError::NotFound)
    }

    /// The user a token hash belongs to and their role on `blog_id` (`None`
    /// when they have no role there).
    pub async fn user_by_token(
        &self,
        token_hash: &str,
        blog_id: i64,
    ) -> Result<Option<(User, Option<Role>)>> {
        let sql = Sql::new(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role \
             FROM api_tokens t JOIN users u ON u.id = t.user_id \
             LEFT JOIN memberships m ON m.user_id = u.id AND m.blog_id = $2 \
             WHERE t.token_hash = $1",
        )
        .bind(token_hash)
        .bind(blog_id);
        let found = self
            .read_optional(&sql, |r| {
                let role = r
                    .try_get::<Option<String>>("role")?
                    .map(|r| r.parse::<Role>())
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                Ok((user_from_row(r)?, role))
            })
            .await?;
        let Some(found) = found else { return Ok(None) };
        // When a token was last used, to the minute: enough for its owner to
        // spot a stale or stolen one, without a write on every request.
        let now = Utc::now();
        self.execute(
            &Sql::new(
                "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 \
                 AND (last_used_at IS NULL OR last_used_at < $3)",
            )
            .bind(token_hash)
            .bind(micros(now))
            .bind(micros(now - chrono::Duration::minutes(1))),
        )
        .await?;
        Ok(Some(found))
    }
}
