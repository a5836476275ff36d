//! API tokens: a person makes, lists and revokes their own; the operator
//! does the same for anyone from the command line; a script calls the API
//! with one ([`authenticate`]). A token's secret is shown once, when it is
//! made; the store keeps its SHA-256 only ([`crate::secrets`]).

use chrono::{DateTime, Utc};
use tidings_core::Role;
use tidings_store::{Store, StoreError, TokenInfo, User};

use crate::{Actor, Error, limits, secrets};

/// Makes a token for `user_id` named `label` (1 to 100 characters on one
/// line, like "laptop"): the owner's own act in the admin, or the
/// operator's for anyone on the command line. Answers the secret, to show
/// once.
pub async fn create(store: &Store, user_id: i64, label: &str) -> Result<String, Error> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 100 || label.chars().any(char::is_control) {
        return Err(Error::invalid(
            "label",
            "Give the token a label of 1 to 100 characters on one line, like \"laptop\".",
        ));
    }
    let secret = secrets::generate();
    store
        .create_token(user_id, label, &secrets::hash(&secret))
        .await?;
    Ok(secret)
}

/// The tokens of `user_id`, newest first, without their secrets.
pub async fn list(store: &Store, user_id: i64) -> Result<Vec<TokenInfo>, Error> {
    Ok(store.tokens(user_id).await?)
}

/// Revokes token `id`: a member's own tokens only (nobody revokes another
/// person's token by guessing its id), any token for the operator, who
/// sees every account.
pub async fn revoke(store: &Store, by: Actor<'_>, id: i64) -> Result<(), Error> {
    let done = match by {
        Actor::Member(user, _) => store.revoke_token(user.id, id).await,
        Actor::Operator => store.revoke_token_by_id(id).await,
    };
    match done {
        Err(StoreError::NotFound) => Err(Error::NotFound(format!(
            "There is no token with the id {id}."
        ))),
        done => Ok(done?),
    }
}

/// Revokes every token of `user_id`; answers how many there were.
pub async fn revoke_all(store: &Store, user_id: i64) -> Result<u64, Error> {
    Ok(store.revoke_all_tokens(user_id).await?)
}

/// Who calls with `token` on `blog_id` at `now`, and their role there,
/// within `per_minute` calls a minute per token, counted in the database so
/// the budget holds across nodes: [`Error::Unauthorized`] for a token that
/// is not (or no longer) valid, [`Error::Forbidden`] for a user with no
/// role on this blog, [`Error::Throttled`] past the budget.
pub async fn authenticate(
    store: &Store,
    token: &str,
    blog_id: i64,
    per_minute: u32,
    now: DateTime<Utc>,
) -> Result<(User, Role), Error> {
    let hash = secrets::hash(token);
    let Some((user, role)) = store.user_by_token(&hash, blog_id).await? else {
        return Err(Error::Unauthorized("That API token is not valid.".into()));
    };
    let role = role.ok_or_else(|| Error::Forbidden("You have no role on this blog.".into()))?;
    let (hits, window_end) = store.hit(&format!("api:{}", &hash[..32]), 60, now).await?;
    if hits > i64::from(per_minute) {
        return Err(limits::throttled(window_end, now, |wait| {
            format!(
                "This token made more than {per_minute} requests this minute. Wait {wait} seconds."
            )
        }));
    }
    Ok((user, role))
}
