//! Slow clients: hundreds of connections sending headers a byte at a time
//! neither stop the server answering others nor stay open for ever.

use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::TestApp;

#[tokio::test]
async fn slowloris_connections_are_cut_off_and_others_are_served() {
    let app = TestApp::start().await;
    let authority = app.base.trim_start_matches("http://").to_owned();
    let mut slow = Vec::new();
    for _ in 0..300 {
        let authority = authority.clone();
        slow.push(tokio::spawn(async move {
            let mut s = TcpStream::connect(&authority).await.unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
            // A header byte every second, for up to 20 s: the server must hang up first.
            for _ in 0..20 {
                tokio::time::sleep(Duration::from_secs(1)).await;
                if s.write_all(b"X").await.is_err() {
                    return true;
                }
                let mut buf = [0u8; 256];
                match tokio::time::timeout(Duration::from_millis(10), s.read(&mut buf)).await {
                    Ok(Ok(0)) | Ok(Err(_)) => return true,
                    Ok(Ok(_)) => return true, // an error answer (408) and a close
                    Err(_) => {}              // still waiting for us
                }
            }
            false
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Others are served meanwhile (from another address: one address holds
    // at most 256 connections, see `connections.rs`).
    let other = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap();
    for _ in 0..5 {
        let r = other.get(app.url("/")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mut cut = 0;
    for s in slow {
        if s.await.unwrap() {
            cut += 1;
        }
    }
    assert_eq!(
        cut, 300,
        "every dribbling connection was closed by the server"
    );
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}
