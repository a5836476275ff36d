//! `tidings import blogger|wordpress|tidings FILE` and `tidings import markdown
//! DIR`: read the export, write it in one store transaction (so a bad file
//! changes nothing), say what happened in one line. Exports are read first
//! for what their items depend on, then again as their items are written
//! (`streamed`), so memory holds neither the file nor its items.
//! `--fetch-media` then brings the blog's pictures home as uploads (see
//! [`crate::media`]): Blogger's, and WordPress's attachments and the
//! pictures its posts show.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use tidings_core::BlogSettings;
use tidings_import::{ImportBatch, ImportReport, ParseError};
use tidings_store::{Store, StoreError};

use crate::blogs;
use crate::cli::{Global, ImportArgs, ImportDirArgs, ImportFetchArgs};
use crate::media::FetchOptions;

mod streamed;

use self::streamed::Source;

pub async fn blogger(global: &Global, store: &Store, args: ImportFetchArgs) -> anyhow::Result<()> {
    let (args, fetching) = args.split();
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let reading = progress(0, "reading");
    let source = Source::open(&args.file)?;
    let outline = source
        .reader()
        .and_then(tidings_import::blogger::outline)
        .map_err(|e| refused(&args.file, &e))?;
    let (head, plan, notes) = outline.plan(&blog);
    drop(reading);
    tell(&args.file, outline.export.notes.iter().chain(&notes));
    let written = streamed::write(store, &args.file, head, outline.items, move |send| {
        tidings_import::blogger::stream(source.reader()?, &plan, send)
    })
    .await?;
    tell(&args.file, written.read.iter().chain(&written.notes));
    let report = written.report;
    if let Some(template) = &outline.export.template {
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
    tell(&args.file, report.notes.iter());
    if let Some(options) = fetching {
        // The import has committed: what fails here is reported, not undone.
        bring_pictures_home(global, store, &blog, &args, options).await?;
    }
    println!("{}", summary_line(&report));
    Ok(())
}

impl ImportFetchArgs {
    /// The import's own arguments, and the fetcher's bounds when
    /// `--fetch-media` was given.
    fn split(self) -> (ImportArgs, Option<FetchOptions>) {
        let fetching = self.fetch_media.then_some(FetchOptions {
            max_mib: self.fetch_max_mib,
            timeout_secs: self.fetch_timeout_secs,
            allow_private: self.allow_private_addresses,
        });
        (self.import, fetching)
    }
}

pub async fn wordpress(
    global: &Global,
    store: &Store,
    args: ImportFetchArgs,
) -> anyhow::Result<()> {
    let (args, fetching) = args.split();
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let reading = progress(0, "reading");
    let source = Source::open(&args.file)?;
    let outline = source
        .reader()
        .and_then(tidings_import::wordpress::outline)
        .map_err(|e| refused(&args.file, &e))?;
    let (head, notes) = outline.head(&blog);
    drop(reading);
    tell(&args.file, outline.export.notes.iter().chain(&notes));
    let items = outline.items;
    let written = streamed::write(store, &args.file, head, items, {
        let blog = blog.clone();
        move |send| tidings_import::wordpress::stream(source.reader()?, &outline, &blog, send)
    })
    .await?;
    tell(&args.file, written.read.iter().chain(&written.notes));
    let report = written.report;
    tell(&args.file, report.notes.iter());
    if let Some(options) = fetching {
        // The import has committed: what fails here is reported, not undone.
        crate::media::attachments::bring_home(global, store, &blog, &args, options).await?;
    }
    println!("{}", summary_line(&report));
    Ok(())
}

/// Fetches the pictures the blog's posts show from other servers, keeps
/// them as uploads and points the posts at them; says on stderr which
/// failed and what was done.
async fn bring_pictures_home(
    global: &Global,
    store: &Store,
    blog: &BlogSettings,
    args: &ImportArgs,
    options: FetchOptions,
) -> anyhow::Result<()> {
    let file = &args.file;
    let wanted = tidings_app::media::moved::pictures_elsewhere(store, blog.id).await?;
    if wanted.is_empty() {
        return Ok(());
    }
    let total = wanted.len();
    let bar = progress(total as u64, "pictures");
    let kept = crate::media::pictures::fetch_and_keep(
        store,
        crate::media::blobs(global, store, &args.media)?,
        blog.id,
        wanted,
        options,
        {
            let bar = bar.clone();
            move || bar.inc(1)
        },
    )
    .await?;
    bar.finish_and_clear();
    let fetched = kept.homes.len();
    let changed = tidings_app::media::moved::point_posts_home(store, blog.id, kept.homes)
        .await
        .with_context(|| {
            format!(
                "{}: pictures: {fetched} were kept as uploads but the posts could not be \
                 pointed at them; run the import again",
                file.display()
            )
        })?;
    for failure in &kept.failed {
        eprintln!(
            "{}: pictures: not fetched, the old address is kept: {failure}",
            file.display()
        );
    }
    eprintln!(
        "{}: pictures: fetched {fetched} of {total} as uploads; {changed} posts now use them",
        file.display()
    );
    Ok(())
}

pub async fn tidings(global: &Global, store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    let source = Source::open(&args.file)?;
    let head = source
        .reader()
        .and_then(|input| tidings_import::tidings::head(input, &blog))
        .map_err(|e| refused(&args.file, &e))?;
    // The uploads, checked as the file is read, are restored once it is in.
    let written = streamed::write(store, &args.file, head, 0, {
        let source = source.clone();
        move |send| tidings_import::tidings::stream(source.reader()?, send)
    })
    .await?;
    tell(&args.file, written.notes.iter());
    if written.read > 0 {
        restore_media(global, store, &blog, &args, source, written.read).await?;
    }
    summary(&args.file, &written.report);
    Ok(())
}

/// Puts back the `count` uploads our export carried, at their addresses,
/// reading the file once more so that one upload at a time is held; says on
/// stderr how many. The posts are in already: an upload that cannot be
/// restored stops the command, and running it again restores the rest.
async fn restore_media(
    global: &Global,
    store: &Store,
    blog: &BlogSettings,
    args: &ImportArgs,
    source: Source,
    count: u64,
) -> anyhow::Result<()> {
    let file = &args.file;
    let blobs = crate::media::blobs(global, store, &args.media)?;
    let bar = progress(count, "media");
    let (sender, mut uploads) = tokio::sync::mpsc::channel(1);
    let reading = tokio::task::spawn_blocking(move || {
        tidings_import::tidings::media(source.reader()?, |m| {
            sender.blocking_send(m).map_err(|_| ParseError {
                line: None,
                message: "the restore stopped".into(),
            })
        })
    });
    let (mut restored, mut there) = (0, 0);
    while let Some(m) = uploads.recv().await {
        let path = m
            .files
            .first()
            .map(|(f, _)| f.path.clone())
            .unwrap_or_default();
        let done = tidings_app::media::moved::restore(
            store,
            &*blobs,
            blog.id,
            m.alt,
            m.created_at,
            &m.files,
        )
        .await
        .with_context(|| format!("{}: media: cannot restore {path}", file.display()))?;
        if done {
            restored += 1;
        } else {
            there += 1;
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    // The file changed since it was imported, or cannot be read again.
    let read = reading.await.context("reading the file stopped")?;
    read.map_err(|e| anyhow!("{}: media: {e}", file.display()))?;
    if restored > 0 {
        tidings_app::media::moved::show_uploads(store, blog.id)
            .await
            .with_context(|| format!("{}: media: the posts could not show them", file.display()))?;
    }
    eprintln!(
        "{}: media: restored {restored} uploads ({there} already there)",
        file.display()
    );
    Ok(())
}

pub async fn markdown(store: &Store, args: ImportDirArgs) -> anyhow::Result<()> {
    let blog = blogs::pick(store, args.blog.as_deref()).await?;
    if !args.dir.is_dir() {
        anyhow::bail!("{} is not a directory", args.dir.display());
    }
    let reading = progress(0, "reading");
    let mut files = Vec::new();
    read_site(&args.dir, "", &mut files)?;
    files.sort();
    // The site's own settings file names its language, when it has one.
    let language = tidings_import::site_config::FILES.iter().find_map(|name| {
        let text = std::fs::read_to_string(args.dir.join(name)).ok()?;
        tidings_import::site_config::language(name, &text)
    });
    let (batch, notes) = tidings_import::markdown::to_batch(&files, &blog, language)
        .map_err(|(rel, e)| refused(&args.dir.join(rel), &e))?;
    drop(reading);
    tell(&args.dir, notes.iter());
    let report = write(store, &args.dir, batch).await?;
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

/// The whole file, refused in one line when it is larger than an import
/// reads (`tidings_import::MAX_EXPORT_BYTES`): memory stays bounded even when
/// FILE is an endless pipe.
fn read(file: &Path) -> anyhow::Result<Vec<u8>> {
    let opened =
        std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    tidings_import::read_export(opened).map_err(|e| match e.kind() {
        std::io::ErrorKind::FileTooLarge => {
            anyhow!("{}: {e}; nothing was imported", file.display())
        }
        _ => anyhow::Error::new(e).context(format!("cannot read {}", file.display())),
    })
}

/// A progress bar of `len` steps (a spinner when `len` is 0), drawn only when
/// a person watches: on stderr when it is a terminal, else on stdout when that
/// is one; hidden in pipes, files and tests. The one summary line is printed
/// after the bar is cleared.
pub(crate) fn progress(len: u64, what: &str) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else if std::io::stdout().is_terminal() {
        ProgressDrawTarget::stdout()
    } else {
        return ProgressBar::hidden();
    };
    let bar = if len == 0 {
        let s = ProgressBar::with_draw_target(None, target);
        s.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        s.enable_steady_tick(Duration::from_millis(120));
        s
    } else {
        let b = ProgressBar::with_draw_target(Some(len), target);
        b.set_style(
            ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} {elapsed} (eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b
    };
    bar.set_message(what.to_owned());
    // Cleared when dropped too, so an error line is never drawn over.
    bar.with_finish(ProgressFinish::AndClear)
}

/// `FILE: line N: what is wrong`, the one line a refused import prints.
fn refused(file: &Path, e: &ParseError) -> anyhow::Error {
    anyhow!("{}: {e}; nothing was imported", file.display())
}

async fn write(store: &Store, file: &Path, batch: ImportBatch) -> anyhow::Result<ImportReport> {
    let bar = progress(
        (batch.posts.len() + batch.comments.len() + batch.attachments.len()) as u64,
        "importing",
    );
    let result = tidings_app::import::import(store, batch, {
        let bar = bar.clone();
        move |done| bar.set_position(done)
    })
    .await;
    bar.finish_and_clear();
    match result {
        Ok(imported) => {
            tell(file, imported.notes.iter());
            Ok(imported.report)
        }
        Err(tidings_app::Error::Store(StoreError::Conflict(why))) => {
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

/// The store's notes, then the one summary line.
fn summary(file: &Path, r: &ImportReport) {
    tell(file, r.notes.iter());
    println!("{}", summary_line(r));
}

/// `imported: P posts, G pages, C comments`, and what else there is to count.
fn summary_line(r: &ImportReport) -> String {
    let mut line = format!(
        "imported: {} posts, {} pages, {} comments",
        r.posts, r.pages, r.comments
    );
    if r.attachments > 0 {
        line.push_str(&format!(", {} attachments", r.attachments));
    }
    if r.gadgets > 0 {
        line.push_str(&format!(", {} gadgets", r.gadgets));
    }
    if r.already_there > 0 {
        line.push_str(&format!(", {} already there", r.already_there));
    }
    if r.orphans > 0 {
        line.push_str(&format!(
            ", {} comments without their post skipped",
            r.orphans
        ));
    }
    line
}
