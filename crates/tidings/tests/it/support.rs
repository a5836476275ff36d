//! `TestApp`: a running server with its own data directory, and helpers to
//! speak to it the way a browser, a feed reader or an API client would.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use reqwest::{Method, StatusCode};
use serde_json::Value;

pub use crate::html::{hidden, strip_tags, texts_of_class};

static NEXT: AtomicU32 = AtomicU32::new(0);

pub struct TestApp {
    child: Child,
    pub base: String,
    /// What the server printed before it listened (the setup link, …).
    pub startup: Vec<String>,
    /// The `serve` arguments, for restarts and other nodes.
    serve_args: Vec<String>,
    pub data: PathBuf,
    /// `--database-url` of this app when the suite runs on PostgreSQL.
    database: Option<PgDatabase>,
    pub client: reqwest::Client,
    token: Option<String>,
    /// What the server (and its other nodes) wrote to stderr: its log.
    log: Arc<Mutex<String>>,
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_tidings")
}

impl TestApp {
    /// Starts a server on a fresh SQLite data directory.
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// Starts a server with extra `serve` arguments, its blog publishing
    /// comments unmoderated (`never`) as most tests expect, set before any
    /// request reads the blog; [`TestApp::start_as_new`] keeps a new blog's.
    pub async fn start_with(serve_args: &[&str]) -> Self {
        let app = Self::start_as_new_with(serve_args).await;
        app.sql("UPDATE blogs SET comment_moderation = 'never'")
            .await;
        app
    }

    /// Starts a server whose blog holds first comments (`first_time`).
    pub async fn start_as_new() -> Self {
        Self::start_as_new_with(&[]).await
    }

    async fn start_as_new_with(serve_args: &[&str]) -> Self {
        // reqwest's rustls has no provider of its own (the S3 store's
        // choice): every client the tests build after this takes ring.
        tidings_store::tls_on_ring();
        let data = std::env::temp_dir().join(format!(
            "tidings-it-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&data);
        let database = PgDatabase::create().await;
        let log = Arc::default();
        let (child, base, startup) = spawn_server(
            &data,
            database.as_ref().map(|d| d.url.as_str()),
            serve_args,
            &log,
        );
        // The server closes a connection idle for its header timeout (10 s);
        // a client that kept it longer could send a request just as it closes
        // (an `IncompleteMessage` under a loaded machine), so ours lets go at 5 s.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(std::time::Duration::from_secs(5))
            .build()
            .unwrap();
        Self {
            child,
            base,
            startup,
            serve_args: serve_args.iter().map(|a| (*a).to_owned()).collect(),
            data,
            database,
            client,
            token: None,
            log,
        }
    }

    /// Everything the server has written to stderr so far (it is also passed
    /// on to the test's stderr as it comes).
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// The log once it holds `line`, or as it stands after 10 s: the server
    /// writes to stderr as it answers, and the test reads it on a thread of
    /// its own, so a line may arrive a moment after the answer.
    pub async fn log_with(&self, line: &str) -> String {
        for _ in 0..200 {
            let log = self.log();
            if log.contains(line) {
                return log;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        self.log()
    }

    /// `--database-url URL` when the suite runs on PostgreSQL, else nothing:
    /// for tests that run the binary themselves.
    pub fn database_args(&self) -> Vec<String> {
        match &self.database {
            Some(db) => vec!["--database-url".into(), db.url.clone()],
            None => Vec::new(),
        }
    }

    /// The URL of this app's database, for tests that open its store
    /// themselves.
    pub fn store_url(&self) -> String {
        match &self.database {
            Some(db) => db.url.clone(),
            None => tidings_store::Store::sqlite_url(&self.data),
        }
    }

    /// Starts a second server on this app's database: another stateless node.
    pub fn another_node(&self) -> Node {
        let args: Vec<&str> = self.serve_args.iter().map(String::as_str).collect();
        let (child, base, _) = spawn_server(
            &self.data,
            self.database.as_ref().map(|d| d.url.as_str()),
            &args,
            &self.log,
        );
        Node { child, base }
    }

    /// Runs `tidings ARGS` against this app's data directory.
    pub fn cli(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut cmd = Command::new(binary());
        cmd.arg("--data").arg(&self.data);
        if let Some(db) = &self.database {
            cmd.args(["--database-url", &db.url]);
        }
        let mut child = cmd
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            // The command may refuse its arguments and exit before reading stdin.
            let _ = input.write_all(s.as_bytes());
        }
        drop(input);
        child.wait_with_output().unwrap()
    }

    /// Creates a user with `role` and returns a fresh API token for them.
    pub fn user_token(&self, email: &str, role: &str) -> String {
        self.member_token(email, email.split('@').next().unwrap(), role, None)
    }

    /// Adds a user named `name` with `role` on `blog` (the default blog when
    /// `None`) and answers a fresh API token of theirs.
    pub fn member_token(&self, email: &str, name: &str, role: &str, blog: Option<&str>) -> String {
        let mut args = vec![
            "user",
            "add",
            "--email",
            email,
            "--name",
            name,
            "--role",
            role,
            "--password-stdin",
        ];
        if let Some(blog) = blog {
            args.extend(["--blog", blog]);
        }
        let out = self.cli(&args, Some("a long enough password\n"));
        assert!(
            out.status.success(),
            "user add: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.new_token(email)
    }

    /// A fresh API token of the account `email`, from the command line.
    pub fn new_token(&self, email: &str) -> String {
        let out = self.cli(&["token", "create", "--email", email], None);
        assert!(
            out.status.success(),
            "token create: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap()
            .trim()
            .to_owned()
    }

    /// An admin token, created on first use.
    pub fn token(&mut self) -> String {
        if self.token.is_none() {
            self.token = Some(self.user_token("owner@example.com", "admin"));
        }
        self.token.clone().unwrap()
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The most memory the server process has held so far (its peak
    /// resident set, `VmHWM`), in bytes.
    pub fn peak_memory(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("/proc/PID/status has VmHWM");
        kib * 1024
    }

    /// Runs one SQL statement on the app's database, as test setup that no
    /// request can do (e.g. making a row look older than it is).
    pub async fn sql(&self, statement: &str) {
        use sqlx::{Connection, Executor};
        let statement = sqlx::AssertSqlSafe(statement.to_owned());
        match &self.database {
            Some(db) => {
                let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
                conn.execute(statement).await.unwrap();
            }
            None => {
                let url = format!("sqlite://{}", self.data.join("tidings.db").display());
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                conn.execute(statement).await.unwrap();
            }
        }
    }

    /// SIGKILL: the server dies at once, whatever it was doing.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same data and database (after a kill
    /// or stop); the base URL changes with the new port.
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, base, startup) = spawn_server(
            &self.data,
            self.database.as_ref().map(|d| d.url.as_str()),
            &[],
            &self.log,
        );
        self.child = child;
        self.base = base;
        self.startup = startup;
    }

    /// Sends SIGTERM and waits for the server to exit.
    pub fn stop(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        self.child.wait().unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// GET a page, asserting 200, and answer its HTML.
    pub async fn page(&self, path: &str) -> String {
        let r = self.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "GET {path}");
        r.text().await.unwrap()
    }

    /// An API call with the admin token; answers the status and JSON body.
    pub async fn api(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let token = self.token();
        self.api_as(&token, method, path, body).await
    }

    pub async fn api_as(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, self.url(&format!("/api/v1{path}")))
            .bearer_auth(token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, json)
    }

    /// Creates a post through the API, asserting 201, and answers it.
    pub async fn post(&mut self, body: Value) -> Value {
        let (status, json) = self.api(Method::POST, "/posts", Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "create post: {json}");
        json
    }

    /// Changes blog settings through the API.
    pub async fn settings(&mut self, body: Value) {
        let (status, json) = self.api(Method::PATCH, "/blog", Some(body)).await;
        assert_eq!(status, StatusCode::OK, "patch blog: {json}");
    }

    /// Loads a post page and submits its comment form as a reader would,
    /// with the hidden fields it served. Answers the 303's Location (or the
    /// status and body when it is not a redirect).
    pub async fn comment(
        &self,
        post_path: &str,
        fields: &[(&str, &str)],
    ) -> Result<String, (StatusCode, String)> {
        let html = self.page(post_path).await;
        let token = hidden(&html, "token");
        let mut form: Vec<(String, String)> =
            vec![("token".into(), token), ("parent".into(), String::new())];
        for (k, v) in fields {
            form.retain(|(name, _)| name != k);
            form.push(((*k).into(), (*v).into()));
        }
        self.submit(post_path, &form).await
    }

    /// POSTs raw form fields to a post path.
    pub async fn submit(
        &self,
        post_path: &str,
        form: &[(String, String)],
    ) -> Result<String, (StatusCode, String)> {
        let r = self
            .client
            .post(self.url(post_path))
            .form(form)
            .send()
            .await
            .unwrap();
        if r.status() == StatusCode::SEE_OTHER {
            Ok(r.headers()["location"].to_str().unwrap().to_owned())
        } else {
            Err((r.status(), r.text().await.unwrap()))
        }
    }
}

/// Starts `tidings serve` on a free port and answers the child, its base URL
/// (read from the line the server prints once it listens) and the lines it
/// printed before that. What it writes to stderr is added to `log`.
fn spawn_server(
    data: &std::path::Path,
    database_url: Option<&str>,
    serve_args: &[&str],
    log: &Arc<Mutex<String>>,
) -> (Child, String, Vec<String>) {
    let mut cmd = Command::new(binary());
    cmd.arg("--data").arg(data);
    if let Some(url) = database_url {
        cmd.args(["--database-url", url]);
    }
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .args(serve_args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the tidings binary starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let log = Arc::clone(log);
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stderr);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
            let text = String::from_utf8_lossy(&line);
            eprint!("{text}");
            log.lock().unwrap().push_str(&text);
            line.clear();
        }
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let mut before = Vec::new();
    let base = loop {
        let line = lines
            .next()
            .expect("the server prints its address before exiting")
            .expect("stdout is readable");
        if let Some(addr) = line.strip_prefix("listening on ") {
            break addr.trim().to_owned();
        }
        before.push(line);
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, base, before)
}

/// A bucket of the test S3 server (`scripts/s3-test-server.sh`, which
/// `scripts/test.sh` starts) under a key prefix of its own, with its keys:
/// `TIDINGS_TEST_S3_URL`, `TIDINGS_TEST_S3_KEY_ID`, `TIDINGS_TEST_S3_SECRET`.
/// `None` (the caller skips, saying why) only when no server is named
/// outside CI; in CI a missing server fails the test.
pub fn s3_bucket() -> Option<tidings_store::S3Settings> {
    let Ok(url) = std::env::var("TIDINGS_TEST_S3_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "TIDINGS_TEST_S3_URL is not set: CI runs the S3 tests against scripts/s3-test-server.sh"
        );
        eprintln!(
            "skipped: TIDINGS_TEST_S3_URL is not set (eval \"$(scripts/s3-test-server.sh)\" starts a test S3 server)"
        );
        return None;
    };
    let mut bucket = tidings_store::S3Settings::parse(&url).expect("TIDINGS_TEST_S3_URL parses");
    bucket.prefix = format!(
        "it-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    bucket.access_key_id = std::env::var("TIDINGS_TEST_S3_KEY_ID").ok();
    bucket.secret_access_key = std::env::var("TIDINGS_TEST_S3_SECRET").ok();
    Some(bucket)
}

/// `serve`'s flags for [`s3_bucket`]'s bucket.
pub fn s3_serve_args(bucket: &tidings_store::S3Settings) -> Vec<String> {
    let endpoint = bucket.endpoint.as_deref().unwrap_or_default();
    vec![
        "--media-store".into(),
        format!(
            "s3://{}/{}?endpoint={endpoint}",
            bucket.bucket, bucket.prefix
        ),
        "--s3-access-key-id".into(),
        bucket.access_key_id.clone().unwrap_or_default(),
        "--s3-secret-access-key".into(),
        bucket.secret_access_key.clone().unwrap_or_default(),
    ]
}

/// Another server process on the same database as a [`TestApp`].
pub struct Node {
    child: Child,
    pub base: String,
}

impl Node {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// SIGKILL: the node dies at once, mid-whatever.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// A fresh PostgreSQL database for one app, when `TIDINGS_TEST_DATABASE_URL`
/// names a server (e.g. `postgres://postgres@127.0.0.1:5432/test`): the suite
/// then runs every test on PostgreSQL instead of SQLite.
struct PgDatabase {
    admin_url: String,
    name: String,
    url: String,
}

impl PgDatabase {
    async fn create() -> Option<Self> {
        use sqlx::{Connection, Executor};
        let admin_url = std::env::var("TIDINGS_TEST_DATABASE_URL").ok()?;
        let name = format!(
            "tidings_it_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b)
            .unwrap_or(&admin_url);
        let url = format!("{base}/{name}");
        let mut conn = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("TIDINGS_TEST_DATABASE_URL answers");
        conn.execute(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name}"
        )))
        .await
        .unwrap();
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .await
            .unwrap();
        Some(Self {
            admin_url,
            name,
            url,
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        use sqlx::{Connection, Executor};
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop runs inside the test's runtime; a thread of its own may block.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = conn
                        .execute(sqlx::AssertSqlSafe(format!(
                            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                        )))
                        .await;
                }
            });
        })
        .join();
    }
}
