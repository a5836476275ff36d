//! `tidings blog …`, and choosing the blog a command acts on.

use anyhow::{Context, bail};
use tidings_app::blogs::{self, Owner};
use tidings_core::BlogSettings;
use tidings_store::Store;

use crate::cli::BlogAddArgs;

/// The blog at `host`, or the default blog when none is named.
pub async fn pick(store: &Store, host: Option<&str>) -> anyhow::Result<BlogSettings> {
    match host {
        Some(h) => store
            .blog_by_host(&h.to_lowercase())
            .await?
            .with_context(|| format!("no blog is served at {h}")),
        None => store
            .default_blog()
            .await?
            .context("this instance has no blog"),
    }
}

/// A host name as a `Host` header carries it, without port or scheme.
fn valid_host(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Adds the blog through `tidings_app::blogs`, and says who owns it: its
/// admin, or the setup link that makes one.
pub async fn add(store: &Store, args: BlogAddArgs) -> anyhow::Result<()> {
    let host = args.host.trim().to_lowercase();
    if !valid_host(&host) {
        bail!(
            "{:?} is not a host name (like blog.example.com, without port or scheme)",
            args.host
        );
    }
    let title = args.title.trim();
    if title.is_empty() || title.chars().count() > BlogSettings::MAX_TITLE_CHARS {
        bail!(
            "the title must be 1 to {} characters long",
            BlogSettings::MAX_TITLE_CHARS
        );
    }
    let added = blogs::add(store, &host, title, args.owner.as_deref()).await?;
    let blog = &added.blog;
    println!("added blog {} at {}", blog.title, blog.host);
    match added.owner {
        Owner::Admin(user) => println!("{} <{}> is its admin", user.name, user.email),
        Owner::SetupLink { path, email } => {
            let who = email.map_or_else(
                || "the admin account".to_owned(),
                |e| format!("the admin account of {e}"),
            );
            println!(
                "setup: open {}{path} to create {who} (the link works once, for 24 hours)",
                tidings_app::mail::blog_url(blog)
            );
        }
    }
    Ok(())
}

pub async fn list(store: &Store) -> anyhow::Result<()> {
    for blog in store.list_blogs().await? {
        println!("{}\t{}", blog.host, blog.title);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn hosts() {
        assert!(super::valid_host("blog.example.com"));
        assert!(super::valid_host("localhost"));
        assert!(!super::valid_host("http://x"));
        assert!(!super::valid_host("x:80"));
        assert!(!super::valid_host("-x.com"));
    }
}
