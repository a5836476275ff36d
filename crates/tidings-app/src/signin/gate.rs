//! What one node remembers of sign-ins: the refusals it answered lately,
//! and how long the sessions it starts last.
//!
//! The limits are counted in the database, so they hold across nodes; but
//! asking the database costs a write transaction (on SQLite the one write
//! lock, on PostgreSQL two advisory locks), which a flood of attempts from
//! an address already refused would pay again and again for the same
//! answer. So a node keeps each refusal it answered until it ends, and
//! answers the next attempt of the same kind from memory: an address
//! refused for its own failures, whatever account it tries; an address
//! refused for an account's failures, on that account. Until a refusal
//! ends no attempt it covers gets in on any node (bar one already past the
//! throttle that proves right meanwhile and takes its failure back), so
//! remembering it changes no answer but that. At most [`REMEMBERED`] are kept; past that a new
//! refusal is still answered, by the database.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

use super::throttle::{Refusal, Whose};
use crate::Error;

/// Refusals kept per node: with an address and an email of up to 254 bytes
/// in a key, about two megabytes at most.
const REMEMBERED: usize = 4096;

/// One per server process: see the module's documentation.
pub struct Gate {
    session_lifetime: Duration,
    /// By address, or by address and account: see [`key`].
    refused: Mutex<HashMap<String, Refusal>>,
}

/// An address key has no space, so the two kinds of key never meet.
fn key(address: &str, whose: Whose, email: &str) -> String {
    match whose {
        Whose::Address => address.to_owned(),
        Whose::Account => format!("{address} {email}"),
    }
}

impl Gate {
    pub fn new(session_lifetime: Duration) -> Self {
        Self {
            session_lifetime,
            refused: Mutex::default(),
        }
    }

    /// How long a session started at sign-in lasts.
    pub fn session_lifetime(&self) -> Duration {
        self.session_lifetime
    }

    /// The refusal this node answered lately to an attempt from `address`
    /// on `email` and still holds at `now`, as the error to answer again.
    pub(crate) fn recall(
        &self,
        address: &str,
        email: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let mut refused = self.refused.lock().unwrap_or_else(|e| e.into_inner());
        for whose in [Whose::Address, Whose::Account] {
            let key = key(address, whose, email);
            match refused.get(&key) {
                Some(r) if r.free_at > now => return Err(r.error(now)),
                Some(_) => {
                    refused.remove(&key);
                }
                None => {}
            }
        }
        Ok(())
    }

    /// Keeps `refusal` of an attempt from `address` on `email` until it
    /// ends, making room among the refusals that ended when it must.
    pub(crate) fn remember(
        &self,
        address: &str,
        email: &str,
        refusal: Refusal,
        now: DateTime<Utc>,
    ) {
        let mut refused = self.refused.lock().unwrap_or_else(|e| e.into_inner());
        if refused.len() >= REMEMBERED {
            refused.retain(|_, r| r.free_at > now);
        }
        if refused.len() < REMEMBERED {
            refused.insert(key(address, refusal.whose, email), refusal);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(whose: Whose, free_at: DateTime<Utc>) -> Refusal {
        Refusal { whose, free_at }
    }

    fn kept(gate: &Gate) -> usize {
        gate.refused.lock().unwrap().len()
    }

    #[test]
    fn it_keeps_a_bounded_number_and_makes_room_among_the_ended() {
        let gate = Gate::new(Duration::days(1));
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let soon = refusal(Whose::Address, now + Duration::seconds(1));
        for n in 0..REMEMBERED {
            gate.remember(&format!("10.0.{}.{}", n / 256, n % 256), "", soon, now);
        }
        assert_eq!(kept(&gate), REMEMBERED);
        let later = now + Duration::seconds(2);
        let long = refusal(Whose::Account, later + Duration::hours(1));
        gate.remember("192.0.2.1", "a@example.org", long, later);
        assert_eq!(kept(&gate), 1, "the ended ones made room");
        assert!(gate.recall("192.0.2.1", "a@example.org", later).is_err());
        assert!(gate.recall("192.0.2.1", "b@example.org", later).is_ok());
        assert!(gate.recall("10.0.0.1", "", now).is_ok(), "forgotten");

        for n in 0..REMEMBERED {
            gate.remember(&format!("10.1.{}.{}", n / 256, n % 256), "", long, later);
        }
        assert_eq!(kept(&gate), REMEMBERED, "full of live refusals, no more");
        assert!(gate.recall("10.1.15.255", "", later).is_ok(), "not kept");
    }
}
