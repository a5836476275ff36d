//! `tidings user …` and `tidings token create|revoke`.

use anyhow::{Context, bail};
use tidings_app::{Actor, people};
use tidings_store::{Store, StoreError};

use crate::cli::{TokenCreateArgs, TokenRevokeArgs, UserAddArgs, UserPasswordArgs};
use crate::{blogs, passwords};

/// Adds a new account with a role on a blog, through the same checks as the
/// admin's users page (`tidings_app::people`), as the operator: who needs no
/// role, and is told when the address already has an account.
pub async fn add(store: &Store, args: UserAddArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
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

pub async fn password(store: &Store, args: UserPasswordArgs) -> anyhow::Result<()> {
    let email = args.email.trim().to_lowercase();
    let user = store
        .user_by_email(&email)
        .await?
        .with_context(|| format!("no user has the email {email}"))?;
    let password = passwords::read_stdin()?;
    store
        .set_password(user.id, &passwords::hash(&password)?)
        .await?;
    // A new password ends every session, as in the admin.
    store.delete_user_sessions(user.id).await?;
    println!("password changed for {email}; every session of theirs is signed out");
    Ok(())
}

pub async fn create_token(store: &Store, args: TokenCreateArgs) -> anyhow::Result<()> {
    let email = args.email.trim().to_lowercase();
    let user = store
        .user_by_email(&email)
        .await?
        .with_context(|| format!("no user has the email {email}"))?;
    let label = args.label.trim();
    if label.is_empty() || label.chars().count() > 100 {
        bail!("the label must be 1 to 100 characters long");
    }
    let token = tidings_web::tokens::generate();
    store
        .create_token(user.id, label, &tidings_web::tokens::hash(&token))
        .await?;
    eprintln!("API token for {email} (shown once; keep it secret):");
    println!("{token}");
    Ok(())
}

pub async fn revoke_tokens(store: &Store, args: TokenRevokeArgs) -> anyhow::Result<()> {
    match (args.id, args.email) {
        (Some(id), _) => match store.revoke_token_by_id(id).await {
            Ok(()) => println!("revoked token {id}"),
            Err(StoreError::NotFound) => bail!("no token has the id {id}"),
            Err(e) => return Err(e.into()),
        },
        (None, Some(email)) => {
            let email = email.trim().to_lowercase();
            let user = store
                .user_by_email(&email)
                .await?
                .with_context(|| format!("no user has the email {email}"))?;
            let n = store.revoke_all_tokens(user.id).await?;
            println!("revoked {n} tokens of {email}");
        }
        (None, None) => bail!("name a token id, or --all --email E"),
    }
    Ok(())
}
