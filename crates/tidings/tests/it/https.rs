//! Automatic HTTPS against Pebble, Let's Encrypt's test ACME server
//! (Debian's `pebble` package). Most tests run it with
//! `PEBBLE_VA_ALWAYS_VALID=1`, so challenges are taken as answered; the
//! TLS-ALPN-01 test has them checked for real, with the package's
//! `pebble-challtestsrv` as Pebble's DNS server answering 127.0.0.1 for
//! every name. Everything else is real: the ACME protocol over TLS, the
//! certificate in the database, rustls serving it, and a rustls client
//! that trusts only Pebble's root (fetched from its management API).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::admin::{Browser, PASSWORD};
use crate::support::TestApp;

const HOST: &str = "blog.tidings.test";

/// How Pebble checks the challenges it hands out.
#[derive(Clone, Copy)]
enum Checks {
    /// Not at all: every challenge passes.
    Skipped,
    /// For real, against 127.0.0.1: TLS-ALPN-01 on port `tls`.
    Real { tls: u16 },
}

/// A Pebble of its own: its listener's certificate made by a throwaway CA
/// (openssl), on free ports; with real checks, a DNS server of its own.
struct Pebble {
    child: Child,
    dns: Option<Child>,
    dir: PathBuf,
    /// Trusts the throwaway CA: what `--acme-ca-root` is given.
    ca: PathBuf,
    directory: String,
    management: u16,
}

impl Pebble {
    async fn start(checks: Checks) -> Self {
        let binary = ["/usr/bin/pebble", "/usr/local/bin/pebble"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("Pebble is installed (apt-get install pebble): the HTTPS tests need it");
        let dir = std::env::temp_dir().join(format!(
            "tidings-pebble-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        openssl(
            &dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=Tidings test CA",
            ],
        );
        openssl(
            &dir,
            &[
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "leaf.key",
                "-out",
                "leaf.csr",
                "-subj",
                "/CN=127.0.0.1",
            ],
        );
        std::fs::write(
            dir.join("leaf.ext"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n\
             extendedKeyUsage=serverAuth\n",
        )
        .unwrap();
        openssl(
            &dir,
            &[
                "x509",
                "-req",
                "-in",
                "leaf.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-set_serial",
                "2",
                "-days",
                "2",
                "-extfile",
                "leaf.ext",
                "-out",
                "leaf.pem",
            ],
        );
        let (acme, management) = (free_port(), free_port());
        let tls_port = match checks {
            Checks::Skipped => 5001,
            Checks::Real { tls } => tls,
        };
        let config = serde_json::json!({"pebble": {
            "listenAddress": format!("127.0.0.1:{acme}"),
            "managementListenAddress": format!("127.0.0.1:{management}"),
            "certificate": dir.join("leaf.pem"),
            "privateKey": dir.join("leaf.key"),
            "httpPort": free_port(),
            "tlsPort": tls_port,
            "ocspResponderURL": "",
            "externalAccountBindingRequired": false,
        }});
        std::fs::write(dir.join("pebble.json"), config.to_string()).unwrap();
        let mut command = Command::new(binary);
        command
            .arg("-config")
            .arg(dir.join("pebble.json"))
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let dns = match checks {
            Checks::Skipped => {
                command.env("PEBBLE_VA_ALWAYS_VALID", "1");
                None
            }
            Checks::Real { .. } => {
                let port = free_port();
                command.arg("-dnsserver").arg(format!("127.0.0.1:{port}"));
                Some(dns_server(port).await)
            }
        };
        let child = command.spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", acme))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "Pebble did not start listening");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self {
            child,
            dns,
            ca: dir.join("ca.pem"),
            dir,
            directory: format!("https://127.0.0.1:{acme}/dir"),
            management,
        }
    }

    /// The root that issued the certificates, from the management API.
    async fn issuing_root(&self) -> rustls::RootCertStore {
        let mut ours = rustls::RootCertStore::empty();
        ours.add(CertificateDer::from_pem_file(&self.ca).unwrap())
            .unwrap();
        let answer = get(self.management, "127.0.0.1", "/roots/0", &ours)
            .await
            .text;
        let start = answer.find("-----BEGIN CERTIFICATE-----").expect(&answer);
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(&answer.as_bytes()[start..]).unwrap())
            .unwrap();
        roots
    }

    /// `serve`'s flags for automatic HTTPS from this Pebble, with an HTTPS port.
    fn flags(&self, https_port: u16, extra: &[&str]) -> Vec<String> {
        let mut flags: Vec<String> = [
            "--tls-acme",
            "--listen-https",
            &format!("127.0.0.1:{https_port}"),
            "--acme-directory",
            &self.directory,
            "--acme-ca-root",
            self.ca.to_str().unwrap(),
            "--acme-email",
            "owner@example.com",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        flags.extend(extra.iter().map(|s| (*s).to_owned()));
        flags
    }
}

/// pebble-challtestsrv as a DNS server on `port` alone, answering
/// 127.0.0.1 for every name (and no IPv6 address).
async fn dns_server(port: u16) -> Child {
    let child = Command::new("pebble-challtestsrv")
        .args(["-defaultIPv4", "127.0.0.1", "-defaultIPv6", ""])
        .args(["-dns01", &format!("127.0.0.1:{port}")])
        .args(["-http01", "", "-https01", "", "-tlsalpn01", ""])
        .args(["-management", &format!("127.0.0.1:{}", free_port())])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("pebble-challtestsrv runs (Debian's pebble package has it)");
    // It serves DNS over UDP and TCP alike: TCP says when it is up.
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(
            Instant::now() < deadline,
            "pebble-challtestsrv did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child
}

impl Drop for Pebble {
    fn drop(&mut self) {
        for child in std::iter::once(&mut self.child).chain(self.dns.as_mut()) {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An HTTPS answer: its text (head and body) and the server's certificate.
struct Answer {
    text: String,
    leaf: Vec<u8>,
}

/// `GET path` over TLS to 127.0.0.1:`port` for `host`, trusting `roots` alone.
async fn get(port: u16, host: &str, path: &str, roots: &rustls::RootCertStore) -> Answer {
    try_get(port, host, path, roots).await.unwrap()
}

async fn try_get(
    port: u16,
    host: &str,
    path: &str,
    roots: &rustls::RootCertStore,
) -> Result<Answer, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots.clone())
        .with_no_client_auth();
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|e| e.to_string())?;
    let name = ServerName::try_from(host.to_owned()).unwrap();
    let mut tls = connector
        .connect(name, tcp)
        .await
        .map_err(|e| e.to_string())?;
    let leaf = tls.get_ref().1.peer_certificates().unwrap()[0].to_vec();
    tls.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    // Some servers close without TLS's close_notify; what came is the answer.
    let _ = tls.read_to_end(&mut bytes).await;
    Ok(Answer {
        text: String::from_utf8_lossy(&bytes).into_owned(),
        leaf,
    })
}

/// Asks until `host` answers over HTTPS with a certificate `roots` trust.
async fn first_answer(port: u16, roots: &rustls::RootCertStore, within: Duration) -> Answer {
    let deadline = Instant::now() + within;
    loop {
        match try_get(port, HOST, "/", roots).await {
            Ok(answer) => return answer,
            Err(e) if Instant::now() > deadline => panic!("no HTTPS answer for {HOST}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

fn add_blog(app: &TestApp) {
    let out = app.cli(
        &["blog", "add", "--host", HOST, "--title", "Pebble Blog"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A second `serve` on the app's database, with its own ports; its stderr
/// (its log) is kept apart from the first node's.
fn second_node(app: &TestApp, flags: &[String]) -> (Child, std::thread::JoinHandle<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("--data")
        .arg(&app.data)
        .args(app.database_args())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(flags)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    (child, log)
}

#[tokio::test]
async fn a_blog_host_gets_a_certificate_and_a_second_node_serves_it_without_ordering() {
    let pebble = Pebble::start(Checks::Skipped).await;
    let https_port = free_port();
    let flags = pebble.flags(https_port, &[]);
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let started = Instant::now();
    let app = TestApp::start_with(&flags).await;
    add_blog(&app);
    let roots = pebble.issuing_root().await;
    let answer = first_answer(https_port, &roots, Duration::from_secs(60)).await;
    eprintln!(
        "https: start to the first HTTPS answer for a new blog: {:?}",
        started.elapsed()
    );
    assert!(answer.text.starts_with("HTTP/1.1 200"), "{}", answer.text);
    assert!(answer.text.contains("Pebble Blog"), "{}", answer.text);
    assert!(
        answer
            .text
            .to_ascii_lowercase()
            .contains("strict-transport-security: max-age=31536000"),
        "{}",
        answer.text
    );
    // The blog's links say https now.
    assert!(
        answer.text.contains(&format!("https://{HOST}")),
        "{}",
        answer.text
    );

    // Plain HTTP for the host goes to HTTPS, except ACME's challenges; a host
    // without a certificate keeps plain HTTP.
    let redirect = |host: String| {
        let request = app
            .client
            .get(app.url("/2026/01/a.html?x=1"))
            .header("host", host);
        async move {
            let plain = request.send().await.unwrap();
            assert_eq!(plain.status(), reqwest::StatusCode::PERMANENT_REDIRECT);
            plain.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    // A reader who named a port is sent to the HTTPS listener's; one who
    // came on port 80 as the world sees it, to 443.
    assert_eq!(
        redirect(format!("{HOST}:8080")).await,
        format!("https://{HOST}:{https_port}/2026/01/a.html?x=1")
    );
    assert_eq!(
        redirect(HOST.to_owned()).await,
        format!("https://{HOST}/2026/01/a.html?x=1")
    );
    let challenge = app
        .client
        .get(app.url("/.well-known/acme-challenge/unknown"))
        .header("host", HOST)
        .send()
        .await
        .unwrap();
    assert_eq!(challenge.status(), reqwest::StatusCode::NOT_FOUND);
    assert_eq!(app.get("/").await.status(), reqwest::StatusCode::OK);
    assert_eq!(app.log().matches("ordering a certificate for").count(), 1);

    // A second node on the same database serves the same certificate and orders none.
    let second_https = free_port();
    let (mut node, node_log) = second_node(&app, &pebble.flags(second_https, &[]));
    let again = first_answer(second_https, &roots, Duration::from_secs(30)).await;
    assert!(again.text.contains("Pebble Blog"), "{}", again.text);
    assert_eq!(
        again.leaf, answer.leaf,
        "the second node serves the stored certificate"
    );
    let _ = node.kill();
    let _ = node.wait();
    let node_log = node_log.join().unwrap();
    assert!(
        node_log.contains("serving blog.tidings.test's certificate"),
        "{node_log}"
    );
    assert!(!node_log.contains("ordering a certificate"), "{node_log}");
    assert!(!node_log.contains("opened an ACME account"), "{node_log}");
}

#[tokio::test]
async fn renewal_replaces_the_certificate() {
    let pebble = Pebble::start(Checks::Skipped).await;
    let https_port = free_port();
    // Pebble's certificates last years: asking for more than that left
    // makes every certificate due at once (at most every 10 s).
    let flags = pebble.flags(https_port, &["--acme-renew-seconds", "4000000000"]);
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let app = TestApp::start_with(&flags).await;
    add_blog(&app);
    let roots = pebble.issuing_root().await;
    let first = first_answer(https_port, &roots, Duration::from_secs(60)).await;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now = get(https_port, HOST, "/", &roots).await;
        if now.leaf != first.leaf {
            assert!(now.text.contains("Pebble Blog"), "{}", now.text);
            break;
        }
        assert!(Instant::now() < deadline, "the certificate was not renewed");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(app.log().matches("ordering a certificate for").count() >= 2);
}

#[tokio::test]
async fn a_failed_order_keeps_plain_http_and_says_why_in_the_log_and_the_admin() {
    let https_port = free_port();
    // Nothing listens on port 1: the order cannot even start.
    let app = TestApp::start_with(&[
        "--tls-acme",
        "--listen-https",
        &format!("127.0.0.1:{https_port}"),
        "--acme-directory",
        "https://127.0.0.1:1/dir",
    ])
    .await;
    // The first blog takes the failing host; the admin at 127.0.0.1 is its.
    app.sql(&format!("UPDATE blogs SET host = '{HOST}'")).await;
    let out = app.cli(
        &[
            "user",
            "add",
            "--email",
            "owner@example.com",
            "--name",
            "Owner",
            "--role",
            "admin",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.log().contains(&format!("no certificate for {HOST}")) {
        assert!(
            Instant::now() < deadline,
            "no failure logged:\n{}",
            app.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Readers keep plain HTTP.
    let plain = app
        .client
        .get(app.url("/"))
        .header("host", HOST)
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), reqwest::StatusCode::OK);
    let mut owner = Browser::new(&app);
    owner.sign_in("owner@example.com", PASSWORD).await;
    let settings = owner.get("/admin/settings").await;
    assert!(
        settings
            .body
            .contains(&format!("The last certificate order for {HOST} failed")),
        "{}",
        settings.body
    );
    assert!(
        settings
            .body
            .contains("cannot open an account at https://127.0.0.1:1/dir")
    );
    assert!(settings.body.contains("plain HTTP until it succeeds"));
}

#[tokio::test]
async fn tls_alpn_01_is_answered_in_the_handshake_and_checked_for_real() {
    let https_port = free_port();
    let pebble = Pebble::start(Checks::Real { tls: https_port }).await;
    let flags = pebble.flags(https_port, &["--acme-challenge", "tls-alpn-01"]);
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let app = TestApp::start_with(&flags).await;
    add_blog(&app);
    let roots = pebble.issuing_root().await;
    let answer = first_answer(https_port, &roots, Duration::from_secs(60)).await;
    assert!(answer.text.starts_with("HTTP/1.1 200"), "{}", answer.text);
    assert!(answer.text.contains("Pebble Blog"), "{}", answer.text);
    // Pebble's checker made a handshake for `acme-tls/1` and was answered.
    assert!(
        app.log().contains("answered a TLS-ALPN-01 challenge"),
        "{}",
        app.log()
    );
}
