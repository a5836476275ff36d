//! `tidings export --format … FILE`: the whole blog in a file another blog
//! engine (or Tidings) can import.

use anyhow::{Context, bail};
use tidings_store::Store;

use crate::blogs;
use crate::cli::{ExportArgs, Global};

pub async fn run(global: &Global, store: &Store, args: ExportArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let mut snapshot = store.export_snapshot(blog.id).await?;
    if args.without_personal_data {
        for c in &mut snapshot.comments {
            c.author_email = None;
        }
    }
    let (text, notes) = match args.format.as_str() {
        "blogger" => tidings_import::export::blogger(&blog, &snapshot),
        "tidings" => {
            let blobs = crate::media::blobs(global, store, &args.media)?;
            let media = crate::media::uploads_with_bytes(store, &*blobs, blog.id).await?;
            tidings_import::tidings::export(&blog, &snapshot, &media)
        }
        "wxr" => tidings_import::export::wxr(&blog, &snapshot),
        other => bail!("unknown export format {other}: use tidings, blogger or wxr"),
    };
    // Written beside the target, then renamed: a failed export never leaves
    // half a file where a good one was.
    let tmp = args.file.with_extension("tidings-export-tmp");
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.file)
        .with_context(|| format!("cannot write {}", args.file.display()))?;
    for note in notes {
        eprintln!("{}: {note}", args.file.display());
    }
    let posts = snapshot
        .posts
        .iter()
        .filter(|p| p.kind == tidings_core::PostKind::Post)
        .count();
    println!(
        "exported: {posts} posts, {} pages, {} comments to {}",
        snapshot.posts.len() - posts,
        snapshot.comments.len(),
        args.file.display()
    );
    Ok(())
}
