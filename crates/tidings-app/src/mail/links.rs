//! The links mail carries: single-purpose, signed, expiring.
//!
//! A link's token is `SUBJECT.USER.EXPIRES.SIGNATURE`: an HMAC-SHA256, with
//! the instance's link key, over its purpose, the thing it acts on (a
//! comment, an account), the member it was mailed to and when it expires.
//! An approve link cannot mark spam, a link for one comment acts on no
//! other, and nothing about it can be changed without breaking the
//! signature. What makes a link spent is the state it changes: a comment
//! no longer held, a password no longer the one the reset link was signed
//! with (`binding`), so no table of used links is needed.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::Error;
use crate::form_token::{hex, unhex};

/// What a link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Approve,
    Spam,
    Reset,
    /// A commenter confirms they want replies mailed.
    ConfirmReplies,
    /// A commenter stops them.
    StopReplies,
    /// An address confirms it follows the blog by email.
    ConfirmSubscription,
    /// A subscriber ends it.
    Unsubscribe,
}

/// A link's token, read but not yet checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub subject: i64,
    pub user: i64,
    pub expires: DateTime<Utc>,
    signature: Vec<u8>,
}

/// Why a link does not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Not a link we made (cut short, altered, or for something else).
    Wrong,
    Expired,
}

fn mac(
    key: &[u8],
    purpose: Purpose,
    subject: i64,
    user: i64,
    expires: i64,
    binding: &str,
) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(format!("mail:{purpose:?}:{subject}:{user}:{expires}:{binding}").as_bytes());
    mac
}

/// A token for `purpose` on `subject`, mailed to `user`, good until
/// `expires`; `binding` is state the link must find unchanged (a reset
/// link's password hash), or empty.
pub fn issue(
    key: &[u8],
    purpose: Purpose,
    subject: i64,
    user: i64,
    binding: &str,
    expires: DateTime<Utc>,
) -> String {
    let at = expires.timestamp();
    let sig = mac(key, purpose, subject, user, at, binding)
        .finalize()
        .into_bytes();
    format!("{subject}.{user}.{at}.{}", hex(&sig))
}

/// Reads a token's parts, to find what it claims to act on.
pub fn read(token: &str) -> Result<Claim, LinkError> {
    let mut parts = token.trim().splitn(4, '.');
    let mut next = || parts.next().ok_or(LinkError::Wrong);
    let subject = next()?.parse().map_err(|_| LinkError::Wrong)?;
    let user = next()?.parse().map_err(|_| LinkError::Wrong)?;
    let expires = next()?.parse::<i64>().map_err(|_| LinkError::Wrong)?;
    let signature = unhex(next()?).ok_or(LinkError::Wrong)?;
    let expires = DateTime::from_timestamp(expires, 0).ok_or(LinkError::Wrong)?;
    Ok(Claim {
        subject,
        user,
        expires,
        signature,
    })
}

/// Checks `claim` for `purpose` and `binding` at `now`.
pub fn verify(
    key: &[u8],
    purpose: Purpose,
    claim: &Claim,
    binding: &str,
    now: DateTime<Utc>,
) -> Result<(), LinkError> {
    mac(
        key,
        purpose,
        claim.subject,
        claim.user,
        claim.expires.timestamp(),
        binding,
    )
    .verify_slice(&claim.signature)
    .map_err(|_| LinkError::Wrong)?;
    if now >= claim.expires {
        return Err(LinkError::Expired);
    }
    Ok(())
}

/// A link that does not work, in words a person can act on.
pub(crate) fn refusal(e: LinkError) -> Error {
    match e {
        LinkError::Wrong => Error::Malformed(
            "This link is not one this blog sent, or it was cut short. Open it again from \
             the mail, whole."
                .into(),
        ),
        LinkError::Expired => Error::Forbidden(
            "This link has expired. Nothing changed: sign in to do this from the admin.".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn a_link_does_one_thing_until_it_expires() {
        let now = Utc::now();
        let later = now + Duration::days(7);
        let t = issue(b"k", Purpose::Approve, 5, 2, "", later);
        let claim = read(&t).unwrap();
        assert_eq!((claim.subject, claim.user), (5, 2));
        assert_eq!(verify(b"k", Purpose::Approve, &claim, "", now), Ok(()));
        assert_eq!(
            verify(b"k", Purpose::Spam, &claim, "", now),
            Err(LinkError::Wrong)
        );
        assert_eq!(
            verify(b"x", Purpose::Approve, &claim, "", now),
            Err(LinkError::Wrong)
        );
        assert_eq!(
            verify(b"k", Purpose::Approve, &claim, "", later),
            Err(LinkError::Expired)
        );
        let other = t.replacen("5.", "6.", 1);
        assert_eq!(
            verify(b"k", Purpose::Approve, &read(&other).unwrap(), "", now),
            Err(LinkError::Wrong)
        );
        let reset = issue(b"k", Purpose::Reset, 2, 2, "hash-1", later);
        let claim = read(&reset).unwrap();
        assert_eq!(verify(b"k", Purpose::Reset, &claim, "hash-1", now), Ok(()));
        assert_eq!(
            verify(b"k", Purpose::Reset, &claim, "hash-2", now),
            Err(LinkError::Wrong),
            "a new password spends the link"
        );
        for bad in [
            "",
            "1",
            "1.2.3",
            "1.2.3.zz",
            "a.b.c.d",
            "1.2.99999999999999999.00",
        ] {
            assert!(
                read(bad).is_err()
                    || verify(b"k", Purpose::Approve, &read(bad).unwrap(), "", now).is_err(),
                "{bad:?}"
            );
        }
    }
}
