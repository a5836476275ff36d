//! What the generated sweeps share: a case (one request, and why it is bad),
//! running thousands of them a few at a time over bare connections, and the
//! verdict on their answers.

use std::collections::BTreeMap;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::raw::{self, Answer};
use crate::support::{TestApp, strip_tags};

/// Requests in flight at once: enough to keep both cores busy.
const IN_FLIGHT: usize = 16;

/// One request of a sweep.
#[derive(Clone, Debug)]
pub struct Case {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Arc<Vec<u8>>,
    /// What is wrong with it, for the failure message.
    pub why: String,
    /// Refused by the HTTP layer before the application sees it (a 414 for
    /// a 100 KB target): a 4xx without the application's message.
    pub transport: bool,
    /// An action that must not go through: a 4xx, or a redirect to sign in
    /// (for a page, a redirect to another page, itself refused).
    pub refused: bool,
}

impl Case {
    pub fn new(method: &str, target: String, why: String) -> Self {
        Self {
            method: method.to_owned(),
            target,
            headers: Vec::new(),
            body: Arc::default(),
            why,
            transport: false,
            refused: false,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: impl Into<Arc<Vec<u8>>>) -> Self {
        self.body = body.into();
        self
    }

    pub fn transport(mut self) -> Self {
        self.transport = true;
        self
    }

    pub fn refused(mut self) -> Self {
        self.refused = true;
        self
    }
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let target: String = self.target.chars().take(80).collect();
        write!(f, "{} {target} ({}", self.method, self.why)?;
        if !self.body.is_empty() {
            write!(f, ", {} byte body", self.body.len())?;
        }
        write!(f, ")")
    }
}

/// Times a case refused as busy (503 with `Retry-After`) is sent again.
const BUSY_RETRIES: usize = 5;

/// Sends every case to `app`, [`IN_FLIGHT`] at a time, each on a connection
/// of its own; answers each case with what came back. A case the server
/// refuses as busy is sent again after a moment, as a client told
/// `Retry-After` would: sixteen saves at once, each hashing a post's
/// password, fill the line of renders on two cores, and that refusal is the
/// server's overload contract, not its answer to the bad input.
pub async fn run(app: &TestApp, cases: Vec<Case>) -> Vec<(Case, Result<Answer, String>)> {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut tasks = JoinSet::new();
    for case in cases {
        let base = app.base.clone();
        let slots = Arc::clone(&slots);
        tasks.spawn(async move {
            let _slot = slots.acquire_owned().await.unwrap();
            let mut tries = 0;
            loop {
                let answer = raw::send(
                    &base,
                    &case.method,
                    &case.target,
                    &case.headers,
                    Arc::clone(&case.body),
                )
                .await;
                let busy = answer
                    .as_ref()
                    .is_ok_and(|a| a.status == 503 && a.header("retry-after").is_some());
                if !busy || tries == BUSY_RETRIES {
                    return (case, answer);
                }
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
        });
    }
    let mut results = Vec::new();
    while let Some(done) = tasks.join_next().await {
        results.push(done.expect("a sweep task does not panic"));
    }
    results
}

/// The verdict: every case got an HTTP answer, none of them a 5xx, no action
/// that must be refused went through, and every refusal by the application
/// comes with a message a person can read (a JSON error document under
/// `/api/`). Prints how the answers were spread.
pub fn assert_swept(results: &[(Case, Result<Answer, String>)]) {
    // What went wrong (the same for many cases), and the cases.
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut fail = |what: String, case: &Case| {
        failures.entry(what).or_default().push(case.to_string());
    };
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    for (case, answer) in results {
        let answer = match answer {
            Ok(a) => a,
            Err(e) => {
                fail(format!("no answer: {e}"), case);
                continue;
            }
        };
        *statuses.entry(answer.status).or_default() += 1;
        if answer.status >= 500 {
            let text: String = strip_tags(&answer.text()).chars().take(200).collect();
            fail(format!("{} {text}", answer.status), case);
            continue;
        }
        // Sent to sign in; a page may also send on to another (refused) page.
        let redirect = (300..400).contains(&answer.status);
        let to_sign_in = redirect
            && (case.method == "GET"
                || answer
                    .header("location")
                    .is_some_and(|l| l.starts_with("/admin/login")));
        if case.refused && !(400..500).contains(&answer.status) && !to_sign_in {
            let location = answer.header("location").unwrap_or("");
            fail(format!("went through: {} {location}", answer.status), case);
            continue;
        }
        if !(400..500).contains(&answer.status) || case.transport || case.method == "HEAD" {
            continue;
        }
        let text = answer.text();
        if let Err(e) = readable(&case.target, &text) {
            fail(format!("{} {e}", answer.status), case);
        }
    }
    eprintln!(
        "bad-input sweep: {} requests, answered {statuses:?}",
        results.len()
    );
    let wrong: usize = failures.values().map(Vec::len).sum();
    let mut report = String::new();
    for (what, cases) in &failures {
        report.push_str(&format!("\n{what}: {} requests, e.g.\n", cases.len()));
        for case in cases.iter().take(5) {
            report.push_str(&format!("    {case}\n"));
        }
    }
    assert!(
        failures.is_empty(),
        "{wrong} of {} bad requests were answered wrongly:\n{report}",
        results.len()
    );
}

/// A refusal a person can act on: a JSON error with a code and a message
/// under `/api/`, a page with words in it elsewhere.
pub(super) fn readable(target: &str, body: &str) -> Result<(), String> {
    if target.starts_with("/api/") {
        let json: serde_json::Value =
            serde_json::from_str(body).map_err(|_| format!("is not a JSON error: {body:.120}"))?;
        let message = json["error"]["message"].as_str().unwrap_or("");
        if json["error"]["code"].is_string() && message.len() > 5 {
            return Ok(());
        }
        let json: String = json.to_string().chars().take(120).collect();
        return Err(format!("has no error code and message: {json}"));
    }
    let text = strip_tags(body);
    if text.chars().filter(|c| c.is_alphabetic()).count() >= 10 {
        Ok(())
    } else {
        Err(format!("comes without a message: {body:.120}"))
    }
}
