//! Rate limits: how many of an act one address (or one target) may do in a
//! window, and how long to wait once it is spent. The wait is computed here
//! only, so every refusal's `Retry-After` agrees with its message.

use chrono::{DateTime, Duration, Utc};

use crate::Error;

/// At most `count` acts within `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub count: i64,
    pub window: Duration,
}

/// Comments from one address: 20 in 10 minutes, the product's promise to
/// commenters. Held as a sign of spam before it refuses (see
/// `tidings_core::comment::AddressRate`).
pub const COMMENTS_PER_ADDRESS: Limit = Limit {
    count: 20,
    window: Duration::minutes(10),
};

/// Comments on one post, whoever sends them: a flood on one post (many
/// addresses, one target) is held off without closing the rest of the blog.
pub const COMMENTS_PER_POST: Limit = Limit {
    count: 120,
    window: Duration::minutes(10),
};

/// Whole seconds from `now` until `free_at`, rounded up and at least one: a
/// client that waits what it was told must not be refused again, and one
/// told `Retry-After: 0` would come straight back.
pub fn seconds_until(free_at: DateTime<Utc>, now: DateTime<Utc>) -> u64 {
    let millis = (free_at - now).num_milliseconds().max(1) as u64;
    millis.div_ceil(1000)
}

/// A refusal until `free_at`; `message` is told how many seconds that is.
pub fn throttled(
    free_at: DateTime<Utc>,
    now: DateTime<Utc>,
    message: impl FnOnce(u64) -> String,
) -> Error {
    let retry_after = seconds_until(free_at, now);
    Error::Throttled {
        message: message(retry_after),
        retry_after,
    }
}

/// The client a per-address limit counts: an IPv6 client by its /64 (one
/// host usually holds the whole block), as sign-in does.
pub fn client_key(ip: std::net::IpAddr) -> String {
    match ip.to_canonical() {
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        v4 => v4.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_whole_seconds_and_never_zero() {
        let now = Utc::now();
        assert_eq!(seconds_until(now + Duration::milliseconds(90_500), now), 91);
        assert_eq!(seconds_until(now + Duration::seconds(90), now), 90);
        assert_eq!(seconds_until(now, now), 1);
        assert_eq!(seconds_until(now - Duration::seconds(5), now), 1);
        let Error::Throttled {
            message,
            retry_after,
        } = throttled(now + Duration::seconds(30), now, |s| format!("wait {s}"))
        else {
            panic!("a throttle");
        };
        assert_eq!((message.as_str(), retry_after), ("wait 30", 30));
    }
}
