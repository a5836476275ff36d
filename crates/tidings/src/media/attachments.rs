//! `import wordpress --fetch-media`: the blog's attachments, and the
//! pictures its posts show from elsewhere, fetched and kept as uploads
//! ([`super::pictures`], as Blogger's pictures are), then the posts, their
//! featured images and the attachments pointed at them
//! (`tidings_app::media::attachments`).

use anyhow::Context;
use tidings_core::BlogSettings;
use tidings_store::Store;

use super::FetchOptions;
use crate::cli::{Global, ImportArgs};
use crate::import::progress;

/// Brings `blog`'s attachments home; says on stderr which failed, which
/// were left as they are and what was done. The import has committed:
/// what fails here is reported, not undone.
pub async fn bring_home(
    global: &Global,
    store: &Store,
    blog: &BlogSettings,
    args: &ImportArgs,
    options: FetchOptions,
) -> anyhow::Result<()> {
    let file = args.file.display();
    let plan = tidings_app::media::attachments::plan(store, blog.id).await?;
    for left in &plan.not_pictures {
        eprintln!("{file}: media: not a picture, the old address is kept: {left}");
    }
    let total = plan.wanted.len();
    let kept = if total == 0 {
        super::pictures::Kept::default()
    } else {
        let bar = progress(total as u64, "media");
        let kept = super::pictures::fetch_and_keep(
            store,
            super::blobs(global, store, &args.media)?,
            blog.id,
            plan.wanted,
            options,
            {
                let bar = bar.clone();
                move || bar.inc(1)
            },
        )
        .await?;
        bar.finish_and_clear();
        kept
    };
    let fetched = kept.homes.len();
    // Run with nothing fetched too: posts an earlier run left unpointed are
    // pointed now.
    let changed = tidings_app::media::attachments::point_posts_home(store, blog.id, kept.homes)
        .await
        .with_context(|| {
            format!(
                "{file}: media: {fetched} files were kept as uploads but the posts could not \
                 be pointed at them; run the import again"
            )
        })?;
    for failure in &kept.failed {
        eprintln!("{file}: media: not fetched, the old address is kept: {failure}");
    }
    eprintln!(
        "{file}: media: fetched {fetched} of {total} as uploads; {changed} posts now use them"
    );
    Ok(())
}
