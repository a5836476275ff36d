//! What mail each member of a blog takes: today, whether held comments are
//! mailed to them (`memberships.mail_held_comments`, on unless they turn
//! it off).

use tidings_core::Role;

use crate::exec::Exec;
use crate::sql::Sql;
use crate::users::{User, user_from_row};
use crate::{Result, Store, StoreError};

/// In an import's transaction: held comments are mailed to the members of
/// `blog_id` whose address is among `emails` (lowercase), and no longer to
/// the others, when `emails` names one member at least (the old blog's
/// "Comment moderation email"). Answers the members named; none: nothing
/// changed (the addresses were not members', who are all we mail).
pub(crate) async fn mail_held_comments_to(
    tx: &mut impl Exec,
    blog_id: i64,
    emails: &[String],
) -> Result<Vec<String>> {
    if emails.is_empty() {
        return Ok(Vec::new());
    }
    let members = tx
        .fetch_all(
            &Sql::new(
                "SELECT m.user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.blog_id = $1 ORDER BY m.user_id",
            )
            .bind(blog_id),
            |r| Ok((r.try_get::<i64>("user_id")?, r.try_get::<String>("email")?)),
        )
        .await?;
    let named: Vec<String> = members
        .iter()
        .filter(|(_, email)| emails.contains(&email.to_lowercase()))
        .map(|(_, email)| email.clone())
        .collect();
    if named.is_empty() {
        return Ok(named);
    }
    for (user_id, email) in &members {
        tx.execute(
            &Sql::new(
                "UPDATE memberships SET mail_held_comments = $3 WHERE blog_id = $1 AND user_id = $2",
            )
            .bind(blog_id)
            .bind(*user_id)
            .bind(i64::from(named.contains(email))),
        )
        .await?;
    }
    Ok(named)
}

impl Store {
    /// `blog_id`'s members who take held comments' mail, with their roles
    /// (who of them may moderate a given comment is the caller's to ask).
    pub async fn members_mailed_held_comments(&self, blog_id: i64) -> Result<Vec<(User, Role)>> {
        let sql = Sql::new(
            "SELECT u.id, u.email, u.name, u.password_hash, m.role FROM memberships m \
             JOIN users u ON u.id = m.user_id WHERE m.blog_id = $1 \
             AND m.mail_held_comments = 1 ORDER BY u.name, u.id",
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

    /// Whether held comments are mailed to `user_id` on `blog_id` (`None`:
    /// not a member).
    pub async fn held_comment_mail(&self, blog_id: i64, user_id: i64) -> Result<Option<bool>> {
        let sql = Sql::new(
            "SELECT mail_held_comments FROM memberships WHERE blog_id = $1 AND user_id = $2",
        )
        .bind(blog_id)
        .bind(user_id);
        self.read_optional(&sql, |r| Ok(r.try_get::<i64>("mail_held_comments")? != 0))
            .await
    }

    /// Turns held comments' mail to `user_id` on `blog_id` on or off.
    pub async fn set_held_comment_mail(&self, blog_id: i64, user_id: i64, on: bool) -> Result<()> {
        self.execute(
            &Sql::new(
                "UPDATE memberships SET mail_held_comments = $3 WHERE blog_id = $1 AND user_id = $2",
            )
            .bind(blog_id)
            .bind(user_id)
            .bind(i64::from(on)),
        )
        .await?;
        Ok(())
    }
}
