//! One's own account: a new password.
//!
//! Changing it from a session asks for the current password, and that
//! check is a guess like a sign-in's: it goes through the sign-in throttle,
//! on the same counts, so a stolen session cannot guess the password
//! without limit (ten wrong from an address in fifteen minutes, then 429).
//! The new password meets the rules every way in shares
//! (`tidings_core::password`).
//!
//! A new password ends every session of the account, this one included,
//! and starts a fresh one for the browser that asked. Mature products end
//! every other session and keep the one that changed the password (Django's
//! `update_session_auth_hash`, Phabricator; OWASP's ASVS asks at least for
//! the option); a fresh token for this browser goes one step further: a
//! copy of this very session's cookie is out too, and the owner stays
//! signed in. API tokens are credentials of their own that a password
//! change does not touch, unless the owner asks (`revoke_tokens`): scripts
//! keep working after a routine change, and a compromised account can lose
//! them all in the same step.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use tidings_store::{Store, User};

use crate::sessions::{self, Started};
use crate::signin::{self, Gate};
use crate::{Error, tokens, work};

/// What the owner typed to change their password.
#[derive(Debug, Default, Clone)]
pub struct NewPassword {
    pub current: String,
    pub new: String,
    pub again: String,
    /// Revoke every API token too.
    pub revoke_tokens: bool,
}

/// Changes `me`'s password, asked from `from` at `now`, and answers the
/// session that replaces every one they had. Refused, each naming its
/// field: a new password against the rules, a repeat that differs, a
/// current password that is wrong (counted by the throttle, whose
/// [`Error::Throttled`] refuses even the right one past its limit).
pub async fn change_password(
    store: &Store,
    gate: &Gate,
    me: &User,
    from: IpAddr,
    typed: &NewPassword,
    now: DateTime<Utc>,
) -> Result<Started, Error> {
    tidings_core::password::check(&typed.new).map_err(|why| Error::invalid("new", why))?;
    if typed.again != typed.new {
        return Err(Error::invalid("again", "The two new passwords differ."));
    }
    let attempt = signin::begin(store, gate, from, &me.email, Some(me.id), now).await?;
    if !attempt.check(store, &typed.current, Some(me), now).await? {
        return Err(Error::invalid(
            "current",
            "Your current password is not right.",
        ));
    }
    let hash = work::hash_password(&typed.new).await?;
    replace_password(store, me.id, &hash).await?;
    if typed.revoke_tokens {
        tokens::revoke_all(store, me.id).await?;
    }
    sessions::start(store, me.id, gate.session_lifetime(), now).await
}

/// Gives `user_id` the password of `password_hash` and ends every session
/// of theirs: the last step of a change by its owner, and the operator's
/// way (`tidings user password`), who needs no current password.
pub async fn replace_password(
    store: &Store,
    user_id: i64,
    password_hash: &str,
) -> Result<(), Error> {
    store.set_password(user_id, password_hash).await?;
    sessions::end_all(store, user_id).await
}
