//! Adding a blog, the operator's act, and who owns it from the start: an
//! account named as its owner becomes its admin in the same transaction;
//! otherwise (no owner named, or an address with no account yet) the blog
//! gets a setup link of its own, like the first run's, that makes its first
//! admin (limited to the named address when there is one).

use tidings_core::BlogSettings;
use tidings_store::{NewOwner, Store, StoreError, User};

use crate::{Error, secrets};

/// Who got the blog just added.
pub enum Owner {
    /// This account, now its admin.
    Admin(User),
    /// Whoever opens this path (`/admin/setup?token=…`) on the blog's host,
    /// within [`crate::setup::LINK_LIFETIME`], once; limited to `email`
    /// when the owner was named.
    SetupLink { path: String, email: Option<String> },
}

/// A blog the operator added, and its owner.
pub struct Added {
    pub blog: BlogSettings,
    pub owner: Owner,
}

/// Adds a blog at `host` (already checked: a host name in lower case)
/// titled `title`, owned by the account with `owner` (an address), or by
/// whoever uses the setup link it answers. Refused: an owner address that
/// does not look like one (422 naming `owner`), a host another blog has
/// (409); nothing is added then.
pub async fn add(
    store: &Store,
    host: &str,
    title: &str,
    owner: Option<&str>,
) -> Result<Added, Error> {
    let email = owner.map(|e| e.trim().to_lowercase());
    if let Some(e) = email.as_deref()
        && !tidings_core::user::is_plausible_email(e)
    {
        return Err(Error::invalid(
            "owner",
            format!("The owner's address {e:?} does not look like an email address."),
        ));
    }
    let account = match email.as_deref() {
        Some(e) => store.user_by_email(e).await?,
        None => None,
    };
    let token = secrets::random_hex();
    let token_hash = secrets::hash(&token);
    let new_owner = match &account {
        Some(user) => NewOwner::Admin(user.id),
        None => NewOwner::SetupLink {
            token_hash: &token_hash,
            email: email.as_deref(),
        },
    };
    let blog = match store.create_blog_owned(host, title, Some(new_owner)).await {
        Err(StoreError::Conflict(_)) => {
            return Err(Error::Conflict(format!(
                "A blog is already served at {host}."
            )));
        }
        made => made?,
    };
    let owner = match account {
        Some(user) => Owner::Admin(user),
        None => Owner::SetupLink {
            path: format!("/admin/setup?token={token}"),
            email,
        },
    };
    Ok(Added { blog, owner })
}
