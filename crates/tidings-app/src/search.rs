//! A reader's full-text search: the words checked, the per-address limit,
//! then the store's search.
//!
//! Results are the newest matching posts, newest first, as Blogger orders
//! them: that order lets the store stop at the last hit shown instead of
//! ranking every match (`tidings_store::dialect::search`). A search no kept
//! page answers costs a render, so each client address may run
//! [`SEARCHES_PER_MINUTE`] of them a minute ([`SearchLimit`]).

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tidings_store::{SearchHit, Store};

use crate::Error;
use crate::signin::address_key;

/// Longest query we search for; longer ones are refused, not cut.
pub const MAX_QUERY_CHARS: usize = 200;
/// Hits shown: the newest matches. Each costs a snippet (most of a
/// search's time), so a page shows as many as Blogger's search page does.
pub const MAX_HITS: u32 = 20;

/// Full-text searches one address (IPv6: its /64) may run a minute.
pub const SEARCHES_PER_MINUTE: u32 = 30;
const WINDOW: Duration = Duration::from_secs(60);
/// Addresses remembered; past this the least used are forgotten (which only
/// forgives them), so a flood from many addresses cannot grow the memory.
const ADDRESSES: usize = 65_536;

/// Searches `words` among the posts of `blog_id` readers see at `now`, for
/// a reader at `ip`, stemmed as the blog's `language` has it where the
/// database can: 400 past [`MAX_QUERY_CHARS`], 429 past the limit.
pub async fn search(
    store: &Store,
    limit: &SearchLimit,
    blog_id: i64,
    language: &str,
    ip: IpAddr,
    words: &str,
    now: DateTime<Utc>,
) -> Result<Vec<SearchHit>, Error> {
    if words.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::Malformed(format!(
            "Search for at most {MAX_QUERY_CHARS} characters."
        )));
    }
    limit.take(ip, Instant::now())?;
    Ok(store
        .search(blog_id, language, now, words, MAX_HITS)
        .await?)
}

/// Searches per client address, counted in this node's memory.
///
/// Not in the database like the other limits: a search is a read, and
/// counting it there would make every search a write (serialised on SQLite,
/// a round trip on PostgreSQL), dearer than the search. The limit guards
/// this node's cores, which are per node anyway: a client spread over `n`
/// nodes gets `n` times the rate, and a restart forgives the counts.
pub struct SearchLimit(quick_cache::sync::Cache<String, Arc<Mutex<Window>>>);

/// One address's searches in its current minute.
struct Window {
    started: Instant,
    count: u32,
}

impl Default for SearchLimit {
    fn default() -> Self {
        Self(quick_cache::sync::Cache::new(ADDRESSES))
    }
}

impl SearchLimit {
    /// Counts a search from `ip`, or answers the refusal (429).
    fn take(&self, ip: IpAddr, now: Instant) -> Result<(), Error> {
        let fresh = || Window {
            started: now,
            count: 0,
        };
        let window = self
            .0
            .get_or_insert_with(&address_key(ip), || {
                Ok::<_, Infallible>(Arc::new(Mutex::new(fresh())))
            })
            .unwrap_or_else(|never| match never {});
        let mut window = window.lock().unwrap_or_else(|e| e.into_inner());
        let elapsed = now.saturating_duration_since(window.started);
        if elapsed >= WINDOW {
            *window = fresh();
        }
        if window.count >= SEARCHES_PER_MINUTE {
            let left = (WINDOW - elapsed.min(WINDOW)).as_millis().div_ceil(1000);
            let left = u64::try_from(left).unwrap_or(u64::MAX).max(1);
            return Err(Error::Throttled {
                message: format!(
                    "You have searched {SEARCHES_PER_MINUTE} times this minute; \
                     please wait {left} s before searching again."
                ),
                retry_after: left,
            });
        }
        window.count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_has_its_own_minute_of_searches() {
        let limit = SearchLimit::default();
        let t0 = Instant::now();
        let a: IpAddr = "2001:db8::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8::2".parse().unwrap();
        let b: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..SEARCHES_PER_MINUTE {
            limit.take(a, t0).unwrap();
        }
        let refused = limit
            .take(same_64, t0 + Duration::from_secs(20))
            .unwrap_err();
        assert!(matches!(
            refused,
            Error::Throttled {
                retry_after: 40,
                ..
            }
        ));
        limit.take(b, t0).unwrap();
        limit.take(a, t0 + WINDOW).unwrap();
    }
}
