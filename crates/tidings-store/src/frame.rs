//! What every page of a blog shows around its own content: the sidebar's
//! gadgets with the archive and labels they list, the menu of pages, the
//! owner's stylesheet, and the sticky posts page 1 of the home page starts
//! with. Kept in this process for one state of the blog.
//!
//! Why kept: on PostgreSQL every statement is a round trip and work in
//! another process, and these three were half of an uncached page's
//! statements, yet they change only when the blog does. A kept frame is
//! used only while the blog's `changed_at` (which every write moves, see
//! `blogs::touch`) is the one it was read at, and until the next scheduled
//! post goes live; so a page never shows a frame older than the blog row it
//! read, whichever node renders it.
//!
//! Popular Posts are the exception: page views move every few seconds
//! without touching the blog, and following them would rebuild the frame
//! (and drop every kept page of the blog) at each flush. A frame whose
//! layout has a Popular Posts gadget reads the ranking when it is built and
//! is kept at most [`POPULAR_REFRESH`] after that; pages made from it are
//! told to expire then too (`Frame::refresh_at`), so the list readers see is
//! at most that old, and a blog without the gadget is never rebuilt for it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, Utc};
use tidings_core::gadget::{Period, Settings};
use tidings_core::{BlogSettings, Post};

use crate::layout::{FeaturedLink, Layout};
use crate::posts::{PageLink, post_from_row, sticky_sql};
use crate::sidebar::Sidebar;
use crate::views::PopularPost;
use crate::{Result, Store, micros};

/// The most sticky posts a frame keeps: more than any list page shows.
const STICKY_KEPT: u32 = 100;

/// How long a frame with a Popular Posts gadget is kept: the oldest
/// ranking a reader sees (see the module documentation).
pub const POPULAR_REFRESH: TimeDelta = TimeDelta::minutes(5);

/// See the module documentation.
#[derive(Debug)]
pub struct Frame {
    pub sidebar: Sidebar,
    /// Visible pages in menu order, then by title.
    pub pages: Vec<PageLink>,
    /// Visible sticky posts, newest first (at most 100).
    pub sticky: Vec<Post>,
    /// The sidebar's gadgets and the stylesheet's name.
    pub layout: Layout,
    /// The visible posts the layout's featured post gadgets show.
    pub featured: Vec<FeaturedLink>,
    /// Each period a Popular Posts gadget counts, with its most viewed
    /// posts (as many as the longest of those gadgets lists).
    pub popular: Vec<(Period, Vec<PopularPost>)>,
    /// When the frame is read again for a fresher Popular Posts ranking;
    /// `None` without such a gadget.
    pub refresh_at: Option<DateTime<Utc>>,
}

/// The frames this process keeps, one per blog: the latest read.
#[derive(Default)]
pub(crate) struct KeptFrames(Mutex<HashMap<i64, Kept>>);

/// A frame and the state of the blog it shows.
struct Kept {
    changed_at: i64,
    /// When the next scheduled post went live, as of the frame's read.
    valid_until: Option<i64>,
    frame: Arc<Frame>,
}

/// Which state of the blog a sidebar was read at; see [`Store::sidebar`].
pub(crate) struct ReadAt {
    pub changed_at: i64,
    pub valid_until: Option<i64>,
}

impl KeptFrames {
    fn get(&self, blog_id: i64, changed_at: i64, now: i64) -> Option<Arc<Frame>> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let k = kept.get(&blog_id)?;
        (k.changed_at == changed_at && k.valid_until.is_none_or(|t| t > now))
            .then(|| Arc::clone(&k.frame))
    }

    fn keep(&self, blog_id: i64, at: ReadAt, frame: Arc<Frame>) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // Never replaces a frame of a later state (another page read it first).
        if kept
            .get(&blog_id)
            .is_some_and(|k| k.changed_at > at.changed_at)
        {
            return;
        }
        let kept_frame = Kept {
            changed_at: at.changed_at,
            valid_until: at.valid_until,
            frame,
        };
        kept.insert(blog_id, kept_frame);
    }
}

impl Store {
    /// The frame of `blog` (as the caller read it) at `now`: kept, or read
    /// in four statements (and one per featured post) and kept for the next
    /// page.
    pub async fn frame(&self, blog: &BlogSettings, now: DateTime<Utc>) -> Result<Arc<Frame>> {
        let changed_at = micros(blog.changed_at);
        if let Some(frame) = self.frames.get(blog.id, changed_at, micros(now)) {
            return Ok(frame);
        }
        let (sidebar, at) = self.sidebar(blog.id, blog.changed_at, now).await?;
        let layout = self.layout(blog.id).await?;
        let featured_ids: Vec<i64> = layout
            .gadgets
            .iter()
            .filter_map(|g| match &g.settings {
                Settings::FeaturedPost(f) => Some(f.post_id),
                _ => None,
            })
            .collect();
        let featured = self.featured_posts(blog.id, &featured_ids, now).await?;
        let popular = self.popular_lists(blog, &layout, now).await?;
        let refresh_at = (!popular.is_empty()).then(|| now + POPULAR_REFRESH);
        let frame = Arc::new(Frame {
            sidebar,
            pages: self.visible_pages(blog.id, now).await?,
            sticky: self
                .read_all(&sticky_sql(blog.id, now, STICKY_KEPT), post_from_row)
                .await?,
            layout,
            featured,
            popular,
            refresh_at,
        });
        // A sidebar recomputed from a later state than the caller's blog row
        // shows neither state alone: used for this page, kept for none.
        if at.changed_at == changed_at {
            let valid_until = match (at.valid_until, refresh_at.map(micros)) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let at = ReadAt {
                changed_at,
                valid_until,
            };
            self.frames.keep(blog.id, at, Arc::clone(&frame));
        }
        Ok(frame)
    }

    /// The rankings the layout's Popular Posts gadgets show: one statement
    /// per period they count, none without them.
    async fn popular_lists(
        &self,
        blog: &BlogSettings,
        layout: &Layout,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Period, Vec<PopularPost>)>> {
        let mut wanted: Vec<(Period, u32)> = Vec::new();
        for g in &layout.gadgets {
            if let Settings::PopularPosts(p) = &g.settings {
                match wanted.iter_mut().find(|(period, _)| *period == p.period) {
                    Some((_, count)) => *count = (*count).max(p.count),
                    None => wanted.push((p.period, p.count)),
                }
            }
        }
        let mut lists = Vec::with_capacity(wanted.len());
        for (period, count) in wanted {
            let first = period.first_day(now, blog.timezone);
            let posts = self
                .popular_posts(blog.id, first, count, false, now)
                .await?;
            lists.push((period, posts));
        }
        Ok(lists)
    }
}
