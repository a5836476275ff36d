//! Sign-in attempts and the addresses people sign in from.
//!
//! An attempt is counted before its password is checked, in one transaction
//! per attempt that holds a lock on its address and on its account: of many
//! guesses arriving at once on any number of nodes, exactly as many as the
//! limits allow get through. The limits are the use case's
//! (`tidings_app::signin`); this module only counts.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros, micros};

/// Failed sign-ins counted over a window.
#[derive(Debug, Clone, Copy)]
pub struct Failures {
    pub count: i64,
    pub oldest: Option<DateTime<Utc>>,
}

/// What a new attempt is judged on. Attempts still being checked count as
/// failures: a guess is a failure until it proves otherwise.
#[derive(Debug, Clone, Copy)]
pub struct AttemptCounts {
    /// From the attempt's address, since the address window began.
    pub address: Failures,
    /// Against the attempt's account (by email), from any address, since the
    /// account window began.
    pub account: Failures,
    /// Whether the account's user has signed in from this address before.
    pub known_address: bool,
}

/// The windows the counts cover.
#[derive(Debug, Clone, Copy)]
pub struct AttemptWindows {
    pub address_since: DateTime<Utc>,
    pub account_since: DateTime<Utc>,
}

impl Store {
    /// Counts the failures an attempt from `address` on `email` (the account
    /// of `user_id`, if there is one) is judged on and, when `admit` says
    /// yes, records the attempt as a failure, all in one transaction that
    /// attempts on the same address or account wait for. Answers the counts
    /// and the id of the recorded attempt, for [`Store::signin_succeeded`] or
    /// [`Store::withdraw_signin_attempt`].
    pub async fn begin_signin_attempt(
        &self,
        address: &str,
        email: &str,
        user_id: Option<i64>,
        windows: AttemptWindows,
        now: DateTime<Utc>,
        admit: impl FnOnce(&AttemptCounts) -> bool,
    ) -> Result<(AttemptCounts, Option<i64>)> {
        let mut tx = self.begin_write().await?;
        if let Some(lock) = self.backend.lock_name() {
            // Always in the same order, so two attempts cannot deadlock.
            let mut names = [
                format!("signin address {address}"),
                format!("signin account {email}"),
            ];
            names.sort();
            for name in names {
                tx.execute(&Sql::new(lock).bind(name)).await?;
            }
        }
        // What no window looks at any more goes, so the table stays as
        // small as the limits keep it.
        let forget = windows.address_since.min(windows.account_since);
        tx.execute(&Sql::new("DELETE FROM signin_failures WHERE at < $1").bind(micros(forget)))
            .await?;
        let from_address = tx
            .fetch_one(
                &Sql::new(
                    "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM signin_failures \
                     WHERE ip = $1 AND at >= $2",
                )
                .bind(address)
                .bind(micros(windows.address_since)),
                failures,
            )
            .await?;
        let for_account = tx
            .fetch_one(
                &Sql::new(
                    "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM signin_failures \
                     WHERE email = $1 AND at >= $2",
                )
                .bind(email)
                .bind(micros(windows.account_since)),
                failures,
            )
            .await?;
        let counts = AttemptCounts {
            address: from_address,
            account: for_account,
            known_address: known_address(&mut tx, user_id, address).await?,
        };
        if !admit(&counts) {
            tx.rollback().await?;
            return Ok((counts, None));
        }
        let id = tx
            .fetch_one(
                &Sql::new(
                    "INSERT INTO signin_failures (ip, email, at) VALUES ($1, $2, $3) RETURNING id",
                )
                .bind(address)
                .bind(email)
                .bind(micros(now)),
                |r| r.try_get::<i64>("id"),
            )
            .await?;
        tx.commit().await?;
        Ok((counts, Some(id)))
    }

    /// The attempt `attempt_id` signed `user_id` in from `address`: it was
    /// no failure, and the address is now one of the user's known ones.
    pub async fn signin_succeeded(
        &self,
        attempt_id: i64,
        user_id: i64,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        tx.execute(&Sql::new("DELETE FROM signin_failures WHERE id = $1").bind(attempt_id))
            .await?;
        tx.execute(
            &Sql::new(
                "INSERT INTO signin_addresses (user_id, address, last_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, address) DO UPDATE SET last_at = $3",
            )
            .bind(user_id)
            .bind(address)
            .bind(micros(now)),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes back an attempt whose password was never checked.
    pub async fn withdraw_signin_attempt(&self, attempt_id: i64) -> Result<()> {
        self.execute(&Sql::new("DELETE FROM signin_failures WHERE id = $1").bind(attempt_id))
            .await?;
        Ok(())
    }
}

/// Whether `user_id` (if there is such an account) signed in from
/// `address` before.
async fn known_address(tx: &mut impl Exec, user_id: Option<i64>, address: &str) -> Result<bool> {
    let Some(id) = user_id else {
        return Ok(false);
    };
    let sql = Sql::new("SELECT user_id FROM signin_addresses WHERE user_id = $1 AND address = $2")
        .bind(id)
        .bind(address);
    Ok(tx.fetch_optional(&sql, |_| Ok(())).await?.is_some())
}

fn failures(row: &ReadRow) -> Result<Failures> {
    Ok(Failures {
        count: row.try_get("n")?,
        oldest: row
            .try_get::<Option<i64>>("oldest")?
            .map(from_micros)
            .transpose()?,
    })
}
