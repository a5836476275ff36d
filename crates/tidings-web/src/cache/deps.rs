//! What a cached page depends on, and how a change makes it stale.
//!
//! A page records the [`Tag`]s of the data it was rendered from while it
//! renders ([`Deps`]). A write announces which tags it changed ([`Versions::bump`]).
//! Instead of searching the cache for the pages to drop, every tag remembers
//! the change epoch of its last bump, and a page is fresh while none of its
//! tags was bumped after the epoch at which its rendering started. Starting the
//! clock before the first query makes the race safe: a write that lands while
//! a page renders leaves that page already stale.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use tidings_store::{Change, Scope};

/// A piece of data pages are made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// A blog's settings (title, time zone, comment rules…): every page.
    Blog(i64),
    /// Which posts a blog shows and what they say: lists, feeds, the
    /// sidebar's archive and labels, neighbour links. Every page has it.
    Lists(i64),
    /// One post: its page, and its comment count wherever it is listed.
    Post(i64),
    /// A blog's comments as a whole: the comment feed.
    Comments(i64),
    /// Pages served for a host that has no blog of its own (the default
    /// blog answers it): a new blog may claim that host.
    Fallback,
}

/// The tags one change makes stale.
pub fn tags_of(change: &Change) -> Vec<Tag> {
    let blog = change.blog_id;
    match change.scope {
        Scope::Blog => vec![Tag::Blog(blog), Tag::Lists(blog), Tag::Fallback],
        Scope::Post(id) => vec![Tag::Post(id), Tag::Lists(blog)],
        Scope::Comments(id) => vec![Tag::Post(id), Tag::Comments(blog)],
    }
}

/// The change epoch, and the epoch at which each tag last changed.
#[derive(Default)]
pub struct Versions {
    epoch: AtomicU64,
    /// Everything rendered before this epoch is stale.
    flushed: AtomicU64,
    bumps: RwLock<HashMap<Tag, u64>>,
}

impl Versions {
    /// The epoch to remember when a render starts.
    pub fn now(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Marks `tags` changed, after the change was committed.
    pub fn bump(&self, tags: &[Tag]) {
        let mut bumps = self.bumps.write().unwrap_or_else(|e| e.into_inner());
        let epoch = self.epoch.fetch_add(1, Ordering::AcqRel) + 1;
        for tag in tags {
            bumps.insert(*tag, epoch);
        }
    }

    /// Marks everything changed: when changes may have been missed.
    pub fn bump_all(&self) {
        let mut bumps = self.bumps.write().unwrap_or_else(|e| e.into_inner());
        let epoch = self.epoch.fetch_add(1, Ordering::AcqRel) + 1;
        self.flushed.store(epoch, Ordering::Release);
        bumps.clear();
    }

    /// Whether a page rendered from `tags`, started at `since`, is current.
    pub fn fresh(&self, since: u64, tags: &[Tag]) -> bool {
        if self.flushed.load(Ordering::Acquire) > since {
            return false;
        }
        let bumps = self.bumps.read().unwrap_or_else(|e| e.into_inner());
        tags.iter()
            .all(|t| bumps.get(t).is_none_or(|&at| at <= since))
    }
}

/// Collects what one request's page depends on while it renders; handlers
/// reach it through [`crate::host::Site`].
#[derive(Clone, Default)]
pub struct Deps(Option<Arc<Mutex<Collected>>>);

#[derive(Default)]
pub struct Collected {
    pub tags: Vec<Tag>,
    /// The page changes by itself then (a scheduled post, a form's token).
    pub expires: Option<Instant>,
    /// A blog page was rendered (only those are cached).
    pub blog_page: bool,
    /// The post or page this page shows, counted as a view each time it
    /// is served, from the cache or not.
    pub viewed: Option<tidings_app::views::Viewed>,
}

impl Deps {
    /// A collector for a request the cache may keep.
    pub fn collecting() -> Self {
        Self(Some(Arc::default()))
    }

    fn with(&self, f: impl FnOnce(&mut Collected)) {
        if let Some(c) = &self.0 {
            f(&mut c.lock().unwrap_or_else(|e| e.into_inner()));
        }
    }

    /// Whether anyone will read what is collected (the cache is on).
    pub fn is_collecting(&self) -> bool {
        self.0.is_some()
    }

    pub fn blog_page(&self, tags: &[Tag]) {
        self.with(|c| {
            c.blog_page = true;
            c.tags.extend_from_slice(tags);
        });
    }

    pub fn add(&self, tag: Tag) {
        self.with(|c| c.tags.push(tag));
    }

    /// The page is a view of a post or page: serving it counts one.
    pub fn viewed(&self, viewed: tidings_app::views::Viewed) {
        self.with(|c| c.viewed = Some(viewed));
    }

    /// The page must be rendered again at `at` at the latest.
    pub fn expire_at(&self, at: Instant) {
        self.with(|c| c.expires = Some(c.expires.map_or(at, |e| e.min(at))));
    }

    /// What was collected, once the response is made.
    pub fn take(&self) -> Option<Collected> {
        let c = self.0.as_ref()?;
        Some(std::mem::take(
            &mut c.lock().unwrap_or_else(|e| e.into_inner()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bump_after_the_start_makes_a_page_stale() {
        let v = Versions::default();
        v.bump(&[Tag::Post(1)]);
        let started = v.now();
        let tags = [Tag::Blog(1), Tag::Post(1)];
        assert!(v.fresh(started, &tags), "bumped before the render started");
        v.bump(&[Tag::Post(2)]);
        assert!(v.fresh(started, &tags), "another post changed");
        v.bump(&[Tag::Post(1)]);
        assert!(!v.fresh(started, &tags));
        let again = v.now();
        assert!(v.fresh(again, &tags));
        v.bump_all();
        assert!(!v.fresh(again, &[Tag::Comments(9)]));
    }

    #[test]
    fn a_comment_spares_other_posts() {
        let change = Change {
            id: 1,
            blog_id: 1,
            scope: Scope::Comments(7),
        };
        let tags = tags_of(&change);
        assert!(tags.contains(&Tag::Post(7)));
        assert!(!tags.contains(&Tag::Lists(1)));
    }
}
