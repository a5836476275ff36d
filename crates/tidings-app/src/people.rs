//! The people of a blog: who holds which role, adding someone, changing a
//! role, taking it away. Only an admin of the blog (or the operator) may.
//!
//! Adding is answered the same whether or not the address already has an
//! account on the instance, so one blog's admin cannot look accounts up: a
//! new address gets an account with the name and password given, an
//! existing account gets the role and keeps its own name and password.
//! Name and password are checked for every address, known or not.
//!
//! Password hashes are inputs: [`check`] answers a [`Checked`] addition, the
//! caller hashes its password ([`Checked::password`]) and hands the hash to
//! [`add`]. The server hashes through its bounded pool (one hash per core,
//! 503 past a short line), the command line hashes once in its own process;
//! neither policy belongs to the rule of who may add whom.

use tidings_core::{Role, permission};
use tidings_store::{Store, StoreError, User};

use crate::{Actor, Error};

/// What a person typed to add someone: raw, checked by [`check`].
#[derive(Debug, Default, Clone)]
pub struct Newcomer {
    pub email: String,
    pub name: String,
    pub role: String,
    pub password: String,
}

/// An addition that passed every check; only [`check`] makes one.
pub struct Checked<'a> {
    actor: Actor<'a>,
    blog_id: i64,
    email: String,
    name: String,
    role: Role,
    password: String,
}

impl Checked<'_> {
    /// The password to hash before [`add`] or [`create`].
    pub fn password(&self) -> &str {
        &self.password
    }

    /// The address, trimmed and in lower case, as it is stored.
    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn role(&self) -> Role {
        self.role
    }
}

/// Refused unless `by` manages this blog's people: checked first by each
/// act here, before anything is looked up or read.
pub fn may_manage(by: Actor<'_>) -> Result<(), Error> {
    by.require(permission::may_administer, "manage users")
}

/// The people with a role on `blog_id`, by name; an admin's to read.
pub async fn list(store: &Store, blog_id: i64, by: Actor<'_>) -> Result<Vec<(User, Role)>, Error> {
    may_manage(by)?;
    Ok(store.members(blog_id).await?)
}

/// Whether `by` may add `new` to `blog_id`, and the addition if so: refused
/// before the fields are read, then the role, the address, the name and the
/// password, each refusal naming its field.
pub fn check<'a>(by: Actor<'a>, blog_id: i64, new: &Newcomer) -> Result<Checked<'a>, Error> {
    may_manage(by)?;
    let role = new
        .role
        .parse::<Role>()
        .map_err(|e| Error::invalid("role", e.to_string()))?;
    let email = new.email.trim().to_lowercase();
    if !tidings_core::user::is_plausible_email(&email) {
        return Err(Error::invalid(
            "email",
            format!("{email:?} does not look like an email address."),
        ));
    }
    if by.user().is_some_and(|me| me.email == email) {
        return Err(not_yourself());
    }
    let name = new.name.trim().to_owned();
    if !tidings_core::user::is_valid_name(&name) {
        return Err(Error::invalid(
            "name",
            "A name must be 1 to 100 characters on one line.",
        ));
    }
    tidings_core::password::check(&new.password).map_err(|why| Error::invalid("password", why))?;
    Ok(Checked {
        actor: by,
        blog_id,
        email,
        name,
        role,
        password: new.password.clone(),
    })
}

/// Gives the checked address its role on the blog, creating the account
/// with `password_hash` when the address has none (`Store::add_member`).
/// The answer is the same either way.
pub async fn add(store: &Store, new: Checked<'_>, password_hash: &str) -> Result<(), Error> {
    store
        .add_member(new.blog_id, &new.email, &new.name, password_hash, new.role)
        .await?;
    Ok(())
}

/// Creates a new account holding the checked role: the operator's way, who
/// sees the whole instance and is told when the address is taken (a
/// member's addition never is: see [`add`]).
pub async fn create(store: &Store, new: Checked<'_>, password_hash: &str) -> Result<User, Error> {
    if !matches!(new.actor, Actor::Operator) {
        return Err(Error::Forbidden(
            "Only the operator creates accounts outright; add a member instead.".into(),
        ));
    }
    let made = store
        .create_user(new.blog_id, &new.email, &new.name, password_hash, new.role)
        .await;
    match made {
        Err(StoreError::Conflict(_)) => Err(Error::Conflict(format!(
            "A user with the email {} already exists.",
            new.email
        ))),
        made => Ok(made?),
    }
}

/// The operator's addition of an address that already has an account: it
/// gets the role named `role` on `blog_id`, and keeps its name and
/// password. An account that has a role there already keeps it (409): a
/// role is changed on purpose ([`change_role`]), not by adding again.
pub async fn grant(
    store: &Store,
    blog_id: i64,
    by: Actor<'_>,
    account: &User,
    role: &str,
) -> Result<Role, Error> {
    may_manage(by)?;
    refuse_self(by, account.id)?;
    let role = role
        .parse::<Role>()
        .map_err(|e| Error::invalid("role", e.to_string()))?;
    let members = store.members(blog_id).await?;
    if let Some((_, had)) = members.iter().find(|(u, _)| u.id == account.id) {
        return Err(Error::Conflict(format!(
            "{} already exists with the role {} on this blog; change a role in the \
             admin's Users page.",
            account.email,
            had.as_str()
        )));
    }
    store.set_role(blog_id, account.id, role).await?;
    Ok(role)
}

/// Gives member `user_id` of `blog_id` the role named `role`.
pub async fn change_role(
    store: &Store,
    blog_id: i64,
    by: Actor<'_>,
    user_id: i64,
    role: &str,
) -> Result<(), Error> {
    may_manage(by)?;
    refuse_self(by, user_id)?;
    let role = role
        .parse::<Role>()
        .map_err(|e| Error::invalid("role", e.to_string()))?;
    let members = store.members(blog_id).await?;
    if !members.iter().any(|(u, _)| u.id == user_id) {
        return Err(not_a_member());
    }
    store.set_role(blog_id, user_id, role).await?;
    Ok(())
}

/// Takes away `user_id`'s role on `blog_id`, and with it their access to
/// this blog at once; their account, sessions and tokens stay for the
/// other blogs where they have a role.
pub async fn remove(store: &Store, blog_id: i64, by: Actor<'_>, user_id: i64) -> Result<(), Error> {
    may_manage(by)?;
    refuse_self(by, user_id)?;
    match store.remove_member(blog_id, user_id).await {
        Err(StoreError::NotFound) => Err(not_a_member()),
        done => Ok(done?),
    }
}

/// An admin may not demote or remove themselves: a blog keeps the admin
/// who is acting, and another admin is the one to ask.
fn refuse_self(by: Actor<'_>, user_id: i64) -> Result<(), Error> {
    match by.user() {
        Some(me) if me.id == user_id => Err(not_yourself()),
        _ => Ok(()),
    }
}

fn not_yourself() -> Error {
    Error::Forbidden(
        "You cannot change your own role or remove yourself; ask another admin.".into(),
    )
}

fn not_a_member() -> Error {
    Error::NotFound("That person has no role on this blog.".into())
}
