//! Search snippets mark only the reader's words (issue 13, from finding
//! 15): what an author wrote is escaped, whether it is a literal `<mark>` or
//! a reference to the control characters the store marks matches with.

use serde_json::json;

use crate::support::TestApp;

/// The snippets of a search results page, as HTML.
fn snippets(html: &str) -> Vec<&str> {
    html.split("<p class=\"search-snippet\">")
        .skip(1)
        .map(|s| s.split("</p>").next().unwrap())
        .collect()
}

#[tokio::test]
async fn an_authors_mark_never_becomes_markup_in_a_snippet() {
    let mut app = TestApp::start().await;
    for (title, body) in [
        (
            "Literal",
            json!({"body": "Write `<mark>` and </mark> in a rustacean post."}),
        ),
        (
            "Escaped HTML",
            json!({"body_html": "<p>&lt;mark&gt;not ours&lt;/mark&gt; rustacean</p>"}),
        ),
        // U+0002 and U+0003 are the store's match markers.
        (
            "Markers",
            json!({"body_html": "<p>before &#2;rustacean&#3; after &#2;open</p>"}),
        ),
    ] {
        let mut post = json!({"title": title, "status": "published",
            "published_at": "2020-01-05T10:00:00Z"});
        post.as_object_mut()
            .unwrap()
            .extend(body.as_object().unwrap().clone());
        app.post(post).await;
    }
    let page = app.page("/search?q=rustacean").await;
    let found = snippets(&page);
    assert_eq!(found.len(), 3, "{page}");
    for s in found {
        // Each mark holds the searched word, and only ours are elements.
        assert_eq!(s.matches("<mark>").count(), 1, "{s}");
        assert_eq!(s.matches("</mark>").count(), 1, "{s}");
        assert!(s.to_lowercase().contains("<mark>rustacean</mark>"), "{s}");
        assert!(!s.contains(['\u{2}', '\u{3}']), "{s:?}");
        // Whatever else the author wrote is text (SQLite shows their
        // `<mark>` escaped; PostgreSQL's headline leaves tags out).
        let rest = s.replace("<mark>", "").replace("</mark>", "");
        assert!(!rest.contains(['<', '>']), "{s}");
    }
}
