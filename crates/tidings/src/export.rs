//! `tidings export --format … FILE`: the whole blog in a file another blog
//! engine (or Tidings) can import.

use std::io::Write;

use anyhow::{Context, bail};
use tidings_store::Store;

use crate::blogs;
use crate::cli::{ExportArgs, Global};

pub async fn run(global: &Global, store: &Store, args: ExportArgs) -> anyhow::Result<()> {
    if !matches!(args.format.as_str(), "blogger" | "tidings" | "wxr") {
        bail!(
            "unknown export format {}: use tidings, blogger or wxr",
            args.format
        );
    }
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let mut snapshot = store.export_snapshot(blog.id).await?;
    if args.without_personal_data {
        for c in &mut snapshot.comments {
            c.author_email = None;
            // A member's name stays (their comments are still theirs), the
            // e-mail after it goes.
            c.member_aliases.truncate(1);
        }
    }
    let media = match args.format.as_str() {
        "tidings" => {
            let blobs = crate::media::blobs(global, store, &args.media)?;
            crate::media::uploads_with_bytes(store, &*blobs, blog.id).await?
        }
        _ => Vec::new(),
    };
    // Written beside the target as it is made, then renamed: a failed
    // export never leaves half a file where a good one was.
    let tmp = args.file.with_extension("tidings-export-tmp");
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let written = match args.format.as_str() {
        "blogger" => tidings_import::export::blogger(&blog, &snapshot, &mut out),
        "tidings" => tidings_import::tidings::export(&blog, &snapshot, &media, &mut out),
        // The one format left, checked above.
        _ => tidings_import::export::wxr(&blog, &snapshot, &mut out),
    };
    let written = written.and_then(|notes| out.flush().map(|()| notes));
    drop(out);
    let notes = match written {
        Ok(notes) => notes,
        Err(e) => {
            // Half a file is no export: it goes.
            let _ = std::fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("cannot write {}", tmp.display()));
        }
    };
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
