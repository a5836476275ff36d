//! An export imported as it is read: the file is read once more on a
//! thread of its own, each item handed to the store's one transaction as it
//! is read, so neither the file nor what it becomes is ever held whole.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, anyhow};
use tidings_import::{ImportReport, ParseError};
use tidings_store::{ImportHead, ImportItem, Store, StoreError};

use super::{progress, refused};

/// Items read ahead of the store: the reader and the writer each on their
/// own core, with little in hand.
const ITEMS_AHEAD: usize = 64;

/// The file an import reads, once per pass: opened again for each when it
/// is a file, held (within the import's limit) when it is a pipe, which can
/// be read only once.
#[derive(Clone)]
pub(super) enum Source {
    File(PathBuf),
    Held(Arc<[u8]>),
}

impl Source {
    pub(super) fn open(file: &Path) -> anyhow::Result<Self> {
        let meta =
            std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
        Ok(if meta.is_file() {
            Self::File(file.to_owned())
        } else {
            Self::Held(Arc::from(super::read(file)?))
        })
    }

    /// The file from its start.
    pub(super) fn reader(&self) -> Result<Box<dyn Read + Send>, ParseError> {
        match self {
            Self::File(path) => match std::fs::File::open(path) {
                Ok(f) => Ok(Box::new(f)),
                Err(e) => Err(ParseError {
                    line: None,
                    message: format!("cannot read the file: {e}"),
                }),
            },
            Self::Held(bytes) => Ok(Box::new(std::io::Cursor::new(Arc::clone(bytes)))),
        }
    }
}

/// What a reading sends its items through; it fails once the store stopped.
pub(super) type SendItem<'a> = dyn FnMut(ImportItem) -> Result<(), ParseError> + 'a;

/// What [`write`] wrote, with what the reading answered.
pub(super) struct Written<T> {
    pub(super) report: ImportReport,
    /// What the import changed on the way in (an address left out).
    pub(super) notes: Vec<String>,
    pub(super) read: T,
}

/// Writes into `head`'s blog the `items` items `read` sends (it reads the
/// file on a blocking thread), in one transaction committed once `read` has
/// read the whole file: a file refused halfway changes nothing.
pub(super) async fn write<T: Send + 'static>(
    store: &Store,
    file: &Path,
    head: ImportHead,
    items: u64,
    read: impl FnOnce(&mut SendItem<'_>) -> Result<T, ParseError> + Send + 'static,
) -> anyhow::Result<Written<T>> {
    let bar = progress(items, "importing");
    let (sender, receiver) = tokio::sync::mpsc::channel(ITEMS_AHEAD);
    let reading = tokio::task::spawn_blocking(move || {
        let mut send = |item: ImportItem| {
            sender.blocking_send(item).map_err(|_| ParseError {
                line: None,
                message: "the store stopped".into(),
            })
        };
        let read = read(&mut send)?;
        send(ImportItem::Done)?;
        Ok::<_, ParseError>(read)
    });
    let written = tidings_app::import::import_stream(store, head, receiver, {
        let bar = bar.clone();
        move |done| bar.set_position(done)
    })
    .await;
    let read = reading.await.context("reading the file stopped")?;
    bar.finish_and_clear();
    match (written, read) {
        (Ok(imported), Ok(read)) => Ok(Written {
            report: imported.report,
            notes: imported.notes,
            read,
        }),
        // The file was refused: the reader says why.
        (Err(tidings_app::Error::Store(StoreError::Stopped)), Err(e)) => Err(refused(file, &e)),
        (Err(tidings_app::Error::Store(StoreError::Conflict(why))), _) => {
            Err(anyhow!("{}: {why}; nothing was imported", file.display()))
        }
        (Err(e), _) => Err(anyhow::Error::new(e).context(format!(
            "{}: the import failed and changed nothing",
            file.display()
        ))),
        // The store commits only after the reader's last item, sent once
        // the file was read whole.
        (Ok(_), Err(e)) => Err(anyhow!(
            "{}: {e}; the import was written before this was found",
            file.display()
        )),
    }
}
