//! Password-protected posts: the password a reader gives checked (on the
//! work pool, wrong ones limited per address), and the signed cookie value
//! that then opens the post for [`POST_PASS_LIFETIME`].
//!
//! The value is a [`form_token`] of its own purpose, bound to a digest of
//! the post's password hash: no state is kept, any node checks it, and a
//! new password (or none) closes every copy of the old one.

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use tidings_core::Post;

use crate::Error;
use crate::form_token::{self, Purpose};
use crate::signin::address_key;

pub use crate::form_token::POST_PASS_LIFETIME;

/// Wrong passwords one address (IPv6: its /64) may give in [`WINDOW`].
pub const WRONG_PER_ADDRESS: u32 = 10;
const WINDOW: Duration = Duration::from_secs(10 * 60);
/// Addresses remembered; past this the least used are forgotten (which
/// only forgives them), so a flood from many addresses cannot grow memory.
const ADDRESSES: usize = 65_536;

/// Why a password did not open the post.
#[derive(Debug)]
pub enum Refused {
    /// Not its password: the page asks again, with a message.
    Wrong,
    /// Too many wrong ones from this address, or the pool is full.
    Error(Error),
}

impl From<Error> for Refused {
    fn from(e: Error) -> Self {
        Self::Error(e)
    }
}

/// Checks `password` for `post` given from `ip`, and answers the cookie
/// value that opens it. A post without a password opens for anyone.
pub async fn unlock(
    limit: &UnlockLimit,
    key: &[u8],
    post: &Post,
    password: &str,
    ip: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, Refused> {
    let Some(hash) = &post.password_hash else {
        return Ok(pass(key, post, now));
    };
    // Counted before the check, so a burst of guesses in flight cannot
    // pass the limit; given back when it was right.
    limit.take(ip, Instant::now())?;
    let right = tidings_core::password::check_post_password(password).is_ok()
        && crate::work::verify_password(password, Some(hash)).await?;
    if !right {
        return Err(Refused::Wrong);
    }
    limit.give_back(ip);
    Ok(pass(key, post, now))
}

/// The cookie value that opens `post` from `now`.
pub fn pass(key: &[u8], post: &Post, now: DateTime<Utc>) -> String {
    form_token::issue_bound(key, Purpose::PostPass, post.id, &bound_to(post), now)
}

/// Whether cookie `value` opens `post` at `now`.
pub fn opens(key: &[u8], post: &Post, value: Option<&str>, now: DateTime<Utc>) -> bool {
    if !post.is_protected() {
        return true;
    }
    value.is_some_and(|v| {
        form_token::verify_bound(key, Purpose::PostPass, v, post.id, &bound_to(post), now).is_ok()
    })
}

/// What a pass is bound to: a digest of the post's password hash.
fn bound_to(post: &Post) -> String {
    let hash = post.password_hash.as_deref().unwrap_or_default();
    form_token::hex(&Sha256::digest(hash.as_bytes()))
}

/// Wrong passwords per client address, counted in this node's memory: a
/// guess costs an Argon2 hash of this node's cores, which the limit guards,
/// and a reader's read must not become a database write.
pub struct UnlockLimit(quick_cache::sync::Cache<String, Arc<Mutex<Window>>>);

struct Window {
    started: Instant,
    count: u32,
}

impl Default for UnlockLimit {
    fn default() -> Self {
        Self(quick_cache::sync::Cache::new(ADDRESSES))
    }
}

impl UnlockLimit {
    fn window(&self, ip: IpAddr, now: Instant) -> Arc<Mutex<Window>> {
        self.0
            .get_or_insert_with(&address_key(ip), || {
                Ok::<_, Infallible>(Arc::new(Mutex::new(Window {
                    started: now,
                    count: 0,
                })))
            })
            .unwrap_or_else(|never| match never {})
    }

    /// Counts a guess from `ip`, or answers the refusal (429).
    fn take(&self, ip: IpAddr, now: Instant) -> Result<(), Error> {
        let window = self.window(ip, now);
        let mut w = window.lock().unwrap_or_else(|e| e.into_inner());
        let elapsed = now.saturating_duration_since(w.started);
        if elapsed >= WINDOW {
            w.started = now;
            w.count = 0;
        }
        if w.count >= WRONG_PER_ADDRESS {
            let left = (WINDOW - elapsed.min(WINDOW)).as_secs().max(1);
            return Err(Error::Throttled {
                message: format!(
                    "Too many wrong passwords from your address; please wait {left} s \
                     before trying again."
                ),
                retry_after: left,
            });
        }
        w.count += 1;
        Ok(())
    }

    /// Takes back a guess that was right.
    fn give_back(&self, ip: IpAddr) {
        let window = self.window(ip, Instant::now());
        let mut w = window.lock().unwrap_or_else(|e| e.into_inner());
        w.count = w.count.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_wrong_guesses_then_a_wait() {
        let limit = UnlockLimit::default();
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let t0 = Instant::now();
        for _ in 0..WRONG_PER_ADDRESS {
            limit.take(a, t0).unwrap();
        }
        assert!(matches!(limit.take(a, t0), Err(Error::Throttled { .. })));
        limit.take(b, t0).unwrap();
        limit.take(a, t0 + WINDOW).unwrap();
    }
}
