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

use tidings_core::comment::is_web_url;
use tidings_store::{
    ImportBatch, ImportComment, ImportHead, ImportItem, ImportItems, ImportPost, ImportReport,
    Store,
};
use tokio::sync::mpsc;

use crate::Error;

/// Items on their way from the checks here to the store: enough to keep
/// both busy, few enough to hold little.
const ITEMS_IN_FLIGHT: usize = 64;

/// What an import did, and what it left out on the way in.
pub struct Imported {
    pub report: ImportReport,
    /// One line per thing changed before an item was stored (an address
    /// left out), for the person who imports.
    pub notes: Vec<String>,
}

/// Writes `batch`, held whole, as [`import_stream`] writes a file's items.
pub async fn import(
    store: &Store,
    batch: ImportBatch,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Imported, Error> {
    let (head, items) = batch.into_parts();
    let (sender, receiver) = mpsc::channel(items.len());
    for item in items {
        // Room for every item was made above.
        let _ = sender.try_send(item);
    }
    drop(sender);
    import_stream(store, head, receiver, progress).await
}

/// Writes the items `items` brings into `head`'s blog in one transaction,
/// each made safe on its way (commenters' addresses, posts' passwords),
/// calling `progress` with the items written so far. The sender ends with
/// [`ImportItem::Done`] once its file was read whole; a sender that goes
/// without it (its file was refused) gets `Error::Store(StoreError::Stopped)`
/// and nothing was imported. `Error::Store` with a conflict names what
/// clashed; on any error nothing was imported.
pub async fn import_stream(
    store: &Store,
    mut head: ImportHead,
    mut items: ImportItems,
    progress: impl Fn(u64) + Send + Sync + 'static,
) -> Result<Imported, Error> {
    if let Some(gadgets) = head.layout.take() {
        head.layout = Some(checked_layout(gadgets).await?);
    }
    let (to_store, store_items) = mpsc::channel(ITEMS_IN_FLIGHT);
    let writing = store.import_stream(head, store_items, progress);
    let preparing = async move {
        let mut notes = Vec::new();
        while let Some(mut item) = items.recv().await {
            match &mut item {
                ImportItem::Post(post) => hash_password(post).await?,
                ImportItem::Comment(c) => notes.extend(without_unsafe_url(c)),
                ImportItem::Attachment(_) | ImportItem::Gadgets(_) | ImportItem::Done => {}
            }
            if to_store.send(item).await.is_err() {
                // The store stopped; its error says why.
                break;
            }
        }
        Ok::<_, Error>(notes)
    };
    let (written, prepared) = tokio::join!(writing, preparing);
    let notes = prepared?;
    Ok(Imported {
        report: written?,
        notes,
    })
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

/// A post's password as the file gave it (WordPress keeps them as typed)
/// becomes an Argon2id hash, on the work pool, before the store sees it; a
/// hash (as our exports write it) is kept as it is. A password no form
/// could take is refused, naming the post.
async fn hash_password(p: &mut ImportPost) -> Result<(), Error> {
    let Some(given) = p.password_hash.take() else {
        return Ok(());
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
    Ok(())
}

/// Leaves out a commenter's web address that is not `http(s)`, with a note
/// (an empty one is no address: left out without a word).
fn without_unsafe_url(c: &mut ImportComment) -> Option<String> {
    let url = c.author_url.take()?;
    if url.trim().is_empty() {
        return None;
    }
    if is_web_url(&url) {
        c.author_url = Some(url);
        return None;
    }
    let shown: String = url.chars().take(80).collect();
    Some(format!(
        "comment {}: its web address {shown:?} is not http or https: left out, \
         the comment is imported without it",
        c.external_id
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_core::CommentStatus;

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
            member_aliases: Vec::new(),
        }
    }

    #[test]
    fn only_http_and_https_addresses_stay() {
        let urls = [
            Some("https://example.org/"),
            None,
            Some("javascript:alert(document.cookie)"),
            Some(" data:text/html,x"),
            Some("HTTP://EXAMPLE.ORG/ok"),
            Some(" "),
        ];
        let mut comments: Vec<ImportComment> = (urls.iter().enumerate())
            .map(|(i, url)| comment(&(i + 1).to_string(), *url))
            .collect();
        let notes: Vec<String> = comments.iter_mut().filter_map(without_unsafe_url).collect();
        let kept: Vec<Option<&str>> = comments.iter().map(|c| c.author_url.as_deref()).collect();
        assert_eq!(
            kept,
            [
                Some("https://example.org/"),
                None,
                None,
                None,
                Some("HTTP://EXAMPLE.ORG/ok"),
                None
            ]
        );
        assert_eq!(notes.len(), 2);
        assert!(notes[0].starts_with("comment 3: its web address \"javascript:"));
    }
}
