//! The blog's language: a blog switched to any supported
//! language shows no English on its public pages, runs right to left in
//! Arabic, Persian and Hebrew, writes dates its readers' way, and its feeds
//! say which language they are in; an unknown tag is refused naming the
//! supported ones; a Blogger export's `BLOG_LOCALE` comes along. With mail
//! on (a real SMTP sink), the Follow by Email widget, the comment form's
//! "Notify me of replies" box and the pages readers' mail links open speak
//! the blog's language too.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::import::{fixture, import};
use crate::smtp::{Sink, app_mailing, link};
use crate::support::{TestApp, texts_of_class};

const LANGUAGES: [&str; 23] = [
    "ar", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru",
    "sv", "th", "tr", "uk", "vi", "zh-CN", "zh-TW",
];

/// English a reader could meet on the pages looked at, matched as whole
/// words and case by case (class names such as `comment-reply` are not
/// words a reader reads).
const ENGLISH: &[&str] = &[
    "Posted by",
    "No comments",
    "comment",
    "comments",
    "Post a Comment",
    "Reply",
    "Newer Post",
    "Older Post",
    "Newer Posts",
    "Older Posts",
    "Home",
    "Labels",
    "Search This Blog",
    "Search",
    "Blog Archive",
    "All of",
    "Subscribe To",
    "Posts",
    "Comments",
    "Powered by",
    "Skip to main content",
    "Blog navigation",
    "More posts",
    "Leave this field empty",
    "Name",
    "Anonymous",
    "Email",
    "optional",
    "never shown",
    "Website",
    "Comment",
    "Publish",
    "Please",
    "Showing posts with the label",
    "Show all posts",
    "There is no page",
    "Sorry",
    "Go to the home page",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "AM",
    "PM",
    "at",
    "Follow by Email",
    "Email address",
    "Submit",
    "Notify me of replies",
    "by email",
    "confirm",
    "Confirm",
    "Confirmed",
    "Check your inbox",
    "Subscribed",
    "Unsubscribe",
    "Unsubscribed",
    "Stop mail about replies",
    "mailed",
    "Back to",
];

/// Whether `phrase` occurs in `text` as a whole word (or words).
fn has_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The English of [`ENGLISH`] found on `page` that `code`'s own message
/// file does not use (German's "Labels" is Blogger's German too).
fn english_left(code: &str, page: &str) -> Vec<&'static str> {
    let file = std::fs::read_to_string(format!(
        "{}/../tidings-theme/locales/{code}.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    // The translations alone: not the file's comments or message ids
    // (`comment-count`), which are English for every language.
    let file: String = file
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once(" = ").map_or(l, |(_, text)| text))
        .collect::<Vec<_>>()
        .join("\n");
    // What a reader reads: the text, the attributes they hear or see
    // (aria-label, placeholder, title), not the markup's own names.
    let shown = readable(page);
    ENGLISH
        .iter()
        .copied()
        .filter(|e| has_word(&shown, e) && !has_word(&file, e))
        .collect()
}

/// The parts of an HTML page a reader meets: text and the values of
/// `aria-label`, `placeholder` and `title`, each on a line.
fn readable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push('\n');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attr in ["aria-label=\"", "placeholder=\"", " title=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                out.push_str(value.split('"').next().unwrap_or(""));
                out.push('\n');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The `<title>`s of a feed: the words a feed reader shows of it (its
/// ids and addresses are not words).
fn titles(xml: &str) -> String {
    xml.split("<title")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| rest.split("</title>").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A blog that mails through its own SMTP sink (so the Follow by Email
/// widget and the "Notify me of replies" box are shown), with a post (a
/// label, a comment) written in no language at all, so any English on its
/// pages is the blog's own. The sink lives as long as the test keeps it.
async fn app_with_post() -> (Sink, TestApp, String) {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.settings(json!({"comment_min_seconds": 0, "title": "Ⓣ ⓘ ⓓ"}))
        .await;
    let post = app
        .post(json!({
            "title": "Ⓐ ⓑ ⓒ",
            "body": "① ② ③",
            "labels": ["ⓛ"],
            "status": "published",
            "published_at": "2014-05-07T17:08:00Z",
        }))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();
    app.comment(&path, &[("name", "Ⓝ"), ("body", "④")])
        .await
        .unwrap();
    (sink, app, path)
}

#[tokio::test]
async fn every_language_leaves_no_english_on_reader_pages_and_feeds() {
    let (_sink, mut app, path) = app_with_post().await;
    for code in LANGUAGES {
        app.settings(json!({ "language": code })).await;
        let home = app.page("/").await;
        assert!(home.contains("action=\"/subscribe\""), "{code}: the widget");
        let post = app.page(&path).await;
        assert!(post.contains("name=\"notify\""), "{code}: the box");
        let mut pages = vec![
            ("home", home),
            ("post", post),
            ("label", app.page("/search/label/%E2%93%9B").await),
        ];
        let missing = app.get("/no/such/page").await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        pages.push(("error page", missing.text().await.unwrap()));
        let refused = app
            .comment(&path, &[("email", "not an address"), ("body", "⑤")])
            .await
            .unwrap_err();
        assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
        pages.push(("refused comment", refused.1));
        for feed in ["/feeds/posts/default", "/feeds/comments/default"] {
            let xml = app.page(feed).await;
            assert!(
                xml.contains(&format!("xml:lang=\"{code}\"")),
                "{code} {feed}"
            );
            pages.push((feed, titles(&xml)));
        }
        if code == "en" {
            continue;
        }
        for (name, page) in &pages {
            let left = english_left(code, page);
            assert!(
                left.is_empty(),
                "{code} {name} still says {left:?}:\n{page}"
            );
        }
    }
}

#[tokio::test]
async fn pages_say_their_language_and_direction_and_date_its_way() {
    let (_sink, mut app, path) = app_with_post().await;
    app.settings(json!({"language": "ko"})).await;
    let page = app.page(&path).await;
    assert!(page.contains(r#"<html lang="ko" dir="ltr">"#));
    assert_eq!(
        texts_of_class(&page, "date-header"),
        ["2014년 5월 7일 수요일"]
    );
    assert!(page.contains("<h2>댓글 1개:</h2>"), "{page}");

    app.settings(json!({"language": "ar-EG"})).await;
    let page = app.page(&path).await;
    assert!(page.contains(r#"<html lang="ar-EG" dir="rtl">"#));
    assert!(page.contains("مايو"), "Arabic month names: {page}");

    app.settings(json!({"language": "ru"})).await;
    for body in ["⑥", "⑦", "⑧", "⑨"] {
        app.comment(&path, &[("body", body)]).await.unwrap();
    }
    assert!(app.page(&path).await.contains("<h2>5 комментариев:</h2>"));
    assert_eq!(
        texts_of_class(&app.page("/").await, "comment-link"),
        ["5 комментариев"]
    );

    let rss = app.page("/feeds/posts/default?alt=rss").await;
    assert!(rss.contains("<language>ru</language>"), "{rss}");
    let json: serde_json::Value = app
        .get("/feeds/posts/default?alt=json")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["language"], "ru");
}

#[tokio::test]
async fn an_unknown_language_is_refused_listing_the_supported_ones() {
    let (_sink, mut app, _) = app_with_post().await;
    for bad in ["klingon", "tlh", "", "x-pig-latin"] {
        let (status, body) = app
            .api(Method::PATCH, "/blog", Some(json!({"language": bad})))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        let text = body.to_string();
        assert!(
            text.contains("language") && text.contains("zh-TW"),
            "{text}"
        );
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["language"], "en");
    let (status, blog) = app
        .api(Method::PATCH, "/blog", Some(json!({"language": "pt_br"})))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(blog["language"], "pt-BR", "tags are tidied");
}

#[tokio::test]
async fn a_korean_blogger_export_comes_out_in_korean() {
    let mut app = TestApp::start().await;
    let file = fixture("blogger-seoul-ko.xml");
    import(&app, "blogger", &file);
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_eq!(blog["language"], "ko");
    let page = app.page("/2015/11/blog-post.html").await;
    assert!(page.contains(r#"<html lang="ko""#));
    assert_eq!(
        texts_of_class(&page, "date-header"),
        ["2015년 11월 22일 일요일"]
    );
    assert!(page.contains("게시자:"), "{page}");
    assert!(page.contains("댓글 쓰기"));
    assert!(english_left("ko", &page).is_empty(), "{page}");
}

/// The first link to `path` in a mail the sink took (waiting for it).
async fn mailed_link(sink: &Sink, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let probe = format!("{path}?");
    loop {
        let found = sink.messages().into_iter().find_map(|m| {
            let text = m["text"].as_str()?.to_owned();
            text.contains(&probe).then(|| link(&text, path))
        });
        if let Some(found) = found {
            return found;
        }
        assert!(Instant::now() < deadline, "no mail links to {path}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// POSTs `body` as a form to `path` (a link page's button, or the
/// subscribe form), answering the status and the page.
async fn post_form(app: &TestApp, path: &str, body: &str) -> (StatusCode, String) {
    let r = app
        .client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

/// A link page's one button: where it posts (the token in its query).
fn action(page: &str) -> String {
    let open = "<form method=\"post\" action=\"";
    let at = page.find(open).expect("a button") + open.len();
    page[at..at + page[at..].find('"').unwrap()].replace("&amp;", "&")
}

/// Asserts that no page of `pages` in `code` has English left.
fn no_english(code: &str, pages: &[(&str, String)]) {
    for (name, page) in pages {
        let left = english_left(code, page);
        assert!(
            left.is_empty(),
            "{code} {name} still says {left:?}:\n{page}"
        );
    }
}

/// `/subscribe` and every page a reader's mail links to (subscription and
/// reply confirmations, their done pages, unsubscribing) in every language.
/// A confirmation works once, so its done page is looked at in one
/// language each; the rest are shown (or, for unsubscribing, repeated) in
/// all of them.
#[tokio::test]
async fn the_pages_readers_mail_links_open_speak_the_blogs_language() {
    let (sink, mut app, path) = app_with_post().await;
    let (status, _) = post_form(&app, "/subscribe", "email=reader%40example.org").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let follow = mailed_link(&sink, "/subscribe/confirm").await;
    let landed = app
        .comment(
            &path,
            &[("email", "ann@example.org"), ("body", "⑩"), ("notify", "1")],
        )
        .await
        .unwrap();
    let ann = landed.rsplit("#c").next().unwrap().to_owned();
    let replies = mailed_link(&sink, "/replies/confirm").await;

    for code in LANGUAGES.iter().filter(|c| **c != "en") {
        app.settings(json!({ "language": code })).await;
        let (status, refused) = post_form(&app, "/subscribe", "email=not+an+address").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        let pages = [
            ("/subscribe", app.page("/subscribe").await),
            ("asked", app.page("/subscribe?asked=1").await),
            ("refused subscription", refused),
            ("confirm following", app.page(&follow).await),
            ("confirm replies", app.page(&replies).await),
        ];
        assert!(pages[3].1.contains("reader@example.org"), "{}", pages[3].1);
        no_english(code, &pages);
    }

    app.settings(json!({"language": "ja"})).await;
    let (status, followed) = post_form(&app, &action(&app.page(&follow).await), "").await;
    assert_eq!(status, StatusCode::OK, "{followed}");
    app.settings(json!({"language": "ar"})).await;
    let (status, confirmed) = post_form(&app, &action(&app.page(&replies).await), "").await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    no_english("ja", &[("followed", followed)]);
    no_english("ar", &[("replies confirmed", confirmed)]);

    // A new post and a reply bring the links that end each.
    app.post(json!({"title": "Ⓑ", "body": "⑪", "status": "published"}))
        .await;
    app.comment(&path, &[("body", "⑫"), ("parent", &ann)])
        .await
        .unwrap();
    let unsubscribe = mailed_link(&sink, "/unsubscribe").await;
    let stop = mailed_link(&sink, "/replies/stop").await;
    for code in LANGUAGES.iter().filter(|c| **c != "en") {
        app.settings(json!({ "language": code })).await;
        let mut pages = Vec::new();
        for (name, link) in [("unsubscribe", &unsubscribe), ("stop replies", &stop)] {
            let page = app.page(link).await;
            let (status, done) = post_form(&app, &action(&page), "").await;
            assert_eq!(status, StatusCode::OK, "{code} {name}: {done}");
            pages.push((name, page));
            pages.push((name, done));
        }
        no_english(code, &pages);
    }
}
