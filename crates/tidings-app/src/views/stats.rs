//! What the Stats page shows, for those `permission` lets see it, and the
//! ranking the Popular Posts gadget lists.

use chrono::{DateTime, Utc};
use tidings_core::BlogSettings;
use tidings_core::permission;
use tidings_core::views::day_of;
use tidings_store::{DayViews, PopularPost, Referrer, Store};

use crate::{Actor, Error};

/// Days the Stats page covers, today included.
pub const DAYS: i64 = 30;
/// Posts and referring sites the Stats page lists.
pub const TOP: u32 = 10;

/// A blog's views over the last [`DAYS`] days.
#[derive(Debug, Clone)]
pub struct Stats {
    /// Every day of the period, oldest first, today last, days without a
    /// view counted as none.
    pub days: Vec<DayViews>,
    pub top_posts: Vec<PopularPost>,
    pub referrers: Vec<Referrer>,
}

impl Stats {
    /// Today's views (readers, robots).
    pub fn today(&self) -> DayViews {
        self.days.last().copied().unwrap_or(DayViews {
            day: 0,
            views: 0,
            bot_views: 0,
        })
    }

    /// Yesterday's views (readers, robots).
    pub fn yesterday(&self) -> DayViews {
        let n = self.days.len();
        self.days
            .get(n.wrapping_sub(2))
            .copied()
            .unwrap_or(DayViews {
                day: self.today().day - 1,
                views: 0,
                bot_views: 0,
            })
    }

    /// Readers' and robots' views over the whole period.
    pub fn totals(&self) -> (i64, i64) {
        self.days
            .iter()
            .fold((0, 0), |(v, b), d| (v + d.views, b + d.bot_views))
    }
}

/// The Stats page of `blog` as `actor` may see it at `now`: 403 for a
/// role `permission` does not let see it.
pub async fn read(
    store: &Store,
    actor: Actor<'_>,
    blog: &BlogSettings,
    now: DateTime<Utc>,
) -> Result<Stats, Error> {
    actor.require(permission::may_see_stats, "see the blog's statistics")?;
    let today = day_of(now, blog.timezone);
    let first = today - (DAYS - 1);
    let counted = store.views_by_day(blog.id, first, today).await?;
    let days = (first..=today)
        .map(|day| {
            counted
                .iter()
                .find(|d| d.day == day)
                .copied()
                .unwrap_or(DayViews {
                    day,
                    views: 0,
                    bot_views: 0,
                })
        })
        .collect();
    Ok(Stats {
        days,
        top_posts: store.popular_posts(blog.id, first, TOP, true, now).await?,
        referrers: store.top_referrers(blog.id, first, TOP).await?,
    })
}

/// The `count` posts of `blog` readers viewed most in the last
/// `period_days` days (today included; `None`: all time), shown at `now`:
/// what the Popular Posts gadget lists. Readers' views only, robots apart.
pub async fn popular(
    store: &Store,
    blog: &BlogSettings,
    period_days: Option<u32>,
    count: u32,
    now: DateTime<Utc>,
) -> Result<Vec<PopularPost>, Error> {
    let since = match period_days {
        Some(days) => day_of(now, blog.timezone) - i64::from(days.max(1)) + 1,
        None => i64::MIN,
    };
    Ok(store
        .popular_posts(blog.id, since, count, false, now)
        .await?)
}
