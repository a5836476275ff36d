//! Signing in, the whole act: the typed fields, the throttle (`throttle`:
//! every rule of it), the account looked up, the password checked on the
//! pool (against a dummy hash when there is no such account, so the time
//! taken tells nothing), the outcome recorded and the session started.
//! The form's binding to a browser, where a post may come from, the
//! cookies and where to go next are the web's.

mod gate;
mod throttle;

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use tidings_store::{Store, User};

use crate::Error;
use crate::sessions::{self, Started};

pub use gate::Gate;
pub use throttle::{
    ACCOUNT_FAILURES, ACCOUNT_WINDOW, ADDRESS_FAILURES, ADDRESS_WINDOW, Attempt, address_key, begin,
};

/// The longest email address there is (RFC 5321's path limit, less `<>`).
const MAX_EMAIL: usize = 254;

/// What someone signing in typed, and where they sent it from.
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub from: IpAddr,
}

/// Someone signed in: who, and their new session.
pub struct SignedIn {
    pub user: User,
    pub session: Started,
}

/// Signs in with `typed` at `now`: the new session, or why not:
/// [`Error::Invalid`] for fields no account could have (not counted),
/// [`Error::Throttled`] past a limit, even with the right password,
/// [`Error::Unauthorized`] for an email and password that do not match,
/// [`Error::Busy`] when the pool had no room for the check (not counted).
pub async fn sign_in(
    store: &Store,
    gate: &Gate,
    typed: Credentials<'_>,
    now: DateTime<Utc>,
) -> Result<SignedIn, Error> {
    let email = typed.email.trim().to_lowercase();
    refuse_impossible(&email, typed.password)?;
    // Before the look-up too: a flood of refused attempts costs nothing.
    gate.recall(&address_key(typed.from), &email, now)?;
    let user = store.user_by_email(&email).await?;
    let attempt = begin(
        store,
        gate,
        typed.from,
        &email,
        user.as_ref().map(|u| u.id),
        now,
    )
    .await?;
    let matches = attempt
        .check(store, typed.password, user.as_ref(), now)
        .await?;
    let Some(user) = user.filter(|_| matches) else {
        return Err(Error::Unauthorized(
            "That email and password do not match.".into(),
        ));
    };
    let session = sessions::start(store, user.id, gate.session_lifetime(), now).await?;
    Ok(SignedIn { user, session })
}

/// Refuses an email or password no account can have, before any look-up.
fn refuse_impossible(email: &str, password: &str) -> Result<(), Error> {
    if email.chars().any(char::is_control) {
        Err(Error::invalid(
            "email",
            "An email address cannot contain control characters.",
        ))
    } else if email.len() > MAX_EMAIL {
        Err(Error::invalid("email", "That email address is too long."))
    } else if password.contains('\0') {
        Err(Error::invalid(
            "password",
            "A password cannot contain NUL characters.",
        ))
    } else {
        Ok(())
    }
}
