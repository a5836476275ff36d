//! Signed form tokens for forms served to people who are not signed in (the
//! comment form, the sign-in form).
//!
//! A form carries `ID.ISSUED_MS.SIGNATURE`. The signature (HMAC-SHA256 with a
//! key shared by all nodes, over the form's purpose, its id and the time) proves
//! we served that form, for that post, at that time: the minimum fill time
//! cannot be faked and a form cannot be posted cross-site without first loading
//! it. No server-side state is needed.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// How long a served form stays good.
const LIFETIME: Duration = Duration::days(2);

/// A new random key, hex-encoded.
pub fn fresh_key() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source is available");
    hex(&bytes)
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// What a token is for: a token of one purpose is worthless for another.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    /// The comment form of one post (the id).
    Comment,
    /// The sign-in form (id 0).
    SignIn,
}

fn mac(key: &[u8], purpose: Purpose, id: i64, issued_ms: i64) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(format!("{purpose:?}:{id}:{issued_ms}").as_bytes());
    mac
}

/// The token for a form of `purpose` about `id` served at `now`.
pub fn issue(key: &[u8], purpose: Purpose, id: i64, now: DateTime<Utc>) -> String {
    let issued = now.timestamp_millis();
    let sig = mac(key, purpose, id, issued).finalize().into_bytes();
    format!("{id}.{issued}.{}", hex(&sig))
}

/// Why a token was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    Expired,
}

/// Checks a token of `purpose` for `expected_id` and answers when its form
/// was served.
pub fn verify(
    key: &[u8],
    purpose: Purpose,
    token: &str,
    expected_id: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, TokenError> {
    let mut parts = token.splitn(3, '.');
    let (Some(id), Some(issued), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(TokenError::Malformed);
    };
    let id: i64 = id.parse().map_err(|_| TokenError::Malformed)?;
    let issued_ms: i64 = issued.parse().map_err(|_| TokenError::Malformed)?;
    let sig = unhex(sig).ok_or(TokenError::Malformed)?;
    if id != expected_id {
        return Err(TokenError::Malformed);
    }
    mac(key, purpose, id, issued_ms)
        .verify_slice(&sig)
        .map_err(|_| TokenError::Malformed)?;
    let issued = DateTime::from_timestamp_millis(issued_ms).ok_or(TokenError::Malformed)?;
    if issued > now + Duration::minutes(5) {
        return Err(TokenError::Malformed);
    }
    if now - issued > LIFETIME {
        return Err(TokenError::Expired);
    }
    Ok(issued)
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tampering() {
        let key = b"k";
        let now = Utc::now();
        let t = issue(key, Purpose::Comment, 7, now);
        assert_eq!(
            verify(key, Purpose::Comment, &t, 7, now + Duration::seconds(5))
                .unwrap()
                .timestamp_millis(),
            now.timestamp_millis()
        );
        assert_eq!(
            verify(key, Purpose::Comment, &t, 8, now),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(b"other", Purpose::Comment, &t, 7, now),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(key, Purpose::Comment, "7.1.zz", 7, now),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(key, Purpose::Comment, "", 7, now),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(key, Purpose::Comment, &t, 7, now + Duration::days(3)),
            Err(TokenError::Expired)
        );
        assert_eq!(
            verify(key, Purpose::SignIn, &t, 7, now),
            Err(TokenError::Malformed),
            "a comment token does not sign anyone in"
        );
        let forged = t.replacen(&now.timestamp_millis().to_string(), "1", 1);
        assert_eq!(
            verify(key, Purpose::Comment, &forged, 7, now),
            Err(TokenError::Malformed)
        );
    }
}
