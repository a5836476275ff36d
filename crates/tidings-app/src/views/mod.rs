//! Page views: counted in this node's memory as pages are served, added
//! into the database every few seconds by every serving node ([`flush`]),
//! and read back for the Stats page and the Popular Posts gadget
//! ([`stats`]).
//!
//! Counting must not slow the page it counts: a view is an increment in
//! one of [`SHARDS`] small maps, each behind its own lock held for that
//! increment alone, so two requests rarely wait for each other and never
//! for the database. What is kept of a view is its post, its day on the
//! blog's calendar, whether the client named itself a robot, and the other
//! site's host it came from: nothing that tells one reader from another.

pub mod flush;
pub mod stats;

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tidings_core::views::{Tz, day_of, is_robot, referring_host};
use tidings_store::{PostViews, ReferrerViews};

/// Maps counts are spread over, by post: enough that requests on a few
/// cores seldom meet on one lock.
const SHARDS: usize = 16;

/// Referring hosts one shard keeps between flushes; past it, new hosts
/// are not counted until the next flush, so a flood of made-up `Referer`
/// headers can grow neither this node's memory nor the table much.
const HOSTS_PER_SHARD: usize = 256;

/// What a served page says about itself for counting: the post or page it
/// shows, and the blog's zone (its day) and host (not a referrer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewed {
    pub blog_id: i64,
    pub post_id: i64,
    pub tz: Tz,
    pub blog_host: Box<str>,
}

/// One request's headers that matter to counting.
#[derive(Debug, Clone, Copy, Default)]
pub struct Visit<'a> {
    pub user_agent: Option<&'a str>,
    pub referer: Option<&'a str>,
    /// The host the request was sent to (its `Host`): a link between the
    /// blog's own pages is no referral, whichever of its hosts it uses.
    pub host: Option<&'a str>,
}

#[derive(Default)]
struct Counts {
    /// By (post, day).
    posts: HashMap<(i64, i64), PostViews>,
    /// By (blog, day, host).
    referrers: HashMap<(i64, i64, String), i64>,
}

/// This node's counts since its last flush.
pub struct Views {
    shards: Box<[Mutex<Counts>]>,
}

impl Default for Views {
    fn default() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

/// What one flush adds to the database.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Batch {
    pub posts: Vec<PostViews>,
    pub referrers: Vec<ReferrerViews>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.posts.is_empty() && self.referrers.is_empty()
    }
}

impl Views {
    fn shard(&self, post_id: i64) -> std::sync::MutexGuard<'_, Counts> {
        let i = post_id.rem_euclid(SHARDS as i64) as usize;
        self.shards[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one view of `viewed` at `now` by the client of `visit`.
    pub fn count(&self, viewed: &Viewed, visit: Visit<'_>, now: DateTime<Utc>) {
        let robot = visit.user_agent.is_some_and(is_robot);
        let day = day_of(now, viewed.tz);
        // Only readers' referrals: a robot's `Referer` says nothing of
        // where readers come from.
        let referrer = match (robot, visit.referer) {
            (false, Some(referer)) => {
                let own = [&*viewed.blog_host, visit.host.unwrap_or("")];
                referring_host(referer, &own)
            }
            _ => None,
        };
        let mut counts = self.shard(viewed.post_id);
        let row = counts
            .posts
            .entry((viewed.post_id, day))
            .or_insert(PostViews {
                blog_id: viewed.blog_id,
                post_id: viewed.post_id,
                day,
                views: 0,
                bot_views: 0,
            });
        if robot {
            row.bot_views += 1;
        } else {
            row.views += 1;
        }
        if let Some(host) = referrer {
            let full = counts.referrers.len() >= HOSTS_PER_SHARD;
            let key = (viewed.blog_id, day, host);
            match counts.referrers.get_mut(&key) {
                Some(n) => *n += 1,
                None if !full => {
                    counts.referrers.insert(key, 1);
                }
                None => {}
            }
        }
    }

    /// Everything counted since the last take, leaving nothing behind.
    pub fn take(&self) -> Batch {
        let mut batch = Batch::default();
        let mut referrers: HashMap<(i64, i64, String), i64> = HashMap::new();
        for shard in &self.shards {
            let counts = std::mem::take(&mut *shard.lock().unwrap_or_else(|e| e.into_inner()));
            batch.posts.extend(counts.posts.into_values());
            for (key, n) in counts.referrers {
                *referrers.entry(key).or_default() += n;
            }
        }
        batch.referrers = referrers
            .into_iter()
            .map(|((blog_id, day, host), views)| ReferrerViews {
                blog_id,
                day,
                host,
                views,
            })
            .collect();
        batch
    }

    /// Counts a batch the database did not take again, so the next flush
    /// adds it.
    pub fn put_back(&self, batch: Batch) {
        for v in batch.posts {
            let mut counts = self.shard(v.post_id);
            let row = counts.posts.entry((v.post_id, v.day)).or_insert(PostViews {
                views: 0,
                bot_views: 0,
                ..v
            });
            row.views += v.views;
            row.bot_views += v.bot_views;
        }
        let mut counts = self.shard(0);
        for r in batch.referrers {
            *counts
                .referrers
                .entry((r.blog_id, r.day, r.host))
                .or_default() += r.views;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewed(post_id: i64) -> Viewed {
        Viewed {
            blog_id: 1,
            post_id,
            tz: Tz::UTC,
            blog_host: "blog.example".into(),
        }
    }

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";

    #[test]
    fn views_are_counted_by_post_and_day_robots_apart() {
        let views = Views::default();
        let now = Utc::now();
        let reader = Visit {
            user_agent: Some(FIREFOX),
            referer: Some("https://news.example.org/item?id=7"),
            host: Some("blog.example"),
        };
        let robot = Visit {
            user_agent: Some("Googlebot/2.1"),
            referer: Some("https://spam.example/"),
            host: None,
        };
        let inside = Visit {
            referer: Some("https://blog.example/"),
            ..reader
        };
        views.count(&viewed(7), reader, now);
        views.count(&viewed(7), reader, now);
        views.count(&viewed(7), robot, now);
        views.count(&viewed(7), inside, now);
        views.count(&viewed(8), Visit::default(), now);
        let mut batch = views.take();
        batch.posts.sort_by_key(|p| p.post_id);
        let day = day_of(now, Tz::UTC);
        assert_eq!(batch.posts.len(), 2);
        assert_eq!((batch.posts[0].views, batch.posts[0].bot_views), (3, 1));
        assert_eq!((batch.posts[1].views, batch.posts[1].day), (1, day));
        assert_eq!(
            batch.referrers,
            vec![ReferrerViews {
                blog_id: 1,
                day,
                host: "news.example.org".into(),
                views: 2
            }]
        );
        assert!(views.take().is_empty(), "a take leaves nothing behind");
        views.put_back(batch.clone());
        views.count(&viewed(8), Visit::default(), now);
        let again = views.take();
        assert_eq!(again.posts.iter().map(|p| p.views).sum::<i64>(), 5);
        assert_eq!(again.referrers, batch.referrers);
    }

    #[test]
    fn made_up_referrers_cannot_grow_memory() {
        let views = Views::default();
        let now = Utc::now();
        for i in 0..10_000 {
            let referer = format!("https://h{i}.example/");
            let visit = Visit {
                referer: Some(&referer),
                ..Visit::default()
            };
            views.count(&viewed(1), visit, now);
        }
        let batch = views.take();
        assert_eq!(batch.referrers.len(), HOSTS_PER_SHARD);
        assert_eq!(batch.posts[0].views, 10_000, "every view still counts");
    }
}
