//! Crash safety: a comment whose POST got its 303 survives `kill -9` of the
//! server at any moment, and nothing half-written appears.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::{Method, StatusCode};
use serde_json::json;
use tokio::sync::Mutex;

use crate::support::{TestApp, hidden};

#[tokio::test]
async fn acknowledged_comments_survive_sigkill() {
    let mut app = TestApp::start_with(&["--trusted-proxies", "127.0.0.1"]).await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let mut posts = Vec::new();
    for n in 0..4 {
        let p = app
            .post(json!({"title": format!("Crash {n}"), "body": "x", "status": "published"}))
            .await;
        let path = p["url"].as_str().unwrap().to_owned();
        let token = hidden(&app.page(&path).await, "token");
        posts.push((path, token));
    }
    let posts = Arc::new(posts);
    let acked: Arc<Mutex<Vec<(String, String)>>> = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));

    // Eight clients post as fast as they can, each comment from its own address.
    let mut clients = Vec::new();
    for c in 0..8u32 {
        let (client, base, posts, acked, stop) = (
            app.client.clone(),
            app.base.clone(),
            posts.clone(),
            acked.clone(),
            stop.clone(),
        );
        clients.push(tokio::spawn(async move {
            let mut n = 0u32;
            while !stop.load(Ordering::Relaxed) && n < 200 {
                let (path, token) = &posts[(n % 4) as usize];
                let body = format!("client {c} comment {n} intact");
                let sent = client
                    .post(format!("{base}{path}"))
                    .header("x-forwarded-for", format!("10.9.{c}.{n}"))
                    .form(&[("token", token.as_str()), ("body", body.as_str())])
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status() == StatusCode::SEE_OTHER => {
                        let to = r.headers()["location"].to_str().unwrap().to_owned();
                        let id = to.rsplit("#c").next().unwrap().to_owned();
                        acked.lock().await.push((id, body));
                    }
                    _ => break, // the server died under us
                }
                n += 1;
            }
        }));
    }
    // Kill the server mid-stream, once a few hundred are acknowledged.
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        if acked.lock().await.len() >= 300 {
            break;
        }
    }
    app.kill();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        let _ = c.await;
    }
    let acked = acked.lock().await.clone();
    assert!(acked.len() >= 300);

    app.restart();
    let mut stored = std::collections::HashMap::new();
    let mut offset = 0;
    loop {
        let (status, page) = app
            .api(
                Method::GET,
                &format!("/comments?limit=500&offset={offset}"),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let items = page["items"].as_array().unwrap();
        for c in items {
            stored.insert(c["id"].to_string(), c["body"].as_str().unwrap().to_owned());
        }
        offset += 500;
        if items.len() < 500 {
            break;
        }
    }
    for (id, body) in &acked {
        assert_eq!(
            stored.get(id),
            Some(body),
            "acknowledged comment {id} survived whole"
        );
    }
    for body in stored.values() {
        assert!(
            body.starts_with("client ") && body.ends_with(" intact"),
            "no half-written comment: {body:?}"
        );
    }
}
