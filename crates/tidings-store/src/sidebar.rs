//! The sidebar's archive and label counts: aggregates over every visible post,
//! too costly to compute for each page, so kept per blog in `blog_sidebars`
//! (see migration 9) and recomputed by the first reader after a change.
//!
//! No writer has to remember to refresh it: a stored sidebar is used only
//! while its `changed_at` equals the blog's, which every write moves (see
//! `blogs::touch`), and until the next scheduled post goes live.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::frame::ReadAt;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{ArchiveMonth, LabelCount, Result, Store, micros};

/// What the sidebar shows, for the moment it was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Sidebar {
    pub months: Months,
    /// By name.
    pub labels: Vec<LabelCount>,
}

/// The archive's months, newest first, as `blog_sidebars` stores them (one
/// `COUNT\tYYYY/MM` line each). Kept as that text because the archive
/// widget, made once per change, only needs to know whether they changed:
/// comparing one string beats parsing a hundred lines at every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Months(String);

impl Months {
    /// The text itself: equal texts are equal archives.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The months, newest first.
    pub fn list(&self) -> Vec<ArchiveMonth> {
        parse_months(&self.0)
    }
}

impl Sidebar {
    /// How many visible posts it counts: all of them, or those labelled
    /// `label`. A feed's total comes from here, so a feed costs no
    /// statement of its own for it.
    pub fn posts_counted(&self, label: Option<&str>) -> i64 {
        match label {
            None => split(self.months.as_str()).map(|(count, _)| count).sum(),
            Some(label) => self
                .labels
                .iter()
                .find(|l| l.label == label)
                .map_or(0, |l| l.count),
        }
    }
}

impl Store {
    /// The sidebar of `blog_id` as of `now`, for a blog whose `changed_at`
    /// the caller read: one indexed read, unless it must be recomputed; with
    /// the state of the blog it shows (see [`crate::Frame`]).
    pub(crate) async fn sidebar(
        &self,
        blog_id: i64,
        changed_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(Sidebar, ReadAt)> {
        let kept = Sql::new(
            "SELECT changed_at, valid_until, months, labels FROM blog_sidebars WHERE blog_id = $1",
        )
        .bind(blog_id);
        let kept = self
            .read_optional(&kept, move |row| {
                let current = row.try_get::<i64>("changed_at")? == micros(changed_at);
                let valid_until: Option<i64> = row.try_get("valid_until")?;
                Ok(
                    (current && valid_until.is_none_or(|t| t > micros(now))).then_some((
                        row.try_get::<String>("months")?,
                        row.try_get::<String>("labels")?,
                        valid_until,
                    )),
                )
            })
            .await?;
        if let Some((months, labels, valid_until)) = kept.flatten() {
            let sidebar = Sidebar {
                months: Months(months),
                labels: parse_labels(&labels),
            };
            let at = ReadAt {
                changed_at: micros(changed_at),
                valid_until,
            };
            return Ok((sidebar, at));
        }
        self.recompute_sidebar(blog_id, now).await
    }

    /// Counts in one snapshot of the database, stored with the `changed_at`
    /// of that snapshot: if a write lands meanwhile, the stored row is
    /// already out of date and the next reader computes again.
    async fn recompute_sidebar(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(Sidebar, ReadAt)> {
        let mut tx = self.begin_snapshot().await?;
        let changed_at = tx
            .fetch_one(
                &Sql::new("SELECT changed_at FROM blogs WHERE id = $1").bind(blog_id),
                |r| r.try_get::<i64>("changed_at"),
            )
            .await?;
        let months = tx
            .fetch_all(&archive_months_sql(blog_id, now), archive_month_from_row)
            .await?
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        let labels = tx
            .fetch_all(&label_counts_sql(blog_id, now), label_count_from_row)
            .await?;
        let valid_until = crate::changes::next_scheduled(&mut tx, blog_id, now).await?;
        tx.commit().await?;
        let lines = |items: Vec<(i64, String)>| {
            items
                .into_iter()
                .map(|(n, key)| format!("{n}\t{key}\n"))
                .collect::<String>()
        };
        let months_text = lines(
            months
                .iter()
                .map(|m| (m.count, format!("{:04}/{:02}", m.year, m.month)))
                .collect(),
        );
        let labels_text = lines(labels.iter().map(|l| (l.count, l.label.clone())).collect());
        // Never replaces a row computed from a later change.
        self.execute(
            &Sql::new(
                "INSERT INTO blog_sidebars (blog_id, changed_at, valid_until, months, labels) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (blog_id) DO UPDATE SET \
                 changed_at = excluded.changed_at, valid_until = excluded.valid_until, \
                 months = excluded.months, labels = excluded.labels \
                 WHERE blog_sidebars.changed_at <= excluded.changed_at",
            )
            .bind(blog_id)
            .bind(changed_at)
            .bind(valid_until.map(micros))
            .bind(&months_text)
            .bind(labels_text),
        )
        .await?;
        let sidebar = Sidebar {
            months: Months(months_text),
            labels,
        };
        let at = ReadAt {
            changed_at,
            valid_until: valid_until.map(micros),
        };
        Ok((sidebar, at))
    }
}

fn split(text: &str) -> impl Iterator<Item = (i64, &str)> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(n, key)| Some((n.parse().ok()?, key)))
}

fn parse_months(text: &str) -> Vec<ArchiveMonth> {
    split(text)
        .filter_map(|(count, ym)| {
            let (y, m) = ym.split_once('/')?;
            Some(ArchiveMonth {
                year: y.parse().ok()?,
                month: m.parse().ok()?,
                count,
            })
        })
        .collect()
}

fn parse_labels(text: &str) -> Vec<LabelCount> {
    split(text)
        .map(|(count, label)| LabelCount {
            label: label.to_owned(),
            count,
        })
        .collect()
}

/// Visible posts per month, newest month first, from their paths: a post is
/// archived under the month its URL names, which never changes. Read with
/// [`archive_month_from_row`].
fn archive_months_sql(blog_id: i64, now: DateTime<Utc>) -> Sql {
    Sql::new(
        "SELECT substr(path, 2, 7) AS ym, COUNT(*) AS n FROM posts \
         WHERE blog_id = $1 AND kind = 'post' AND status = 'published' AND published_at <= $2 \
         GROUP BY substr(path, 2, 7) ORDER BY ym DESC",
    )
    .bind(blog_id)
    .bind(micros(now))
}

/// A month of [`archive_months_sql`]; `None` for a path that names none.
fn archive_month_from_row(row: &ReadRow) -> Result<Option<ArchiveMonth>> {
    let ym: String = row.try_get("ym")?;
    let (y, m) = ym.split_once('/').unwrap_or_default();
    Ok(match (y.parse(), m.parse()) {
        (Ok(year), Ok(month)) => Some(ArchiveMonth {
            year,
            month,
            count: row.try_get("n")?,
        }),
        _ => None,
    })
}

/// Labels of visible posts with how many posts carry each, by name. Read
/// with [`label_count_from_row`].
pub(crate) fn label_counts_sql(blog_id: i64, now: DateTime<Utc>) -> Sql {
    Sql::new(
        "SELECT l.label AS label, COUNT(*) AS n FROM post_labels l JOIN posts p ON p.id = l.post_id \
         WHERE p.blog_id = $1 AND p.kind = 'post' AND p.status = 'published' AND p.published_at <= $2 \
         GROUP BY l.label ORDER BY l.label",
    )
    .bind(blog_id)
    .bind(micros(now))
}

pub(crate) fn label_count_from_row(row: &ReadRow) -> Result<LabelCount> {
    Ok(LabelCount {
        label: row.try_get("label")?,
        count: row.try_get("n")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_lines_read_back() {
        let months = Months("3\t2024/05\n1\t1999/12\n".into()).list();
        assert_eq!(months[0].year, 2024);
        assert_eq!(months[1].month, 12);
        let labels = parse_labels("2\ta label\twith a tab\n");
        assert_eq!(labels[0].label, "a label\twith a tab");
        assert_eq!(labels[0].count, 2);
    }
}
