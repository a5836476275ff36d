//! The render's files as they are written: each answer at its file, a
//! list's page only while the list reaches it, and the count by kind.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::links::Job;
use super::lists::Lists;
use super::task::{Kind, Rendered};

/// What a render wrote, by kind.
#[derive(Default)]
pub struct Counts {
    pub pages: u64,
    pub feeds: u64,
    pub other: u64,
}

/// The directory being written, and what is in it so far.
pub struct Output<'a> {
    dir: &'a Path,
    /// The lists' pages as rendered, which say how far each list reaches.
    pub lists: Lists,
    written: HashMap<String, Kind>,
    /// Directories made already, so each is made once.
    dirs: HashSet<PathBuf>,
}

impl<'a> Output<'a> {
    pub fn new(dir: &'a Path) -> Self {
        Self {
            dir,
            lists: Lists::default(),
            written: HashMap::new(),
            dirs: HashSet::new(),
        }
    }

    /// Writes `r`, an answer of `kind`, unless it is a list's page the list
    /// does not reach; a list's next pages are queued first.
    pub fn keep(
        &mut self,
        r: Rendered,
        kind: Kind,
        queue: &mut VecDeque<Job>,
    ) -> anyhow::Result<()> {
        if let Some(pos) = &r.job.list {
            if !self.lists.accept(&r.job, pos, r.older.as_ref()) {
                return Ok(());
            }
            for next in self.lists.next_pages(&r.job, pos, r.older) {
                queue.push_front(next);
            }
        }
        let path = self.dir.join(&r.job.file);
        if let Some(parent) = path.parent()
            && !self.dirs.contains(parent)
        {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            self.dirs.insert(parent.to_path_buf());
        }
        std::fs::write(&path, &r.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.written.insert(r.job.file, kind);
        Ok(())
    }

    /// Removes the lists' pages no list reached in the end, and counts what
    /// is left.
    pub fn finish(mut self) -> anyhow::Result<Counts> {
        for file in self.lists.unreached() {
            if self.written.remove(&file).is_some() {
                std::fs::remove_file(self.dir.join(&file))
                    .with_context(|| format!("cannot remove {file}"))?;
            }
        }
        let mut counts = Counts::default();
        for kind in self.written.values() {
            match kind {
                Kind::Page => counts.pages += 1,
                Kind::Feed => counts.feeds += 1,
                Kind::Other => counts.other += 1,
            }
        }
        Ok(counts)
    }
}
