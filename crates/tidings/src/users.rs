//! `tidings user …` and `tidings token …`: the operator's way to the same
//! use cases the admin's Users and Tokens pages call.

use anyhow::{Context, bail};
use tidings_app::{Actor, account, people, tokens};
use tidings_store::{Store, User};

use crate::cli::{
    BlogChoice, TokenCreateArgs, TokenListArgs, TokenRevokeArgs, UserAddArgs, UserPasswordArgs,
    UserRemoveArgs,
};
use crate::{blogs, passwords};

/// Adds a new account with a role on a blog, through the same checks as the
/// admin's users page (`tidings_app::people`), as the operator, who needs no
/// role.
/// An address that already has an account gets the role on the blog
/// instead (its name and password stay; the password on standard input is
/// not read), unless it has one there already.
pub async fn add(store: &Store, args: UserAddArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    if let Some(account) = store
        .user_by_email(&args.email.trim().to_lowercase())
        .await?
    {
        let role = people::grant(store, blog.id, Actor::Operator, &account, &args.role).await?;
        println!(
            "{} <{}> already has an account (name and password unchanged): added as {} of {}",
            account.name,
            account.email,
            role.as_str(),
            blog.host
        );
        return Ok(());
    }
    let newcomer = people::Newcomer {
        email: args.email,
        name: args.name,
        role: args.role,
        password: passwords::read_stdin()?,
    };
    let checked = people::check(Actor::Operator, blog.id, &newcomer)?;
    // One hash in a process of its own: no pool to bound.
    let hash = passwords::hash(checked.password())?;
    let role = checked.role();
    let user = people::create(store, checked, &hash).await?;
    println!(
        "added {} <{}> as {} of {}",
        user.name,
        user.email,
        role.as_str(),
        blog.host
    );
    Ok(())
}

/// One line per person with a role on the blog: e-mail, role, name,
/// tab-separated, for people and scripts alike.
pub async fn list(store: &Store, args: BlogChoice) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    for (user, role) in people::list(store, blog.id, Actor::Operator).await? {
        println!("{}\t{}\t{}", user.email, role.as_str(), user.name);
    }
    Ok(())
}

/// Takes the person's role on the blog away; their account stays.
pub async fn remove(store: &Store, args: UserRemoveArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.blog.as_deref()).await?;
    let user = by_email(store, &args.email).await?;
    people::remove(store, blog.id, Actor::Operator, user.id).await?;
    println!("removed {} from {}", user.email, blog.host);
    Ok(())
}

pub async fn password(store: &Store, args: UserPasswordArgs) -> anyhow::Result<()> {
    let user = by_email(store, &args.email).await?;
    let email = &user.email;
    let password = passwords::read_stdin()?;
    // A new password ends every session, as in the admin.
    account::replace_password(store, user.id, &passwords::hash(&password)?).await?;
    println!("password changed for {email}; every session of theirs is signed out");
    Ok(())
}

pub async fn create_token(store: &Store, args: TokenCreateArgs) -> anyhow::Result<()> {
    let user = by_email(store, &args.email).await?;
    let secret = tokens::create(store, user.id, &args.label).await?;
    eprintln!("API token for {} (shown once; keep it secret):", user.email);
    println!("{secret}");
    Ok(())
}

/// One line per token, newest first: id, label, made, last used, tab-separated.
pub async fn list_tokens(store: &Store, args: TokenListArgs) -> anyhow::Result<()> {
    let user = by_email(store, &args.email).await?;
    for token in tokens::list(store, user.id).await? {
        let used = token
            .last_used_at
            .map_or_else(|| "never used".to_owned(), |t| t.to_rfc3339());
        println!(
            "{}\t{}\t{}\t{used}",
            token.id,
            token.label,
            token.created_at.to_rfc3339()
        );
    }
    Ok(())
}

pub async fn revoke_tokens(store: &Store, args: TokenRevokeArgs) -> anyhow::Result<()> {
    match (args.id, args.email) {
        (Some(id), _) => {
            tokens::revoke(store, Actor::Operator, id).await?;
            println!("revoked token {id}");
        }
        (None, Some(email)) => {
            let user = by_email(store, &email).await?;
            let n = tokens::revoke_all(store, user.id).await?;
            println!("revoked {n} tokens of {}", user.email);
        }
        (None, None) => bail!("name a token id, or --all --email E"),
    }
    Ok(())
}

/// The account with `email` (any case), or why there is none.
async fn by_email(store: &Store, email: &str) -> anyhow::Result<User> {
    let email = email.trim().to_lowercase();
    store
        .user_by_email(&email)
        .await?
        .with_context(|| format!("no user has the email {email}"))
}
