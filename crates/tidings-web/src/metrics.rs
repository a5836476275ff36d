//! Prometheus counters kept in process: each node reports its own traffic.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// Database statements this process ran, counted from the driver's own
/// per-statement events by the binary's logging setup; a test reads it to
/// prove each page costs a fixed number of queries.
static DB_STATEMENTS: AtomicU64 = AtomicU64::new(0);

/// Counts one statement; see [`DB_STATEMENTS`].
pub fn count_statement() {
    DB_STATEMENTS.fetch_add(1, Ordering::Relaxed);
}

/// Which part of the site a request was for, counted apart: a flood of
/// readers, an editor's session, an API client and pictures load a node
/// differently, and an operator wants to see which one it is.
#[derive(Clone, Copy)]
pub enum Area {
    Public,
    Admin,
    Api,
    Media,
    /// `/healthz` and `/metrics`: the machines that watch the node.
    Ops,
}

impl Area {
    const ALL: [Area; 5] = [Area::Public, Area::Admin, Area::Api, Area::Media, Area::Ops];

    /// The area of a request for `path`.
    pub fn of(path: &str) -> Self {
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if under("/admin") {
            Area::Admin
        } else if under("/api") {
            Area::Api
        } else if under("/media") {
            Area::Media
        } else if path == "/healthz" || path == "/metrics" {
            Area::Ops
        } else {
            Area::Public
        }
    }

    fn name(self) -> &'static str {
        match self {
            Area::Public => "public",
            Area::Admin => "admin",
            Area::Api => "api",
            Area::Media => "media",
            Area::Ops => "ops",
        }
    }
}

/// One area's counts.
#[derive(Default)]
struct Traffic {
    /// Responses by status class 1xx..5xx.
    responses: [AtomicU64; 5],
    /// Total time spent answering, in microseconds.
    busy_micros: AtomicU64,
}

#[derive(Default)]
pub struct Metrics {
    /// By [`Area`], in its order.
    traffic: [Traffic; 5],
    /// Pages answered from the render cache, and rendered for it.
    cache_hits: AtomicU64,
    cache_misses: AtomicU64,
}

impl Metrics {
    pub fn cache_hit(&self) {
        self.cache_hits.fetch_add(1, Ordering::Relaxed);
    }

    pub fn cache_miss(&self) {
        self.cache_misses.fetch_add(1, Ordering::Relaxed);
    }

    pub fn render(&self) -> String {
        let mut out = String::from(
            "# HELP tidings_http_responses_total HTTP responses sent, by area and status class.\n\
             # TYPE tidings_http_responses_total counter\n",
        );
        for area in Area::ALL {
            for (i, n) in self.traffic[area as usize].responses.iter().enumerate() {
                out.push_str(&format!(
                    "tidings_http_responses_total{{area=\"{}\",class=\"{}xx\"}} {}\n",
                    area.name(),
                    i + 1,
                    n.load(Ordering::Relaxed)
                ));
            }
        }
        out.push_str(
            "# HELP tidings_http_response_seconds_total Time spent answering requests, by area.\n\
             # TYPE tidings_http_response_seconds_total counter\n",
        );
        for area in Area::ALL {
            out.push_str(&format!(
                "tidings_http_response_seconds_total{{area=\"{}\"}} {}\n",
                area.name(),
                self.traffic[area as usize]
                    .busy_micros
                    .load(Ordering::Relaxed) as f64
                    / 1e6
            ));
        }
        out.push_str(&format!(
            "# HELP tidings_cache_requests_total Public pages answered from the render cache \
             (hit) or rendered for it (miss).\n\
             # TYPE tidings_cache_requests_total counter\n\
             tidings_cache_requests_total{{result=\"hit\"}} {}\n\
             tidings_cache_requests_total{{result=\"miss\"}} {}\n",
            self.cache_hits.load(Ordering::Relaxed),
            self.cache_misses.load(Ordering::Relaxed)
        ));
        out.push_str(&format!(
            "# HELP tidings_db_statements_total Database statements run by this node.\n\
             # TYPE tidings_db_statements_total counter\n\
             tidings_db_statements_total {}\n",
            DB_STATEMENTS.load(Ordering::Relaxed)
        ));
        out
    }
}

impl Metrics {
    /// Counts one response of `area` by class, and the time it took.
    pub fn record(&self, area: Area, status: axum::http::StatusCode, started: std::time::Instant) {
        let class = (status.as_u16() / 100).clamp(1, 5) as usize - 1;
        let traffic = &self.traffic[area as usize];
        traffic.responses[class].fetch_add(1, Ordering::Relaxed);
        traffic
            .busy_micros
            .fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    }
}

/// Counts every response that the render cache did not answer (it counts
/// its own, see `cache::layer`).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let area = Area::of(req.uri().path());
    let response = next.run(req).await;
    state.metrics.record(area, response.status(), started);
    response
}
