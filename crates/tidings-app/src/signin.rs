//! Signing in: every rule of the sign-in throttle, in one place, so the
//! limits that answer 429 with `Retry-After` are read in one file and
//! counted the same way on every node. The password check between
//! [`begin`] and the attempt's outcome is the caller's (the server's
//! bounded hashing pool); cookies and the form's binding to a browser are
//! the web's.
//!
//! - An attempt counts as a failure from the moment it arrives, before its
//!   password is checked, and is taken back only when it signs someone in;
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

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use tidings_store::{AttemptCounts, AttemptWindows, Failures, Store};

use crate::{Error, limits};

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
/// [`Attempt::succeeded`] says otherwise.
pub struct Attempt {
    id: i64,
    address: String,
    /// Failures from the address before this one.
    earlier_failures: i64,
}

/// Counts an attempt from `ip` on `email` (the account of `user_id`, when
/// there is one), or answers the [`Error::Throttled`] that refuses it.
pub async fn begin(
    store: &Store,
    ip: IpAddr,
    email: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Attempt, Error> {
    let address = address_key(ip);
    let windows = AttemptWindows {
        address_since: now - ADDRESS_WINDOW,
        account_since: now - ACCOUNT_WINDOW,
    };
    let (counts, id) = store
        .begin_signin_attempt(&address, email, user_id, windows, now, |c| {
            refusal(c, now).is_none()
        })
        .await?;
    match id {
        Some(id) => Ok(Attempt {
            id,
            address,
            earlier_failures: counts.address.count,
        }),
        // The store refuses only what `refusal` refused; recomputed from
        // the same counts, it answers the same.
        None => Err(refusal(&counts, now)
            .unwrap_or_else(|| too_many("from your address", counts.address, ADDRESS_WINDOW, now))),
    }
}

/// Why an attempt with these counts is refused, if it is.
fn refusal(c: &AttemptCounts, now: DateTime<Utc>) -> Option<Error> {
    if c.address.count >= ADDRESS_FAILURES {
        return Some(too_many(
            "from your address",
            c.address,
            ADDRESS_WINDOW,
            now,
        ));
    }
    if c.account.count >= ACCOUNT_FAILURES && !c.known_address {
        return Some(too_many("for this account", c.account, ACCOUNT_WINDOW, now));
    }
    None
}

/// Refused until the oldest failure counted leaves its window.
fn too_many(whose: &str, failures: Failures, window: Duration, now: DateTime<Utc>) -> Error {
    let free_at = failures
        .oldest
        .map_or(now + Duration::minutes(1), |o| o + window);
    limits::throttled(free_at, now, |wait| {
        format!(
            "Too many failed sign-ins {whose}. Try again in {} minutes.",
            wait.div_ceil(60)
        )
    })
}

impl Attempt {
    /// The password was right: the attempt was no failure, and the address
    /// becomes one `user_id` is known to sign in from.
    pub async fn succeeded(
        self,
        store: &Store,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        Ok(store
            .signin_succeeded(self.id, user_id, &self.address, now)
            .await?)
    }

    /// The password was wrong: it stays counted, and the answer is to wait
    /// this long when the address has failed before (the caller waits, so
    /// guessing costs time and a typo nothing).
    pub fn failed(self) -> std::time::Duration {
        std::time::Duration::from_millis(100 * (self.earlier_failures - 1).clamp(0, 10) as u64)
    }

    /// The password was never checked (the server was too busy): it does
    /// not count.
    pub async fn withdraw(self, store: &Store) -> Result<(), Error> {
        Ok(store.withdraw_signin_attempt(self.id).await?)
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
