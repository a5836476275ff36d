//! Moving a blog in: what every import's batch goes through, whatever its
//! format (Blogger, WordPress, our own, Markdown files), and then the
//! store's one transaction, all of it or nothing.
//!
//! Commenters' web addresses are `http` and `https` only. A comment form
//! refuses any other address; an export from elsewhere (or one of ours from
//! before that rule) may still carry `javascript:` or `data:` ones, which a
//! static copy of the blog would turn into links that run on a click. An
//! owner moving in expects every comment to arrive, so the comment is kept
//! and only the address is left out, each one said.

use std::borrow::Cow;

use tidings_core::comment::is_web_url;
use tidings_store::{ImportBatch, ImportReport, Store};

use crate::Error;

/// What an import did, and what it left out on the way in.
pub struct Imported {
    pub report: ImportReport,
    /// One line per thing changed before the batch was stored (an address
    /// left out), for the person who imports.
    pub notes: Vec<String>,
}

/// Writes `batch` to its blog in one transaction, once its commenters'
/// addresses are safe, calling `progress` with the items written so far.
/// `Error::Store` with a conflict names what clashed; on any error nothing
/// was imported.
pub async fn import(
    store: &Store,
    batch: ImportBatch,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Imported, Error> {
    let (cleaned, notes) = without_unsafe_urls(&batch);
    let mut batch = match cleaned {
        Cow::Owned(cleaned) => cleaned,
        Cow::Borrowed(_) => batch,
    };
    hash_passwords(&mut batch).await?;
    if let Some(gadgets) = batch.layout.take() {
        batch.layout = Some(checked_layout(gadgets).await?);
    }
    let report = store.import_with_progress(batch, progress).await?;
    Ok(Imported { report, notes })
}

/// The sidebar an import brings, checked as the Layout page's and its text
/// gadgets' HTML through the posts' sanitiser, as every way in stores it.
async fn checked_layout(
    gadgets: Vec<tidings_core::gadget::Gadget>,
) -> Result<Vec<tidings_core::gadget::Gadget>, Error> {
    tidings_core::gadget::check_layout(&gadgets).map_err(|r| {
        Error::invalid(
            "layout",
            format!("the sidebar's {}: {}", r.field, r.message),
        )
    })?;
    crate::layout::sanitised(gadgets).await
}

/// Posts' passwords as the file gave them (WordPress keeps them as typed)
/// become Argon2id hashes, on the work pool, before anything is stored; a
/// hash (as our exports write it) is kept as it is. A password no form
/// could take is refused, naming the post.
async fn hash_passwords(batch: &mut ImportBatch) -> Result<(), Error> {
    for p in &mut batch.posts {
        let Some(given) = p.password_hash.take() else {
            continue;
        };
        p.password_hash = Some(if tidings_core::password::is_hash(&given) {
            given
        } else {
            tidings_core::password::check_post_password(&given).map_err(|why| {
                Error::invalid(
                    "password",
                    format!("{} {}: {why}", p.kind.as_str(), p.external_id),
                )
            })?;
            crate::work::hash_password(&given).await?
        });
    }
    Ok(())
}

/// `batch` without the commenters' web addresses that are not `http(s)`,
/// and a note for each one left out; borrowed when every address is fine.
fn without_unsafe_urls(batch: &ImportBatch) -> (Cow<'_, ImportBatch>, Vec<String>) {
    // An empty address is no address: left out without a word.
    let unsafe_url = |url: &Option<String>| url.as_deref().is_some_and(|u| !is_web_url(u));
    let blank = |url: &Option<String>| url.as_deref().is_some_and(|u| u.trim().is_empty());
    if !batch.comments.iter().any(|c| unsafe_url(&c.author_url)) {
        return (Cow::Borrowed(batch), Vec::new());
    }
    let mut batch = batch.clone();
    let mut notes = Vec::new();
    for c in &mut batch.comments {
        if blank(&c.author_url) {
            c.author_url = None;
        } else if unsafe_url(&c.author_url) {
            let url = c.author_url.take().unwrap_or_default();
            let shown: String = url.chars().take(80).collect();
            notes.push(format!(
                "comment {}: its web address {shown:?} is not http or https: left out, \
                 the comment is imported without it",
                c.external_id
            ));
        }
    }
    (Cow::Owned(batch), notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_core::CommentStatus;
    use tidings_store::ImportComment;

    fn comment(id: &str, url: Option<&str>) -> ImportComment {
        ImportComment {
            external_id: id.into(),
            id: None,
            post: "1".into(),
            parent: None,
            author_name: "A".into(),
            author_email: None,
            author_url: url.map(Into::into),
            body: "hi".into(),
            body_html: String::new(),
            status: CommentStatus::Published,
            hold_reasons: String::new(),
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn only_http_and_https_addresses_stay() {
        let batch = ImportBatch {
            blog_id: 1,
            source: "tidings",
            settings: None,
            posts: Vec::new(),
            comments: vec![
                comment("1", Some("https://example.org/")),
                comment("2", None),
            ],
            attachments: Vec::new(),
            held_comment_mail: Vec::new(),
            layout: None,
            gadgets: Vec::new(),
        };
        let (kept, notes) = without_unsafe_urls(&batch);
        assert!(matches!(kept, Cow::Borrowed(_)) && notes.is_empty());
        let mut bad = batch.clone();
        bad.comments
            .push(comment("3", Some("javascript:alert(document.cookie)")));
        bad.comments.push(comment("4", Some(" data:text/html,x")));
        bad.comments
            .push(comment("5", Some("HTTP://EXAMPLE.ORG/ok")));
        bad.comments.push(comment("6", Some(" ")));
        let (kept, notes) = without_unsafe_urls(&bad);
        let urls: Vec<Option<&str>> = kept
            .comments
            .iter()
            .map(|c| c.author_url.as_deref())
            .collect();
        assert_eq!(
            urls,
            [
                Some("https://example.org/"),
                None,
                None,
                None,
                Some("HTTP://EXAMPLE.ORG/ok"),
                None
            ]
        );
        assert_eq!(kept.comments.len(), 6, "every comment is kept");
        assert_eq!(notes.len(), 2);
        assert!(notes[0].starts_with("comment 3: its web address \"javascript:"));
    }
}
