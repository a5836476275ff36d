//! Feed paging with `max-results` and `start-index`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{feedcheck, titles};
use crate::support::TestApp;

#[tokio::test]
async fn feeds_page_with_max_results_and_start_index() {
    let mut app = TestApp::start().await;
    for day in 1..=5 {
        app.post(json!({"title": format!("Day {day}"), "body": "x", "status": "published", "published_at": format!("2020-03-0{day}T12:00:00Z")}))
            .await;
    }
    let page1 = feedcheck(&app, "/feeds/posts/default?max-results=2");
    assert_eq!(titles(&page1), ["Day 5", "Day 4"]);
    let next = page1["feed"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "next")
        .unwrap_or_else(|| panic!("a next link: {}", page1["feed"]))["href"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        next.contains("start-index=3") && next.contains("max-results=2"),
        "{next}"
    );
    let next_path = next
        .strip_prefix(&app.base)
        .unwrap_or_else(|| panic!("{next} is on this server"));
    let page2 = feedcheck(&app, next_path);
    assert_eq!(titles(&page2), ["Day 3", "Day 2"]);
    let page3 = feedcheck(&app, "/feeds/posts/default?max-results=2&start-index=5");
    assert_eq!(titles(&page3), ["Day 1"]);
    assert!(
        !page3["feed"]["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["rel"] == "next"),
        "the last page has no next link"
    );
    let rss = feedcheck(
        &app,
        "/feeds/posts/default?alt=rss&max-results=1&start-index=2",
    );
    assert_eq!(titles(&rss), ["Day 4"]);
    let beyond = feedcheck(&app, "/feeds/posts/default?start-index=50");
    assert!(titles(&beyond).is_empty());
    let json: Value = app
        .get("/feeds/posts/default?alt=json&max-results=3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 3);
    assert!(
        json["next_url"]
            .as_str()
            .is_some_and(|u| u.contains("start-index=4")),
        "{}",
        json["next_url"]
    );
    let all = feedcheck(&app, "/feeds/posts/default?max-results=500");
    assert_eq!(titles(&all).len(), 5);

    for bad in [
        "max-results=0",
        "max-results=-1",
        "max-results=abc",
        "max-results=501",
        "max-results=1e3",
        "start-index=0",
        "start-index=-5",
        "start-index=x",
        "alt=bogus",
        "alt=ATOM",
    ] {
        for feed in [
            "/feeds/posts/default",
            "/feeds/posts/summary",
            "/feeds/comments/default",
            "/feeds/posts/default/-/Rust",
        ] {
            let r = app.get(&format!("{feed}?{bad}")).await;
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{feed}?{bad}");
            let text = r.text().await.unwrap();
            let name = bad.split('=').next().unwrap();
            assert!(
                text.contains(name),
                "{feed}?{bad}: the message names {name}: {text}"
            );
        }
    }
    for feed in ["/feeds/posts/default", "/feeds/posts/summary"] {
        let r = app.get(&format!("{feed}?updated-max=yesterday")).await;
        assert_eq!(
            r.status(),
            StatusCode::BAD_REQUEST,
            "{feed}?updated-max=yesterday"
        );
        assert!(r.text().await.unwrap().contains("updated-max"));
    }
    let paged = feedcheck(
        &app,
        "/feeds/posts/default?updated-max=2020-03-03T12:00:00Z",
    );
    assert_eq!(
        titles(&paged),
        ["Day 2", "Day 1"],
        "updated-max pages back in time"
    );
}
