//! Posts saved at the same moment under one title each get an address: the
//! editor, like the API, looks for the next free `-N` when another save takes
//! the one it chose (both call `tidings_app::posts::save`).

use reqwest::{Method, StatusCode};

use super::set_up;
use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_saved_at_once_under_one_title_each_get_an_address() {
    let mut app = TestApp::start().await;
    let mut owner = set_up(&app).await;
    let csrf = owner.csrf("/admin/posts/new").await;
    let cookie = format!("tidings_session={}", owner.cookie().unwrap());
    drop(owner);
    let sent: Vec<_> = (0..12)
        .map(|_| {
            let client = app.client.clone();
            let url = app.url("/admin/posts/new");
            let (cookie, csrf) = (cookie.clone(), csrf.clone());
            tokio::spawn(async move {
                // More saves at once than the render line holds on a small
                // machine: a busy answer is the editor again, with the text
                // and when to retry, and the author sends it again.
                loop {
                    let r = client
                        .post(&url)
                        .header("cookie", &cookie)
                        .form(&[
                            ("csrf", csrf.as_str()),
                            ("kind", "post"),
                            ("title", "Same title"),
                            ("body", "x"),
                            ("action", "publish"),
                        ])
                        .send()
                        .await
                        .unwrap();
                    if r.status() != StatusCode::SERVICE_UNAVAILABLE {
                        return r;
                    }
                    assert!(r.headers().contains_key("retry-after"));
                    let page = r.text().await.unwrap();
                    assert!(page.contains("value=\"Same title\""), "{page}");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            })
        })
        .collect();
    for s in sent {
        let r = s.await.unwrap();
        let status = r.status();
        assert_eq!(status, StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());
    }
    let (_, posts) = app.api(Method::GET, "/posts", None).await;
    let mut urls: Vec<&str> = posts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), 12, "{urls:?}");
    assert!(
        urls.iter().any(|u| u.ends_with("/same-title.html")),
        "{urls:?}"
    );
    assert!(
        urls.iter().any(|u| u.ends_with("/same-title-12.html")),
        "{urls:?}"
    );
}
