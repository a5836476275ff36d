//! Answers this process keeps while it follows the change log, and forgets
//! when the log says they may be stale: which blog serves each host
//! ([`crate::hosts`]) and the row of each file served under `/media/`
//! ([`crate::media::served`]).
//!
//! The rule that makes keeping safe: an answer is kept only if nothing was
//! forgotten between the moment its read began and the moment it is
//! offered (a `generation` moves with every forgetting), so a read that
//! raced a change is used once and never kept. Whoever follows the log
//! (`tidings-web`'s `cache::follow`: after this node's own writes before
//! they are answered, within milliseconds of another node's) hands every
//! batch it reads to [`Store::forget_changed`]. A process that does not
//! follow the log (the command line) keeps nothing.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard};

use crate::hosts::HostAnswer;
use crate::media::ServedFile;
use crate::{ChangeBatch, Result, Scope, Store};

/// Answers by key, bounded: past `most` everything is forgotten, so a
/// flood of made-up keys costs what it cost before anything was kept.
pub(crate) struct KeptAnswers<K, V> {
    most: usize,
    inner: Mutex<Inner<K, V>>,
}

struct Inner<K, V> {
    /// Set once the change log is followed; nothing is kept before.
    following: bool,
    /// Moves on with every forgetting: an answer read before it moved may
    /// predate the change, and is not kept.
    generation: u64,
    answers: HashMap<K, V>,
}

/// What the kept answers say about a key.
enum Lookup<V> {
    Kept(V),
    /// Not kept; an answer read now may be kept at this generation.
    Missing(u64),
    NotFollowing,
}

impl<K: Hash + Eq, V: Clone> KeptAnswers<K, V> {
    fn new(most: usize) -> Self {
        Self {
            most,
            inner: Mutex::new(Inner {
                following: false,
                generation: 0,
                answers: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner<K, V>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key`, or the one `read` gives, kept if it is
    /// one (`Some`) and nothing was forgotten while it was read. `read`
    /// starts only when awaited here, after the generation is taken.
    pub(crate) async fn get_or_read(
        &self,
        key: K,
        read: impl Future<Output = Result<Option<V>>>,
    ) -> Result<Option<V>> {
        let generation = match self.lookup(&key) {
            Lookup::Kept(answer) => return Ok(Some(answer)),
            Lookup::Missing(generation) => Some(generation),
            Lookup::NotFollowing => None,
        };
        let answer = read.await?;
        if let (Some(generation), Some(answer)) = (generation, &answer) {
            self.keep(key, generation, answer.clone());
        }
        Ok(answer)
    }

    fn lookup(&self, key: &K) -> Lookup<V> {
        let inner = self.lock();
        if !inner.following {
            return Lookup::NotFollowing;
        }
        match inner.answers.get(key) {
            Some(answer) => Lookup::Kept(answer.clone()),
            None => Lookup::Missing(inner.generation),
        }
    }

    /// Keeps `answer`, read since `generation`, unless something was
    /// forgotten meanwhile.
    fn keep(&self, key: K, generation: u64, answer: V) {
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        if inner.answers.len() >= self.most {
            inner.answers.clear();
        }
        inner.answers.insert(key, answer);
    }

    fn follow(&self) {
        self.lock().following = true;
    }

    fn forget_all(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.answers.clear();
    }

    /// Forgets the answers whose key `stale` picks.
    fn forget_where(&self, stale: impl Fn(&K) -> bool) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.answers.retain(|k, _| !stale(k));
    }
}

/// Everything a store keeps this way, shared by every handle of the store.
pub(crate) struct Kept {
    /// By host and whether unknown hosts fall back to the first blog. At
    /// most far more hosts than an instance serves: only made-up `Host`
    /// headers reach it.
    pub hosts: KeptAnswers<(Box<str>, bool), HostAnswer>,
    /// By blog and path. Rows are small (under 200 bytes with their key),
    /// so this many is a few MB at most.
    pub files: KeptAnswers<(i64, Box<str>), ServedFile>,
}

impl Default for Kept {
    fn default() -> Self {
        Self {
            hosts: KeptAnswers::new(1024),
            files: KeptAnswers::new(16_384),
        }
    }
}

impl Store {
    /// From now on this process follows the change log: answers are kept
    /// until a batch handed to [`Store::forget_changed`] makes them stale.
    pub fn following_changes(&self) {
        self.kept.hosts.follow();
        self.kept.files.follow();
    }

    /// Forgets what `batch` (just read from the change log) may have made
    /// stale: every host's blog after any change (a blog's settings are in
    /// the answer); a blog's files after a change to the blog as a whole,
    /// which is how an upload's deletion is recorded; everything after a
    /// gap in the log.
    pub fn forget_changed(&self, batch: &ChangeBatch) {
        if batch.gap {
            self.kept.hosts.forget_all();
            self.kept.files.forget_all();
            return;
        }
        if batch.changes.is_empty() {
            return;
        }
        self.kept.hosts.forget_all();
        let mut blogs: Vec<i64> = batch
            .changes
            .iter()
            .filter(|c| c.scope == Scope::Blog)
            .map(|c| c.blog_id)
            .collect();
        // An import's batch can hold a thousand changes of one blog.
        blogs.sort_unstable();
        blogs.dedup();
        if !blogs.is_empty() {
            self.kept
                .files
                .forget_where(|(blog, _)| blogs.contains(blog));
        }
    }
}
