//! Connection exhaustion (issue 13, finding 3): one address holding
//! thousands of slow connections must not keep another address out.

use std::io::Write;
use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::support::TestApp;

/// More than the server's 4,096 connections in all.
const SLOW: usize = 4_300;

/// Lets this process open as many files as the hard limit allows (the
/// server raises its own the same way at start).
fn raise_open_files() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        },
    )
    .unwrap();
}

/// `SLOW` connections from 127.0.0.1 that send half a request and wait.
fn slow_connections(app: &TestApp) -> Vec<TcpStream> {
    let authority = app.base.trim_start_matches("http://").to_owned();
    (0..SLOW)
        .filter_map(|_| {
            let mut s = TcpStream::connect(&authority).ok()?;
            // The server may have closed it already (past the cap): fine.
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
            Some(s)
        })
        .collect()
}

/// `/healthz` from 127.0.0.2, as another client would ask it.
async fn from_another_address(app: &TestApp) -> Result<StatusCode, reqwest::Error> {
    let client = reqwest::Client::builder()
        .local_address(IpAddr::from([127, 0, 0, 2]))
        .timeout(Duration::from_secs(3))
        .build()
        .unwrap();
    Ok(client.get(app.url("/healthz")).send().await?.status())
}

#[tokio::test]
async fn one_address_cannot_take_every_connection() {
    raise_open_files();
    let app = TestApp::start().await;
    let slow = slow_connections(&app);
    assert!(slow.len() >= 4_100, "opened {}", slow.len());
    // Let the server take them all in.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let asked = Instant::now();
    let status = from_another_address(&app).await;
    let took = asked.elapsed();
    assert_eq!(
        status.ok(),
        Some(StatusCode::OK),
        "another address is served"
    );
    assert!(took < Duration::from_secs(2), "in {took:?}");
    assert!(
        app.log().contains("open files: up to"),
        "the server says how many files it may open"
    );
    drop(slow);
}

#[tokio::test]
async fn when_full_the_connection_waiting_longest_makes_room() {
    raise_open_files();
    // A cap per address high enough that one address fills the server.
    let app = TestApp::start_with(&["--max-connections-per-address", "10000"]).await;
    let slow = slow_connections(&app);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let asked = Instant::now();
    let status = from_another_address(&app).await;
    let took = asked.elapsed();
    assert_eq!(
        status.ok(),
        Some(StatusCode::OK),
        "another address is served"
    );
    assert!(took < Duration::from_secs(2), "in {took:?}");
    drop(slow);
}
