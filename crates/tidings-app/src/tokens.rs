//! API tokens: a person makes, lists and revokes their own; the operator
//! does the same for anyone from the command line. A token's secret is
//! shown once, when it is made; the store keeps its SHA-256 only
//! ([`crate::secrets`]).

use tidings_store::{Store, StoreError, TokenInfo};

use crate::{Actor, Error, secrets};

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
