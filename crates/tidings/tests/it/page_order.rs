//! Pages keep their order: a page's parent and place among its siblings,
//! set through the API and the page editor, shape the sidebar's list of
//! pages; a parent that would not make a tree is refused, naming the field.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::{Browser, PASSWORD};
use crate::support::{TestApp, hidden};

async fn page(app: &mut TestApp, title: &str, extra: Value) -> Value {
    let mut body = json!({"kind": "page", "title": title, "body": "x", "status": "published"});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    app.post(body).await
}

/// The sidebar's list of pages, as its HTML: `<ul>` in `<ul>` for nesting.
fn pages_gadget(home: &str) -> String {
    let start = home.find("pages-widget").expect("the sidebar lists pages");
    let end = start + home[start..].find("</section>").unwrap();
    home[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn patch(app: &mut TestApp, id: &Value, body: Value) -> (StatusCode, Value) {
    app.api(Method::PATCH, &format!("/posts/{id}"), Some(body))
        .await
}

#[tokio::test]
async fn the_sidebar_nests_pages_in_their_order() {
    let mut app = TestApp::start().await;
    let about = page(&mut app, "About", json!({"menu_order": 2})).await;
    let contact = page(&mut app, "Contact", json!({"menu_order": 1})).await;
    let team = page(&mut app, "Team", json!({"parent_id": about["id"]})).await;
    assert_eq!(team["parent_id"], about["id"]);
    assert_eq!(about["menu_order"], 2);
    let history = page(&mut app, "History", json!({"parent_id": team["id"]})).await;

    let list = pages_gadget(&app.page("/").await);
    let nested = "<li><a href=\"/p/about.html\">About</a><ul><li><a href=\"/p/team.html\">Team</a>\
                  <ul><li><a href=\"/p/history.html\">History</a></li> </ul></li> </ul></li>";
    assert!(
        list.contains(nested),
        "Team under About, History under Team: {list}"
    );
    let contact_at = list.find("Contact").unwrap();
    assert!(
        contact_at < list.find("About").unwrap(),
        "order 1 before 2: {list}"
    );

    // Moved to the top and first in line: the list follows.
    let (status, moved) = patch(
        &mut app,
        &history["id"],
        json!({"parent_id": null, "menu_order": 0}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["parent_id"], Value::Null);
    let list = pages_gadget(&app.page("/").await);
    assert!(
        list.find("History").unwrap() < list.find("Contact").unwrap(),
        "{list}"
    );
    assert!(
        !list.contains("<ul><li><a href=\"/p/history.html\""),
        "{list}"
    );
    // A save that leaves the fields out keeps them.
    let (_, kept) = patch(&mut app, &team["id"], json!({"title": "Our team"})).await;
    assert_eq!(kept["parent_id"], about["id"]);
    let _ = contact;
}

#[tokio::test]
async fn a_parent_that_makes_no_tree_is_refused() {
    let mut app = TestApp::start().await;
    let top = page(&mut app, "Top", json!({})).await;
    let child = page(&mut app, "Child", json!({"parent_id": top["id"]})).await;
    let grandchild = page(&mut app, "Grandchild", json!({"parent_id": child["id"]})).await;
    let post = app
        .post(json!({"title": "A post", "body": "x", "status": "published"}))
        .await;

    app.cli(
        &["blog", "add", "--host", "other.example", "--title", "Other"],
        None,
    );
    let other_token = app.member_token("o@example.com", "O", "admin", Some("other.example"));
    let r = app
        .client
        .post(app.url("/api/v1/posts"))
        .header("host", "other.example")
        .bearer_auth(&other_token)
        .json(&json!({"kind": "page", "title": "Theirs", "body": "x", "status": "published"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let theirs: Value = r.json().await.unwrap();

    for (id, parent, says) in [
        (&top["id"], &top["id"], "its own parent"),
        (&top["id"], &grandchild["id"], "under this page"),
        (&top["id"], &post["id"], "is a post"),
        (&top["id"], &theirs["id"], "no page with that id"),
        (&top["id"], &json!(999_999), "no page with that id"),
        (&post["id"], &top["id"], "for pages only"),
    ] {
        let (status, e) = patch(
            &mut app,
            id,
            json!({"parent_id": parent, "title": "Changed"}),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{parent}: {e}");
        let message = e["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("parent_id"), "names the field: {e}");
        assert!(message.contains(says), "{says}: {e}");
    }
    let (status, e) = patch(&mut app, &top["id"], json!({"menu_order": 5_000_000})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("menu_order"),
        "{e}"
    );
    let (status, e) = patch(&mut app, &top["id"], json!({"parent_id": "first"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{e}");

    // Nothing changed: the titles and the tree are as they were.
    let (_, now) = app
        .api(Method::GET, &format!("/posts/{}", top["id"]), None)
        .await;
    assert_eq!(now["title"], "Top");
    assert_eq!(now["parent_id"], Value::Null);
    let list = pages_gadget(&app.page("/").await);
    assert!(
        list.contains("Top</a><ul><li><a href=\"/p/child.html\">Child</a><ul>"),
        "{list}"
    );
}

#[tokio::test]
async fn the_page_editor_sets_parent_and_order() {
    let mut app = TestApp::start().await;
    let about = page(&mut app, "About", json!({})).await;
    app.member_token("editor@example.com", "Ed Editor", "admin", None);
    let mut owner = Browser::new(&app);
    owner.sign_in("editor@example.com", PASSWORD).await;

    let form = owner.get("/admin/posts/new?kind=page").await;
    assert!(
        form.body.contains("name=\"parent_id\""),
        "the page editor offers a parent"
    );
    assert!(
        form.body
            .contains(&format!("<option value=\"{}\">About</option>", about["id"]))
    );
    let csrf = hidden(&form.body, "csrf");
    let about_id = about["id"].to_string();
    let fields = |parent: &'static str, order: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("kind", "page".to_owned()),
            ("title", "Team".to_owned()),
            ("body", "We are few.".to_owned()),
            ("comments", "closed".to_owned()),
            (
                "parent_id",
                if parent == "about" {
                    about_id.clone()
                } else {
                    parent.to_owned()
                },
            ),
            ("menu_order", order.to_owned()),
            ("action", "publish".to_owned()),
        ]
    };
    let send = |f: Vec<(&'static str, String)>| f;
    let sent = send(fields("about", "3"));
    let as_ref: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = owner.post("/admin/posts/new", &as_ref).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let edit = owner.get(saved.location.as_deref().unwrap()).await;
    assert!(edit.body.contains(&format!(
        "<option value=\"{about_id}\" selected>About</option>"
    )));
    assert!(edit.body.contains("name=\"menu_order\" type=\"number\" min=\"-1000000\" max=\"1000000\" step=\"1\" value=\"3\""));
    let list = pages_gadget(&app.page("/").await);
    assert!(
        list.contains("About</a><ul><li><a href=\"/p/team.html\">Team</a>"),
        "{list}"
    );

    // A page number that is no page: the editor again, the text kept.
    let sent = send(fields("424242", "0"));
    let as_ref: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = owner.post("/admin/posts/new", &as_ref).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("parent_id 424242: this blog has no page"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("We are few."));
}
