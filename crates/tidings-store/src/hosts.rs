//! Which blog serves a `Host`: kept in this process while it follows the
//! change log.
//!
//! Why kept: it is the first question of every request, and on PostgreSQL
//! it was one of the two statements of an uncached home page (each a round
//! trip and work in another process). Every write a reader can see moves
//! its blog's row (`blogs::touch`) and appends to the change log in the same
//! transaction, so a kept answer is right for exactly as long as the log
//! has nothing new: whoever follows the log (`tidings-web`'s
//! `cache::follow`, after this node's own writes before they are answered,
//! within milliseconds of another node's) calls [`Store::blogs_changed`]
//! for what it reads, and every kept answer is forgotten. A process that
//! does not follow the log (the command line) keeps nothing.

use std::collections::HashMap;
use std::sync::Mutex;

use tidings_core::BlogSettings;

use crate::{Result, Store};

/// The most answers kept: far more hosts than an instance serves, so only
/// made-up `Host` headers reach it. Past it everything is forgotten, and a
/// flood of made-up hosts costs what it cost before anything was kept.
const MOST_KEPT: usize = 1024;

/// A blog and whether it serves the host only as the fallback blog.
type Answer = (BlogSettings, bool);

/// See the module documentation.
#[derive(Default)]
pub(crate) struct KeptHosts(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    /// Set once the change log is followed; nothing is kept before.
    following: bool,
    /// Moves on with every forgetting: an answer read before it moved may
    /// predate the change, and is not kept.
    generation: u64,
    /// By host and whether unknown hosts fall back to the first blog.
    answers: HashMap<(Box<str>, bool), Answer>,
}

/// What the kept answers say about a host (a kept one boxed: a blog's
/// settings are large beside the other answers).
enum Lookup {
    /// Boxed: a blog's settings are large beside the other variants.
    Kept(Box<Answer>),
    /// Not kept; an answer read now may be kept if nothing is forgotten
    /// before it is offered.
    Missing {
        generation: u64,
    },
    NotFollowing,
}

impl KeptHosts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lookup(&self, host: &str, fallback: bool) -> Lookup {
        let kept = self.lock();
        if !kept.following {
            return Lookup::NotFollowing;
        }
        match kept.answers.get(&(host.into(), fallback)) {
            Some(answer) => Lookup::Kept(Box::new(answer.clone())),
            None => Lookup::Missing {
                generation: kept.generation,
            },
        }
    }

    fn keep(&self, host: &str, fallback: bool, generation: u64, answer: Answer) {
        let mut kept = self.lock();
        if kept.generation != generation {
            return;
        }
        if kept.answers.len() >= MOST_KEPT {
            kept.answers.clear();
        }
        kept.answers.insert((host.into(), fallback), answer);
    }
}

impl Store {
    /// The blog serving `host`, with whether it does so only as the fallback
    /// for unknown hosts (when `fallback`; else only an exact match
    /// answers). Kept in the process; see the module documentation.
    pub async fn blog_serving(&self, host: &str, fallback: bool) -> Result<Option<Answer>> {
        let generation = match self.hosts.lookup(host, fallback) {
            Lookup::Kept(answer) => return Ok(Some(*answer)),
            Lookup::Missing { generation } => Some(generation),
            Lookup::NotFollowing => None,
        };
        // Read outside any snapshot: a snapshot may predate a change this
        // process has already been told about.
        let store = self.shared();
        let answer = if fallback {
            store.blog_by_host_or_default(host).await?
        } else {
            store.blog_by_host(host).await?.map(|blog| (blog, false))
        };
        if let (Some(generation), Some(answer)) = (generation, &answer) {
            self.hosts.keep(host, fallback, generation, answer.clone());
        }
        Ok(answer)
    }

    /// From now on this process follows the change log: answers of
    /// [`Store::blog_serving`] are kept until [`Store::blogs_changed`].
    pub fn following_changes(&self) {
        self.hosts.lock().following = true;
    }

    /// Something changed on some blog (the change log has a new row, or the
    /// follower lost its place): every kept answer is forgotten.
    pub fn blogs_changed(&self) {
        let mut kept = self.hosts.lock();
        kept.generation += 1;
        kept.answers.clear();
    }
}
