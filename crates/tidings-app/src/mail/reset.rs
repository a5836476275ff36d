//! "Forgot your password?": a request mails a link ([`request`]) that
//! opens a form ([`check`]) which sets a new password ([`complete`]).
//!
//! The request answers the same whether or not an account has the address,
//! and is limited per client address and per email address (so nobody can
//! use it to flood an inbox), counted before the account is looked up. The
//! link works within the hour of the request, and once: it is signed with
//! the account's password hash, which the new password replaces; the store
//! sets the new one only if the old one is still in place, and ends every
//! session of the account in the same transaction.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use tidings_store::{NewMail, Store, User};

use super::links::{self, Purpose, refusal};
use super::{Mail, PASSWORD_RESET};
use crate::limits::{self, Limit};
use crate::{Error, work};

/// Reset requests from one client address.
pub const PER_ADDRESS: Limit = Limit {
    count: 5,
    window: chrono::Duration::minutes(15),
};

/// Reset requests for one email address, whoever asks.
pub const PER_EMAIL: Limit = Limit {
    count: 3,
    window: chrono::Duration::hours(1),
};

/// Queues a reset link for the account of `email` if there is one, asked
/// from `from` on `blog_id`'s site. The answer never tells whether there was.
pub async fn request(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    email: &str,
    from: IpAddr,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if !mail.is_on() {
        return Err(Error::Conflict(
            "Mail is off on this server, so no link can be sent. The owner can set a new \
             password with `tidings user password`."
                .into(),
        ));
    }
    let email = email.trim().to_lowercase();
    if !tidings_mail::is_address(&email) {
        return Err(Error::invalid(
            "email",
            "That email address does not look right.",
        ));
    }
    limit(
        store,
        &format!("reset:ip:{}", limits::client_key(from)),
        PER_ADDRESS,
        now,
    )
    .await?;
    limit(store, &format!("reset:email:{email}"), PER_EMAIL, now).await?;
    if let Some(user) = store.user_by_email(&email).await? {
        let mail = NewMail {
            blog_id,
            kind: PASSWORD_RESET.to_owned(),
            subject_id: user.id,
            event: format!("reset:{}:{}", user.id, now.timestamp_micros()),
            recipient: user.email,
            user_id: Some(user.id),
        };
        store.queue_mail(&[mail], now).await?;
    }
    Ok(())
}

async fn limit(store: &Store, key: &str, limit: Limit, now: DateTime<Utc>) -> Result<(), Error> {
    let (hits, window_end) = store.hit(key, limit.window.num_seconds(), now).await?;
    if hits > limit.count {
        return Err(limits::throttled(window_end, now, |wait| {
            format!(
                "Too many requests for a new password. Please wait {wait} seconds, then try again."
            )
        }));
    }
    Ok(())
}

/// The account whose reset link `token` is, if it still works at `now`.
pub async fn check(
    store: &Store,
    mail: &Mail,
    token: &str,
    now: DateTime<Utc>,
) -> Result<User, Error> {
    let claim = links::read(token).map_err(refusal)?;
    let spent = || {
        Error::Conflict(
            "This link was already used, or the password changed since it was sent. \
             Ask for a new link on the sign-in page."
                .into(),
        )
    };
    let user = store.user_by_id(claim.subject).await?.ok_or_else(spent)?;
    if claim.user != user.id {
        return Err(refusal(links::LinkError::Wrong));
    }
    match links::verify(mail.key(), Purpose::Reset, &claim, &user.password_hash, now) {
        Ok(()) => Ok(user),
        // Signed for another password hash, or not by us: one answer, since
        // telling them apart would need a record of every link.
        Err(links::LinkError::Wrong) => Err(spent()),
        Err(expired) => Err(refusal(expired)),
    }
}

/// Sets the new password of the account `token` resets, and ends every
/// session of that account. Each refusal names its field.
pub async fn complete(
    store: &Store,
    mail: &Mail,
    token: &str,
    password: &str,
    again: &str,
    now: DateTime<Utc>,
) -> Result<User, Error> {
    let user = check(store, mail, token, now).await?;
    tidings_core::password::check(password).map_err(|why| Error::invalid("password", why))?;
    if again != password {
        return Err(Error::invalid(
            "password_again",
            "The two passwords differ.",
        ));
    }
    let hash = work::hash_password(password).await?;
    if !store
        .reset_password(user.id, &user.password_hash, &hash)
        .await?
    {
        return Err(Error::Conflict(
            "This link was used a moment ago. Ask for a new one on the sign-in page.".into(),
        ));
    }
    Ok(user)
}
