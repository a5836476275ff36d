//! The sign-in throttle: every rule of it in one place, so the limits that
//! answer 429 with `Retry-After` are read in one file and counted the same
//! way on every node. It guards every check of a password typed by someone
//! who says they own it: signing in, and the current password of a
//! password change (a stolen session must not guess it without limit), on
//! one count, since both guess the same secret.
//!
//! - An attempt counts as a failure from the moment it arrives, before its
//!   password is checked, and is taken back only when it proves right;
//!   the count and the check of the limits are one transaction per attempt
//!   (`Store::begin_signin_attempt`), so guesses sent all at once, to any
//!   number of nodes, get no further than guesses sent one by one.
//! - An address may fail [`ADDRESS_FAILURES`] times in [`ADDRESS_WINDOW`];
//!   then it is refused (429 with `Retry-After`), even with the right
//!   password. IPv6 addresses count by their /64, what one subscriber
//!   usually holds (IPv4-mapped ones as IPv4).
//! - An account may take [`ACCOUNT_FAILURES`] failures in
//!   [`ACCOUNT_WINDOW`] from all addresses together, counted whatever the
//!   address; then it is refused, except from addresses its user has signed
//!   in from before (kept in the database): the owner keeps a way in.
//! - From an address's third failure on, each failed answer comes a little
//!   slower, up to a second: guessing costs time, a typo costs nothing.
//! - A refusal is remembered by the node that answered it until it ends
//!   ([`Gate`]), so a flood of refused attempts is answered from memory
//!   without a write; the limits themselves are counted in the database.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use tidings_store::{AttemptCounts, AttemptWindows, Store, User};

use super::Gate;
use crate::{Error, limits, work};

pub const ADDRESS_FAILURES: i64 = 10;
pub const ADDRESS_WINDOW: Duration = Duration::minutes(15);
pub const ACCOUNT_FAILURES: i64 = 100;
pub const ACCOUNT_WINDOW: Duration = Duration::hours(1);

/// The address an attempt is counted against: the IPv4 address, or the
/// /64 of an IPv6 one.
pub fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let net = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{net}/64")
            }
        },
    }
}

/// An attempt the limits let through, counted as a failure until
/// [`Attempt::check`] finds its password right.
pub struct Attempt {
    id: i64,
    address: String,
    /// Failures from the address before this one.
    earlier_failures: i64,
}

/// Counts an attempt from `ip` on `email` (the account of `user_id`, when
/// there is one), or answers the [`Error::Throttled`] that refuses it, from
/// `gate`'s memory when this node refused the same lately.
pub async fn begin(
    store: &Store,
    gate: &Gate,
    ip: IpAddr,
    email: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Attempt, Error> {
    let address = address_key(ip);
    gate.recall(&address, email, now)?;
    let windows = AttemptWindows {
        address_since: now - ADDRESS_WINDOW,
        account_since: now - ACCOUNT_WINDOW,
    };
    let mut refused = None;
    let (counts, id) = store
        .begin_signin_attempt(&address, email, user_id, windows, now, |c| {
            refused = refusal(c, now);
            refused.is_none()
        })
        .await?;
    let Some(id) = id else {
        // The store refuses only what `refusal` refused.
        let refused = refused.unwrap_or(Refusal {
            whose: Whose::Address,
            free_at: now + ADDRESS_WINDOW,
        });
        gate.remember(&address, email, refused, now);
        return Err(refused.error(now));
    };
    Ok(Attempt {
        id,
        address,
        earlier_failures: counts.address.count,
    })
}

/// Whose failures a refusal counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whose {
    Address,
    Account,
}

/// A refused attempt: refused until `free_at`, when the oldest failure
/// counted leaves its window.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Refusal {
    pub(crate) whose: Whose,
    pub(crate) free_at: DateTime<Utc>,
}

impl Refusal {
    /// The 429 to answer at `now`.
    pub(crate) fn error(self, now: DateTime<Utc>) -> Error {
        let whose = match self.whose {
            Whose::Address => "from your address",
            Whose::Account => "for this account",
        };
        limits::throttled(self.free_at, now, |wait| {
            format!(
                "Too many wrong passwords {whose}. Try again in {} minutes.",
                wait.div_ceil(60)
            )
        })
    }
}

/// Why an attempt with these counts is refused, if it is.
fn refusal(c: &AttemptCounts, now: DateTime<Utc>) -> Option<Refusal> {
    let (whose, failures, window) = if c.address.count >= ADDRESS_FAILURES {
        (Whose::Address, c.address, ADDRESS_WINDOW)
    } else if c.account.count >= ACCOUNT_FAILURES && !c.known_address {
        (Whose::Account, c.account, ACCOUNT_WINDOW)
    } else {
        return None;
    };
    // A count past its limit has an oldest failure; a minute, should it not.
    let free_at = failures
        .oldest
        .map_or(now + Duration::minutes(1), |o| o + window);
    Some(Refusal { whose, free_at })
}

impl Attempt {
    /// Checks `password` against `account`'s hash (`None`: no such account,
    /// checked against a dummy at the same cost, so the time taken does not
    /// tell whether it exists) on the pool, and records the outcome: a match
    /// is no failure and makes the address one the account is known to sign
    /// in from; a mismatch stays counted and is answered a little later when
    /// the address has failed before; a check the pool had no room for was
    /// never made and does not count.
    pub(crate) async fn check(
        self,
        store: &Store,
        password: &str,
        account: Option<&User>,
        now: DateTime<Utc>,
    ) -> Result<bool, Error> {
        let stored = account.map(|u| u.password_hash.as_str());
        let matches = match work::verify_password(password, stored).await {
            Ok(matches) => matches,
            Err(busy) => {
                store.withdraw_signin_attempt(self.id).await?;
                return Err(busy);
            }
        };
        match account {
            Some(user) if matches => {
                store
                    .signin_succeeded(self.id, user.id, &self.address, now)
                    .await?;
                Ok(true)
            }
            _ => {
                tokio::time::sleep(self.failed()).await;
                Ok(false)
            }
        }
    }

    /// How much later a failure is answered: nothing for the first two from
    /// an address, then a tenth of a second more for each, up to a second.
    pub fn failed(&self) -> std::time::Duration {
        std::time::Duration::from_millis(100 * (self.earlier_failures - 1).clamp(0, 10) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_counts_by_its_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), "2001:db8:1:2::/64");
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.1");
        assert_eq!(address_key("192.0.2.1".parse().unwrap()), "192.0.2.1");
    }
}
