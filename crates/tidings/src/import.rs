//! `tidings import blogger|wordpress|tidings FILE` and `tidings import markdown
//! DIR`: read the export, write it in one store transaction, say what happened
//! (SPEC section 2).

use std::path::Path;

use anyhow::{Context, anyhow};
use tidings_import::{ImportBatch, ImportReport, ParseError};
use tidings_store::{Store, StoreError};

use crate::blogs;
use crate::cli::{Global, ImportArgs, ImportDirArgs};

pub async fn blogger(global: &Global, store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let bytes = read(&args.file)?;
    let export = tidings_import::blogger::parse(&bytes).map_err(|e| refused(&args.file, &e))?;
    let (batch, notes) = export.to_batch(&blog);
    tell(&args.file, export.notes.iter().chain(&notes));
    let report = write(store, &args.file, &batch).await?;
    if let Some(template) = &export.template {
        // Kept aside for the owner, never applied: see the decisions.
        let path = global.data.join("blogger-template.xml");
        if std::fs::create_dir_all(&global.data).is_ok() && std::fs::write(&path, template).is_ok()
        {
            eprintln!(
                "{}: the Blogger template is kept at {}",
                args.file.display(),
                path.display()
            );
        }
    }
    summary(&args.file, &report);
    Ok(())
}

pub async fn wordpress(store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let bytes = read(&args.file)?;
    let export = tidings_import::wordpress::parse(&bytes).map_err(|e| refused(&args.file, &e))?;
    let (batch, notes) = export.to_batch(&blog);
    tell(&args.file, export.notes.iter().chain(&notes));
    let report = write(store, &args.file, &batch).await?;
    summary(&args.file, &report);
    Ok(())
}

pub async fn tidings(store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let bytes = read(&args.file)?;
    let export = tidings_import::tidings::parse(&bytes).map_err(|e| refused(&args.file, &e))?;
    let batch = export
        .to_batch(&blog)
        .map_err(|e| refused(&args.file, &e))?;
    let report = write(store, &args.file, &batch).await?;
    summary(&args.file, &report);
    Ok(())
}

pub async fn markdown(store: &Store, args: ImportDirArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    if !args.dir.is_dir() {
        anyhow::bail!("{} is not a directory", args.dir.display());
    }
    let mut files = Vec::new();
    read_site(&args.dir, "", &mut files)?;
    files.sort();
    let (batch, notes) = tidings_import::markdown::to_batch(&files, &blog)
        .map_err(|(rel, e)| refused(&args.dir.join(rel), &e))?;
    tell(&args.dir, notes.iter());
    let report = write(store, &args.dir, &batch).await?;
    summary(&args.dir, &report);
    Ok(())
}

/// Every content file under `dir` (paths inside the site, `/`-separated);
/// hidden entries and symbolic links are not followed.
fn read_site(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            read_site(&entry.path(), &format!("{rel}/"), out)?;
        } else if kind.is_file() && tidings_import::markdown::is_content(&rel) {
            out.push((rel, read(&entry.path())?));
        }
    }
    Ok(())
}

fn read(file: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))
}

/// `FILE: line N: what is wrong`, the one line a refused import prints.
fn refused(file: &Path, e: &ParseError) -> anyhow::Error {
    anyhow!("{}: {e}; nothing was imported", file.display())
}

async fn write(store: &Store, file: &Path, batch: &ImportBatch) -> anyhow::Result<ImportReport> {
    match store.import(batch).await {
        Ok(report) => Ok(report),
        Err(StoreError::Conflict(why)) => {
            Err(anyhow!("{}: {why}; nothing was imported", file.display()))
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!(
            "{}: the import failed and changed nothing",
            file.display()
        ))),
    }
}

/// Notes go to stderr, before the summary line.
fn tell<'a>(file: &Path, notes: impl Iterator<Item = &'a String>) {
    for note in notes {
        eprintln!("{}: {note}", file.display());
    }
}

fn summary(file: &Path, r: &ImportReport) {
    tell(file, r.notes.iter());
    let mut line = format!(
        "imported: {} posts, {} pages, {} comments",
        r.posts, r.pages, r.comments
    );
    if r.already_there > 0 {
        line.push_str(&format!(", {} already there", r.already_there));
    }
    if r.orphans > 0 {
        line.push_str(&format!(
            ", {} comments without their post skipped",
            r.orphans
        ));
    }
    println!("{line}");
}
