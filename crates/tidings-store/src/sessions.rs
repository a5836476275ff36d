//! Sign-in state kept in the database so every node shares it: sessions
//! and the one-time setup link (attempts and throttling: `signin.rs`).

use chrono::{DateTime, Utc};
use tidings_core::Role;

use crate::exec::Exec;
use crate::sql::Sql;
use crate::users::{User, user_from_row};
use crate::{Result, Store, StoreError, from_micros, micros};

/// What a usable setup link says of itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupLink {
    /// The only address it may make an admin; `None`: any.
    pub email: Option<String>,
}

/// Whether the setup link `$1`, issued after `$2`, may make the first admin
/// of blog `$3`: unused, and a first-run link (no blog) while no blog has an
/// admin, or that blog's own while it has none.
const SETUP_LINK_USABLE: &str = "token_hash = $1 AND used_at IS NULL AND created_at > $2 \
     AND ((blog_id IS NULL AND NOT EXISTS (SELECT 1 FROM memberships WHERE role = 'admin')) \
     OR (blog_id = $3 AND NOT EXISTS (SELECT 1 FROM memberships m \
     WHERE m.role = 'admin' AND m.blog_id = $3)))";

/// Stores a setup link, for `blog_id` and `email` when they are given.
pub(crate) async fn insert_setup_token(
    tx: &mut impl Exec,
    token_hash: &str,
    blog_id: Option<i64>,
    email: Option<&str>,
) -> Result<()> {
    tx.execute(
        &Sql::new(
            "INSERT INTO setup_tokens (token_hash, created_at, blog_id, email) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(micros(Utc::now()))
        .bind(blog_id)
        .bind(email),
    )
    .await?;
    Ok(())
}

/// A signed-in person on one blog.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    /// `None` when the user has no role on the blog asked about.
    pub role: Option<Role>,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

impl Store {
    /// Stores a new session of `user_id`, and forgets that user's expired
    /// ones: nothing else deletes a session that ran out, so without this
    /// the table grew by a row at every sign-in, for ever.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        tx.execute(
            &Sql::new("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2")
                .bind(user_id)
                .bind(micros(now)),
        )
        .await?;
        tx.execute(
            &Sql::new(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(user_id)
            .bind(csrf_token)
            .bind(micros(now))
            .bind(micros(expires_at)),
        )
        .await?;
        tx.commit().await
    }

    /// The live session with this token hash, with the user's role on `blog_id`.
    pub async fn session(
        &self,
        token_hash: &str,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<Session>> {
        let sql = Sql::new(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role, s.csrf_token, s.expires_at \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             LEFT JOIN memberships m ON m.user_id = u.id AND m.blog_id = $2 \
             WHERE s.token_hash = $1 AND s.expires_at > $3",
        )
        .bind(token_hash)
        .bind(blog_id)
        .bind(micros(now));
        self.read_optional(&sql, |row| {
            let role = row
                .try_get::<Option<String>>("role")?
                .map(|r| r.parse::<Role>())
                .transpose()
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            Ok(Session {
                user: user_from_row(row)?,
                role,
                csrf_token: row.try_get("csrf_token")?,
                expires_at: from_micros(row.try_get("expires_at")?)?,
            })
        })
        .await
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        self.execute(&Sql::new("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash))
            .await?;
        Ok(())
    }

    /// Ends every session of a user: signing out everywhere, or a new password.
    pub async fn delete_user_sessions(&self, user_id: i64) -> Result<()> {
        self.execute(&Sql::new("DELETE FROM sessions WHERE user_id = $1").bind(user_id))
            .await?;
        Ok(())
    }

    /// Whether any blog of this instance has an admin, however they got the
    /// role: while none has, the setup link may create one.
    pub async fn has_admin(&self) -> Result<bool> {
        let sql = Sql::new("SELECT user_id FROM memberships WHERE role = 'admin' LIMIT 1");
        Ok(self.read_optional(&sql, |_| Ok(())).await?.is_some())
    }

    /// Stores a first-run setup link (one that names no blog).
    pub async fn create_setup_token(&self, token_hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        insert_setup_token(&mut tx, token_hash, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The setup link with `token_hash`, if it may make the first admin of
    /// `blog_id`: issued after `issued_after`, not used yet, and either a
    /// first-run link while no blog has an admin, or this blog's own link
    /// while it has none. Answers the address it is limited to, if any.
    pub async fn setup_link(
        &self,
        token_hash: &str,
        issued_after: DateTime<Utc>,
        blog_id: i64,
    ) -> Result<Option<SetupLink>> {
        let mut sql = Sql::new("SELECT email FROM setup_tokens WHERE ");
        sql.push(SETUP_LINK_USABLE);
        let sql = sql
            .bind(token_hash)
            .bind(micros(issued_after))
            .bind(blog_id);
        self.read_optional(&sql, |r| {
            Ok(SetupLink {
                email: r.try_get("email")?,
            })
        })
        .await
    }

    /// Uses the setup link and creates the first admin in one transaction:
    /// of two people racing with the same link, exactly one wins.
    pub async fn complete_setup(
        &self,
        token_hash: &str,
        issued_after: DateTime<Utc>,
        blog_id: i64,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let mut update = Sql::new("UPDATE setup_tokens SET used_at = $4 WHERE ");
        update
            .push(SETUP_LINK_USABLE)
            .push(" AND (email IS NULL OR email = $5)");
        let update = update
            .bind(token_hash)
            .bind(micros(issued_after))
            .bind(blog_id)
            .bind(micros(Utc::now()))
            .bind(email);
        let used = tx.execute(&update).await?;
        if used != 1 {
            return Err(StoreError::NotFound);
        }
        let user =
            crate::users::insert_user(&mut tx, blog_id, email, name, password_hash, Role::Admin)
                .await?;
        tx.commit().await?;
        Ok(user)
    }
}
