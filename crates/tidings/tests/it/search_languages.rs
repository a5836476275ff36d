//! Search in the blog's language (issue 16): a word inside a Korean,
//! Japanese, Chinese, Thai or Arabic sentence is found, and only where it
//! is; "lighthouse" finds a post about lighthouses; a protected post never
//! takes a place among the twenty hits a page shows. Run on SQLite and,
//! with `TIDINGS_TEST_DATABASE_URL`, on PostgreSQL.

use reqwest::StatusCode;
use serde_json::json;

use crate::support::{TestApp, texts_of_class};

/// The titles a search for `q` shows, newest first.
async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let response = app.get(&format!("/search?q={}", urlencode(q))).await;
    assert_eq!(response.status(), StatusCode::OK, "search {q}");
    texts_of_class(&response.text().await.unwrap(), "post-title")
}

fn urlencode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Publishes posts titled and written as `posts` say, a day apart, in order.
async fn publish(app: &mut TestApp, posts: &[(&str, &str)]) {
    for (i, (title, body)) in posts.iter().enumerate() {
        app.post(json!({
            "title": title,
            "body": body,
            "status": "published",
            "published_at": format!("2020-01-{:02}T10:00:00Z", i + 1),
        }))
        .await;
    }
}

#[tokio::test]
async fn words_inside_sentences_are_found_in_every_script() {
    let mut app = TestApp::start().await;
    publish(
        &mut app,
        &[
            ("Korean", "어젯밤 우리는 바닷가의 등대를 보았습니다."),
            ("Japanese", "昨日の夜、私たちは海辺の灯台を見ました。"),
            ("Chinese", "昨天晚上我们在海边看见了灯塔。"),
            ("Thai", "เมื่อคืนเราเห็นประภาคารที่ชายหาด"),
            ("Arabic", "رأينا المنارة على الشاطئ الليلة الماضية."),
            ("English", "Nothing but fields and a windmill."),
        ],
    )
    .await;
    for (word, title) in [
        ("등대", "Korean"),
        ("바닷가", "Korean"),
        ("灯台", "Japanese"),
        ("海辺の灯台", "Japanese"),
        ("灯塔", "Chinese"),
        ("看见", "Chinese"),
        ("ประภาคาร", "Thai"),
        ("المنارة", "Arabic"),
        ("الشاطئ", "Arabic"),
    ] {
        assert_eq!(found(&app, word).await, [title], "{word}");
    }
    // Characters that stand next to each other nowhere find nothing, and a
    // single character finds the posts that have it.
    assert!(found(&app, "灯海").await.is_empty());
    assert_eq!(found(&app, "塔").await, ["Chinese"]);
    let both = found(&app, "灯").await;
    assert_eq!(both, ["Chinese", "Japanese"]);
    // The snippet marks the word where it stands in the sentence.
    let page = app.page("/search?q=%E7%81%AF%E5%A1%94").await;
    assert!(page.contains("<mark>灯塔</mark>"), "{page}");
}

#[tokio::test]
async fn words_are_stemmed_in_the_blogs_language() {
    let mut app = TestApp::start().await;
    publish(
        &mut app,
        &[
            ("Keepers", "The lighthouses of Brittany and their keepers."),
            ("Fields", "Nothing but fields and a windmill."),
        ],
    )
    .await;
    assert_eq!(found(&app, "lighthouse").await, ["Keepers"]);
    assert_eq!(found(&app, "keeper lighthouse").await, ["Keepers"]);
    let page = app.page("/search?q=lighthouse").await;
    assert!(page.contains("<mark>lighthouses</mark>"), "{page}");

    // A French blog, on PostgreSQL stemmed in French; either way a word
    // found before the change is found after it.
    app.settings(json!({"language": "fr"})).await;
    publish(
        &mut app,
        &[("Phares", "Les phares de Bretagne et leurs gardiens.")],
    )
    .await;
    assert_eq!(found(&app, "phare").await, ["Phares"]);
    assert_eq!(found(&app, "lighthouses").await, ["Keepers"]);
}

#[tokio::test]
async fn protected_posts_never_take_a_hits_place() {
    let mut app = TestApp::start().await;
    let posts: Vec<(String, String)> = (1..=24)
        .map(|i| (format!("Orchard {i:02}"), "An orchard in bloom.".to_owned()))
        .collect();
    let posts: Vec<(&str, &str)> = posts
        .iter()
        .map(|(t, b)| (t.as_str(), b.as_str()))
        .collect();
    publish(&mut app, &posts).await;
    // The ten newest are protected (as a password set through the API
    // stores them; its hashing is not what this is about).
    app.sql(
        "UPDATE posts SET password_hash = 'not-a-hash' \
         WHERE title >= 'Orchard 15' AND title LIKE 'Orchard %'",
    )
    .await;
    let titles = found(&app, "orchard").await;
    let expected: Vec<String> = (1..=14).rev().map(|i| format!("Orchard {i:02}")).collect();
    assert_eq!(titles, expected);
}
