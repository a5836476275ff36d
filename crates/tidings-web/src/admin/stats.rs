//! `/admin/stats`: the blog's page views over the last 30 days: a chart
//! of readers' views per day drawn on the server (with the same numbers as
//! a table for screen readers), today against yesterday, robots apart, the
//! most read posts and the sites readers came from. Who may see it is
//! `tidings_app::views::stats::read`'s rule.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::Utc;
use minijinja::value::Serde;
use serde::Serialize;
use tidings_app::views::stats::{self, Stats};
use tidings_core::views::date_of_day;

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

#[derive(Serialize)]
struct Day {
    /// `2026-12-06`, for `<time datetime>`.
    date: String,
    /// `Sun, Dec 6`.
    label: String,
    views: i64,
    bots: i64,
}

pub async fn show(State(state): State<AppState>, signed: Signed) -> AdminResult {
    let stats = stats::read(&state.store, signed.actor(), &signed.site.blog, Utc::now()).await?;
    let days: Vec<Day> = stats
        .days
        .iter()
        .map(|d| {
            let date = date_of_day(d.day);
            Day {
                date: date.to_string(),
                label: date.format("%a, %b %-d").to_string(),
                views: d.views,
                bots: d.bot_views,
            }
        })
        .collect();
    let points: Vec<(String, i64)> = days.iter().map(|d| (d.label.clone(), d.views)).collect();
    let (total, bots) = stats.totals();
    let (today, yesterday) = (stats.today(), stats.yesterday());
    let ctx = minijinja::context! {
        chart => Serde(tidings_theme::chart::bar_chart(&points)),
        days => Serde(&days),
        total, bots,
        today => today.views,
        today_bots => today.bot_views,
        yesterday => yesterday.views,
        yesterday_bots => yesterday.bot_views,
        change => change(&stats),
        top_posts => Serde(top_posts(&stats)),
        referrers => Serde(referrers(&stats)),
    };
    Ok(render(
        &state,
        &signed,
        "admin/stats.html",
        "Stats",
        StatusCode::OK,
        ctx,
    )?)
}

/// Today against yesterday in words: "up 50% on yesterday".
fn change(stats: &Stats) -> String {
    let (today, yesterday) = (stats.today().views, stats.yesterday().views);
    match (today, yesterday) {
        (_, 0) if today > 0 => "Yesterday had no views.".to_owned(),
        (_, 0) => "No views today or yesterday yet.".to_owned(),
        _ if today == yesterday => "As many as yesterday.".to_owned(),
        _ => {
            let percent = ((today - yesterday) * 100 / yesterday).abs();
            let way = if today > yesterday { "More" } else { "Fewer" };
            format!("{way} than yesterday, by {percent}%, so far.")
        }
    }
}

#[derive(Serialize)]
struct Row<'a> {
    title: &'a str,
    path: &'a str,
    views: i64,
}

fn top_posts(stats: &Stats) -> Vec<Row<'_>> {
    stats
        .top_posts
        .iter()
        .map(|p| Row {
            title: &p.title,
            path: &p.path,
            views: p.views,
        })
        .collect()
}

#[derive(Serialize)]
struct Site<'a> {
    host: &'a str,
    views: i64,
}

fn referrers(stats: &Stats) -> Vec<Site<'_>> {
    stats
        .referrers
        .iter()
        .map(|r| Site {
            host: &r.host,
            views: r.views,
        })
        .collect()
}
