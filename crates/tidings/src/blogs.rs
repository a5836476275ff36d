//! `tidings blog …`, and choosing the blog a command acts on.

use anyhow::{Context, bail};
use tidings_core::BlogSettings;
use tidings_store::{Store, StoreError};

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
    match store.create_blog(&host, title).await {
        Ok(blog) => {
            println!("added blog {} at {}", blog.title, blog.host);
            Ok(())
        }
        Err(StoreError::Conflict(_)) => bail!("a blog is already served at {host}"),
        Err(e) => Err(e.into()),
    }
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
