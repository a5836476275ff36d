//! Sessions: who a browser's cookie signs in, kept in the database so
//! every node knows them, and ended there, so a signed-out or replaced
//! session is dead on every node at once.
//!
//! A session's token has 256 random bits and is new at every sign-in (a
//! token planted in a browser before it signs in is worth nothing); the
//! store keeps only its SHA-256 ([`secrets::hash`]). Each session has its own
//! CSRF token, which the web puts in every form and checks. The role is read
//! with the session on every request, never kept in it: removing someone
//! from a blog ends their access to that blog at the next request, and
//! leaves their other blogs alone. The cookie and the CSRF check are the
//! web's.

use chrono::{DateTime, Duration, Utc};
use tidings_core::Role;
use tidings_store::{Store, User};

use crate::{Error, secrets};

/// A session just started: the token to give the browser, once, and how
/// long it is good for.
pub struct Started {
    pub token: String,
    pub lifetime: Duration,
}

/// Which session to end: the stored hash of its token.
#[derive(Debug, Clone)]
pub struct Key(String);

/// A live session of a member of the blog it was looked up on.
pub struct Session {
    pub user: User,
    pub role: Role,
    /// The token every state-changing form of this session carries.
    pub csrf: String,
    pub key: Key,
}

/// Starts a session of `user_id` for `lifetime`, with a fresh token and
/// CSRF token.
pub async fn start(
    store: &Store,
    user_id: i64,
    lifetime: Duration,
    now: DateTime<Utc>,
) -> Result<Started, Error> {
    let token = secrets::random_hex();
    let csrf = secrets::random_hex();
    store
        .create_session(&secrets::hash(&token), user_id, &csrf, now, now + lifetime)
        .await?;
    Ok(Started { token, lifetime })
}

/// The session `token` signs in on `blog_id` at `now`: `None` when there is
/// none or it has expired (sign in), [`Error::Forbidden`] when its user has
/// no role on this blog.
pub async fn find(
    store: &Store,
    token: &str,
    blog_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<Session>, Error> {
    let hash = secrets::hash(token);
    let Some(found) = store.session(&hash, blog_id, now).await? else {
        return Ok(None);
    };
    let Some(role) = found.role else {
        return Err(Error::Forbidden(
            "You have no role on this blog. Ask its admin to add you.".into(),
        ));
    };
    Ok(Some(Session {
        user: found.user,
        role,
        csrf: found.csrf_token,
        key: Key(hash),
    }))
}

/// Signs out: the session `key` ends, on every node.
pub async fn end(store: &Store, key: &Key) -> Result<(), Error> {
    Ok(store.delete_session(&key.0).await?)
}

/// Signs `user_id` out everywhere: every session of theirs ends (their API
/// tokens are another matter: `tokens::revoke_all`).
pub async fn end_all(store: &Store, user_id: i64) -> Result<(), Error> {
    Ok(store.delete_user_sessions(user_id).await?)
}
