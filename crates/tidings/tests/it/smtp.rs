//! The SMTP server a mail test starts: `tests/smtp_sink.py` (aiosmtpd) on
//! a free port, writing each message it takes to a directory the test
//! reads; a server under test pointed at it; the links in what arrives.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::TestApp;

/// The SMTP server of one test.
/// A free port below the kernel's range for ephemeral ports (32768 and up
/// on Linux), so no other test's listener or outgoing connection is handed
/// it while a sink is not listening yet: a port from `bind(0)` sometimes
/// was, and the sink then could not start. Each test process starts
/// looking at its own place.
fn unclaimed_port() -> u16 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let start = std::process::id().wrapping_mul(7919);
    loop {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let port = 20_000 + (start.wrapping_add(n) % 12_000) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

pub struct Sink {
    child: Option<Child>,
    pub port: u16,
    pub dir: PathBuf,
    /// Seconds the server waits over each message before it takes it.
    delay: f64,
}

impl Sink {
    /// A sink on a free port, not yet listening.
    pub fn new() -> Self {
        let port = unclaimed_port();
        let dir = std::env::temp_dir().join(format!("tidings-mail-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self {
            child: None,
            port,
            dir,
            delay: 0.0,
        }
    }

    /// A slow sink, listening: each message is taken `delay` seconds after
    /// its data arrived, so a sender can be stopped while it waits.
    pub fn slow(delay: f64) -> Self {
        let mut sink = Self::new();
        sink.delay = delay;
        sink.start();
        sink
    }

    /// A sink, listening.
    pub fn started() -> Self {
        let mut sink = Self::new();
        sink.start();
        sink
    }

    /// Starts listening (again), and returns once it does.
    pub fn start(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(self.port.to_string())
            .arg(&self.dir)
            .arg(self.delay.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (with aiosmtpd from tests/requirements.txt)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP sink starts");
        self.child = Some(child);
    }

    /// Stops listening: the mail server is away.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message taken so far, oldest first.
    pub fn messages(&self) -> Vec<Value> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits until `n` messages have arrived (at most `secs` seconds).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.messages();
            if got.len() >= n || Instant::now() > deadline {
                assert!(got.len() >= n, "{} of {n} mails within {secs} s", got.len());
                return got;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A server that mails through `sink`.
pub async fn app_mailing(sink: &Sink) -> TestApp {
    TestApp::start_with(&[
        "--smtp-url",
        &sink.url(),
        "--mail-from",
        "Tidings Test <blog@example.org>",
    ])
    .await
}

/// The path (and query) of the first link in `text` to `path`.
pub fn link(text: &str, path: &str) -> String {
    let start = text
        .find(&format!("{path}?"))
        .unwrap_or_else(|| panic!("no link to {path} in {text}"));
    text[start..].split_whitespace().next().unwrap().to_owned()
}
