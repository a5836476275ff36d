//! Signed form tokens for forms served to people who are not signed in (the
//! comment form, the sign-in form).
//!
//! A form carries `ID.ISSUED_MS.SIGNATURE`. The signature (HMAC-SHA256 with a
//! key shared by all nodes, over the form's purpose, its id and the time) proves
//! we served that form, for that post, at that time: the minimum fill time
//! cannot be faked and a form cannot be posted cross-site without first loading
//! it. No server-side state is needed.
//!
//! The sign-in form's token is also bound to the browser that loaded the
//! form: its signature covers a hash of a pre-session cookie (see
//! `admin::session::PreSession`), so a token fetched by an attacker signs
//! nobody in from a victim's browser (login CSRF), and it lives hours, not days.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

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
    /// The sign-in form (id 0), bound to one browser.
    SignIn,
    /// The cookie that opens a password-protected post (the id), bound to
    /// its password's hash: a new password closes it again.
    PostPass,
}

impl Purpose {
    /// How long a served form stays good.
    fn lifetime(self) -> Duration {
        match self {
            Self::Comment => Duration::days(2),
            Self::SignIn => SIGN_IN_LIFETIME,
            Self::PostPass => POST_PASS_LIFETIME,
        }
    }
}

/// How long a post's password, once given, opens it (WordPress's ten days).
pub const POST_PASS_LIFETIME: Duration = Duration::days(10);

/// How long a sign-in form (and the pre-session cookie it is bound to) stays good.
pub const SIGN_IN_LIFETIME: Duration = Duration::hours(2);

/// `browser` is empty for forms not bound to a browser, else hex.
fn mac(key: &[u8], purpose: Purpose, id: i64, issued_ms: i64, browser: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    if browser.is_empty() {
        mac.update(format!("{purpose:?}:{id}:{issued_ms}").as_bytes());
    } else {
        mac.update(format!("{purpose:?}:{id}:{issued_ms}:{browser}").as_bytes());
    }
    mac
}

/// The token for a form of `purpose` about `id` served at `now`.
pub fn issue(key: &[u8], purpose: Purpose, id: i64, now: DateTime<Utc>) -> String {
    issue_bound(key, purpose, id, "", now)
}

/// The token for a form served at `now` to the browser whose pre-session
/// cookie hashes to `browser` (hex).
pub fn issue_bound(
    key: &[u8],
    purpose: Purpose,
    id: i64,
    browser: &str,
    now: DateTime<Utc>,
) -> String {
    let issued = now.timestamp_millis();
    let sig = mac(key, purpose, id, issued, browser)
        .finalize()
        .into_bytes();
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
    verify_bound(key, purpose, token, expected_id, "", now)
}

/// [`verify`] for a token issued by [`issue_bound`] to `browser`.
pub fn verify_bound(
    key: &[u8],
    purpose: Purpose,
    token: &str,
    expected_id: i64,
    browser: &str,
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
    mac(key, purpose, id, issued_ms, browser)
        .verify_slice(&sig)
        .map_err(|_| TokenError::Malformed)?;
    let issued = DateTime::from_timestamp_millis(issued_ms).ok_or(TokenError::Malformed)?;
    if issued > now + Duration::minutes(5) {
        return Err(TokenError::Malformed);
    }
    if now - issued > purpose.lifetime() {
        return Err(TokenError::Expired);
    }
    Ok(issued)
}

pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
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
        let bound = issue_bound(key, Purpose::SignIn, 0, "ab12", now);
        assert!(verify_bound(key, Purpose::SignIn, &bound, 0, "ab12", now).is_ok());
        assert_eq!(
            verify_bound(key, Purpose::SignIn, &bound, 0, "cd34", now),
            Err(TokenError::Malformed),
            "a sign-in token is good only with the cookie it was served with"
        );
        assert_eq!(
            verify(key, Purpose::SignIn, &bound, 0, now),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify_bound(
                key,
                Purpose::SignIn,
                &bound,
                0,
                "ab12",
                now + Duration::hours(3)
            ),
            Err(TokenError::Expired),
            "and for hours, not days"
        );
        let forged = t.replacen(&now.timestamp_millis().to_string(), "1", 1);
        assert_eq!(
            verify(key, Purpose::Comment, &forged, 7, now),
            Err(TokenError::Malformed)
        );
    }
}
