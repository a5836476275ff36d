//! `tidings backup FILE`: a consistent copy of a SQLite database while the
//! server runs. To restore: stop the server, put FILE in the data directory
//! as `tidings.db` (removing any `tidings.db-wal` and `tidings.db-shm`
//! beside it), start again.

use anyhow::{Context, bail};
use tidings_store::{Store, StoreError};

use crate::cli::BackupArgs;

pub async fn run(store: &Store, args: BackupArgs) -> anyhow::Result<()> {
    if args.file.exists() {
        bail!(
            "{} already exists; choose a new file so no backup is overwritten",
            args.file.display()
        );
    }
    let path = args
        .file
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", args.file.display()))?;
    match store.backup_into(path).await {
        Ok(()) => {
            println!("backed up to {}", args.file.display());
            Ok(())
        }
        Err(StoreError::Conflict(why)) => bail!("{why}"),
        Err(e) => {
            let _ = std::fs::remove_file(&args.file);
            Err(anyhow::Error::new(e).context(format!("cannot write {}", args.file.display())))
        }
    }
}
