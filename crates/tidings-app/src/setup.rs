//! The first-run setup link: while no blog has an admin, the server prints a
//! link that creates the first admin account. It works once, for
//! [`LINK_LIFETIME`], and only while no blog has an admin, however they got
//! the role (the store checks that again as it creates the account). A blog
//! added later without an owner who has an account gets a link of its own
//! ([`crate::blogs::add`]): it works on that blog alone, while that blog has
//! no admin, and for one address when the owner was named.
//!
//! [`check`] answers a [`Checked`] admin, or the refusal to show beside the
//! form; [`complete`] creates the admin and signs them in.

use chrono::{DateTime, Duration, Utc};
use tidings_core::BlogSettings;
use tidings_store::{SetupLink, Store, StoreError};

use crate::sessions::{self, Started};
use crate::{Error, secrets, work};

/// How long the setup link works (a restart prints a new one while no blog
/// has an admin).
pub const LINK_LIFETIME: Duration = Duration::hours(24);

/// Creates a setup link when no blog has an admin yet, and answers its path
/// for the console; `None` once any blog has one.
pub async fn link(store: &Store) -> Result<Option<String>, Error> {
    if store.has_admin().await? {
        return Ok(None);
    }
    let token = secrets::random_hex();
    store.create_setup_token(&secrets::hash(&token)).await?;
    Ok(Some(format!("/admin/setup?token={token}")))
}

/// The setup link `token` if it still works at `now` on blog `blog_id`;
/// refused as [`gone`] if not, so the form is never shown for a spent link.
pub async fn valid(
    store: &Store,
    token: &str,
    blog_id: i64,
    now: DateTime<Utc>,
) -> Result<SetupLink, Error> {
    if token.is_empty() {
        return Err(gone());
    }
    store
        .setup_link(&secrets::hash(token), now - LINK_LIFETIME, blog_id)
        .await?
        .ok_or_else(gone)
}

/// What the person typed on the setup form: raw, checked by [`check`].
#[derive(Debug, Default, Clone)]
pub struct FirstAdmin {
    pub token: String,
    pub name: String,
    pub email: String,
    pub password: String,
    pub password_again: String,
    /// What the blog needs from its first owner, asked beside the account:
    /// its title, time zone and language; `None` keeps what it has.
    pub blog: crate::settings::Change,
}

/// A first admin that passed every check; only [`check`] makes one.
pub struct Checked {
    token: String,
    name: String,
    email: String,
    password: String,
    /// The blog's settings with the answers applied and checked.
    blog: BlogSettings,
}

/// Whether `form` may create the first admin of `blog` at `now`: the link
/// first ([`gone`] if spent), then the name, the address, the password and
/// the blog's answers, each refusal naming its field.
pub async fn check(
    store: &Store,
    blog: &BlogSettings,
    form: &FirstAdmin,
    now: DateTime<Utc>,
) -> Result<Checked, Error> {
    let link = valid(store, &form.token, blog.id, now).await?;
    let name = form.name.trim().to_owned();
    let email = form.email.trim().to_lowercase();
    if let Some(only) = link.email.filter(|only| *only != email) {
        return Err(Error::invalid(
            "email",
            format!("This link makes {only} the blog's admin; sign up with that address."),
        ));
    }
    if !tidings_core::user::is_valid_name(&name) {
        return Err(Error::invalid(
            "name",
            "Your name must be 1 to 100 characters.",
        ));
    }
    if !tidings_core::user::is_plausible_email(&email) {
        return Err(Error::invalid(
            "email",
            "That email address does not look right.",
        ));
    }
    tidings_core::password::check(&form.password).map_err(|why| Error::invalid("password", why))?;
    if form.password_again != form.password {
        return Err(Error::invalid(
            "password_again",
            "The two passwords differ.",
        ));
    }
    let blog = crate::settings::applied(blog, form.blog.clone())?;
    Ok(Checked {
        token: form.token.clone(),
        name,
        email,
        password: form.password.clone(),
        blog,
    })
}

/// Spends the link, creates the first admin of the blog with the checked
/// password (hashed on the pool) in one step of the store, stores the
/// blog's answers, and starts their session for `lifetime`: [`gone`] if the
/// link was spent meanwhile or a blog got an admin.
pub async fn complete(
    store: &Store,
    admin: Checked,
    lifetime: Duration,
    now: DateTime<Utc>,
) -> Result<Started, Error> {
    let password_hash = work::hash_password(&admin.password).await?;
    let made = store
        .complete_setup(
            &secrets::hash(&admin.token),
            now - LINK_LIFETIME,
            admin.blog.id,
            &admin.email,
            &admin.name,
            &password_hash,
        )
        .await;
    let user = match made {
        Err(StoreError::NotFound) => return Err(gone()),
        made => made?,
    };
    store.update_blog(&admin.blog).await?;
    sessions::start(store, user.id, lifetime, now).await
}

/// A link that no longer works, and what to do instead.
pub fn gone() -> Error {
    Error::NotFound(
        "This setup link has been used, has expired (after 24 hours, or once the blog has an \
         admin) or is not valid. Sign in instead, or ask the owner for an account; while \
         nobody is admin, restarting the server prints a new link."
            .into(),
    )
}
