//! `tidings backup FILE`: a consistent copy of a SQLite database while the
//! server runs, and of the files beside it. To restore: stop the server,
//! put FILE in the data directory as `tidings.db` (removing any
//! `tidings.db-wal` and `tidings.db-shm` beside it) and `FILE.media` as
//! `media`, start again.
//!
//! Uploads on SQLite are files under `DATA_DIR/media` (on PostgreSQL they
//! are in the database, which `pg_dump` copies). They are copied after the
//! database, so every file the copy names is there: an upload's files are
//! written before its row and never change, so each is hard-linked where
//! the file system allows (no second copy of the bytes) and copied
//! otherwise.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use tidings_store::{Store, StoreError};

use crate::cli::{BackupArgs, Global};

pub async fn run(global: &Global, store: &Store, args: BackupArgs) -> anyhow::Result<()> {
    let media_copy = media_copy_of(&args.file);
    for taken in [&args.file, &media_copy] {
        if taken.exists() {
            bail!(
                "{} already exists; choose a new file so no backup is overwritten",
                taken.display()
            );
        }
    }
    let path = args
        .file
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", args.file.display()))?;
    match store.backup_into(path).await {
        Ok(()) => {}
        Err(StoreError::Conflict(why)) => bail!("{why}"),
        Err(e) => {
            let _ = std::fs::remove_file(&args.file);
            return Err(
                anyhow::Error::new(e).context(format!("cannot write {}", args.file.display()))
            );
        }
    }
    let media = global.data.join("media");
    if media.is_dir() {
        let files = copy_tree(&media, &media_copy).with_context(|| {
            format!(
                "the database is backed up to {} but the media files could not be copied to {}",
                args.file.display(),
                media_copy.display()
            )
        })?;
        println!(
            "backed up to {} and {files} media files to {}",
            args.file.display(),
            media_copy.display()
        );
    } else {
        println!("backed up to {}", args.file.display());
    }
    Ok(())
}

/// Where the media files of the backup `file` go: `FILE.media`, beside it.
fn media_copy_of(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".media");
    PathBuf::from(name)
}

/// Copies the files under `from` to `to` (hard links where it can), files
/// being written (`.partial`, `.part`) left out; answers how many.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<u64> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    let mut copied = 0;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type()?;
        if kind.is_dir() {
            copied += copy_tree(&source, &target)?;
        } else if kind.is_file()
            && !source
                .extension()
                .is_some_and(|e| e == "partial" || e == "part")
        {
            if std::fs::hard_link(&source, &target).is_err() {
                std::fs::copy(&source, &target)
                    .with_context(|| format!("cannot copy {}", source.display()))?;
            }
            copied += 1;
        }
    }
    Ok(copied)
}
