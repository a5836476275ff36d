//! SQLite's query plans for the lists every public page runs, the comment
//! feeds, and search: each list must search an index in its own order (a
//! post's comments their post's, not the blog's), and search must walk
//! the listing index newest first, running its full-text match once. A statement count (the integration test
//! `queries.rs`) cannot see a query that reads every post; three did,
//! unnoticed, until a profile found them (a second bound on `published_at`,
//! sticky posts found through the wrong index, a match run per post).

use chrono::{Duration, Utc};

use crate::posts::{PostFilter, post_page_sql, sticky_sql};
use crate::sql::Sql;
use crate::{Backend, Result, Store};

/// The detail lines of `EXPLAIN QUERY PLAN` for `sql`.
fn plan(store: &Store, sql: &Sql) -> Result<Vec<String>> {
    let file = store.sqlite_file.as_ref().expect("a SQLite file");
    let conn = file.open()?;
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {}", sql.sqlite_text()))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(sql.args()), |r| r.get(3))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Fails unless a list's query bounds `published_at` at most once on each
/// side: the plan reads the same either way ("published_at<?"), but SQLite
/// ranges over the index by one upper bound and tests a second row by row.
fn assert_one_bound_each_side(what: &str, sql: &Sql) {
    let text = sql.as_str();
    for side in ["p.published_at <", "p.published_at >"] {
        assert!(
            text.matches(side).count() <= 1,
            "{what}: {side} twice in {text}"
        );
    }
}

/// Fails unless every step of the plan searches an index, none sorts, and
/// (when named) `index` is among them.
fn assert_searched(store: &Store, what: &str, sql: &Sql, index: &str) {
    let steps = plan(store, sql).expect("a plan");
    let bad: Vec<&String> = steps
        .iter()
        .filter(|s| s.starts_with("SCAN") && *s != "SCAN CONSTANT ROW" || s.contains("TEMP B-TREE"))
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in {steps:?}");
    assert!(
        steps.iter().any(|s| s.contains(index)),
        "{what}: {index} not used in {steps:?}"
    );
}

/// A fresh SQLite store in a directory of `name`'s own.
async fn fresh_store(name: &str) -> (Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("tidings-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
    (store, dir)
}

#[tokio::test]
async fn comment_feeds_search_their_own_index() {
    let (store, dir) = fresh_store("plans-comments").await;
    let now = Utc::now();
    let feed = crate::VisibleComments {
        blog_id: 1,
        post_id: None,
        now,
        limit: 25,
        offset: 0,
    };
    let blog_comments = "comments_blog";
    assert_searched(&store, "comment feed", &feed.list_sql(), blog_comments);
    assert_searched(&store, "comments counted", &feed.count_sql(), blog_comments);
    let post_feed = crate::VisibleComments {
        post_id: Some(7),
        ..feed
    };
    let post_comments = "comments_post";
    assert_searched(
        &store,
        "a post's comment feed",
        &post_feed.list_sql(),
        post_comments,
    );
    assert_searched(
        &store,
        "its comments counted",
        &post_feed.count_sql(),
        post_comments,
    );
    store.close().await;
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn public_lists_search_an_index_in_their_order_and_search_matches_once() {
    let (store, dir) = fresh_store("plans").await;
    let now = Utc::now();
    let earlier = now - Duration::days(30);
    let listing = "posts_listing_order";

    let home = PostFilter::visible(1, now, 8);
    assert_searched(&store, "home page", &home.list_sql(), listing);
    assert_one_bound_each_side("home page", &home.list_sql());
    let older = PostFilter {
        before: Some(earlier),
        ..home.clone()
    };
    assert_searched(&store, "older posts", &older.list_sql(), listing);
    assert_one_bound_each_side("older posts", &older.list_sql());
    let newer = PostFilter {
        after: Some(earlier),
        ..home.clone()
    };
    assert_searched(&store, "newer posts", &newer.list_sql(), listing);
    assert_one_bound_each_side("newer posts", &newer.list_sql());
    assert_searched(&store, "is there a newer post", &newer.any_sql(), listing);
    let label = PostFilter {
        label: Some("cats".into()),
        before: Some(earlier),
        ..home.clone()
    };
    assert_searched(&store, "label page", &label.list_sql(), listing);
    let month = PostFilter {
        path_prefix: Some("/2014/05/".into()),
        ..home.clone()
    };
    assert_searched(&store, "month archive", &month.list_sql(), listing);
    assert_searched(
        &store,
        "sticky posts",
        &sticky_sql(1, now, 8),
        "posts_sticky_listing",
    );
    assert_searched(
        &store,
        "a post page, its neighbours and comments",
        &post_page_sql(Backend::Sqlite, 1, "/2014/05/x.html", now),
        listing,
    );
    let terms = crate::dialect::search_terms("orchard lantern");
    let search = crate::dialect::search(
        Backend::Sqlite,
        "SELECT p.id",
        &terms,
        "en",
        1,
        now.timestamp_micros(),
        20,
    );
    let steps = plan(&store, &search).expect("a plan");
    // The newest matches: a walk of the index of posts anyone may find
    // (no protected ones), newest first, that stops at the twentieth post
    // in the set of matches, which the
    // full-text index builds once ("INDEX 0:=" there would be a match run
    // once per visible post). Only the outer query sorts: its twenty
    // winners, whose snippets it makes.
    let walk = steps.iter().position(|s| s.starts_with("LIST SUBQUERY"));
    let walked = walk.and_then(|i| steps.get(i + 1));
    assert!(
        walked.is_some_and(|s| s.starts_with("SEARCH q USING COVERING INDEX posts_findable")),
        "search: the newest matches are not found by walking the findable posts' index: {steps:?}"
    );
    let matched = walk.and_then(|i| steps.get(i + 3));
    assert!(
        matched.is_some_and(|s| s.starts_with("SCAN posts_fts VIRTUAL TABLE INDEX 0:M")),
        "search: the set of matches is not built by one full-text match: {steps:?}"
    );
    let sorts = steps.iter().filter(|s| s.contains("TEMP B-TREE"));
    assert_eq!(sorts.count(), 1, "search: the walk sorts: {steps:?}");
    store.close().await;
    std::fs::remove_dir_all(&dir).ok();
}
