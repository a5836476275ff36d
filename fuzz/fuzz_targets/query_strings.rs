//! The query strings of public pages and feeds, through the real router on a
//! SQLite blog with the demo posts: Blogger's paging (`updated-max`,
//! `updated-min`, `max-results`, `start-index`), `alt` and the search box's
//! `q`. The parsers (`handlers/paging.rs`, `dialect::search_terms`) are
//! private; reaching them through the router tests what a reader can reach.
//! Property: no input gives a 5xx (a panic would, through catch-panic).
#![no_main]

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, header};
use libfuzzer_sys::fuzz_target;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use tower::ServiceExt;

const HOST: &str = "fuzz.example";
const PATHS: &[&str] = &[
    "/",
    "/search",
    "/search/label/Welcome",
    "/feeds/posts/default",
    "/feeds/posts/summary",
    "/feeds/comments/default",
    "/2024/",
];
const FIELDS: &[&str] = &[
    "updated-max",
    "updated-min",
    "max-results",
    "start-index",
    "q",
    "alt",
];
/// Raw mode leaves the query syntax (and broken escapes like `%zz`) to the fuzzer.
const RAW: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'&')
    .remove(b'=')
    .remove(b'%')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b':');

struct App {
    runtime: tokio::runtime::Runtime,
    router: axum::Router,
}

fn app() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let dir = std::env::temp_dir().join(format!("tidings-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let router = runtime.block_on(async {
            let store = tidings_store::Store::open(&tidings_store::Store::sqlite_url(&dir))
                .await
                .unwrap();
            let blog = store.create_blog(HOST, "Fuzz").await.unwrap();
            assert!(tidings_web::fill_demo(&store, &blog).await.is_ok());
            let state = tidings_web::AppState::new(store, tidings_web::Config::default())
                .await
                .unwrap();
            tidings_web::router(state)
        });
        App { runtime, router }
    })
}

fuzz_target!(|data: &[u8]| {
    let [path, mode, rest @ ..] = data else {
        return;
    };
    let path = PATHS[usize::from(*path) % PATHS.len()];
    let query = if mode & 1 == 0 {
        percent_encoding::percent_encode(rest, RAW).to_string()
    } else {
        // One value per line, in FIELDS order: each parser gets its own input.
        let text = String::from_utf8_lossy(rest);
        text.split('\n')
            .zip(FIELDS)
            .map(|(v, k)| format!("{k}={}", utf8_percent_encode(v, NON_ALPHANUMERIC)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let uri = format!("{path}?{query}");
    let Ok(request) = Request::builder()
        .uri(&uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
    else {
        return;
    };
    let app = app();
    let (status, body) = app.runtime.block_on(async {
        let response = app.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, body)
    });
    assert!(
        status.as_u16() < 500,
        "{uri} answered {status}: {}",
        String::from_utf8_lossy(&body)
    );
});
