//! WordPress's Theme Unit Test, the rest of the site around its posts:
//! featured images, excerpts as descriptions, nav menus as link list
//! gadgets, and categories and tags as labels (one per spelling ignoring
//! case, a child category's posts under its parents too).

use reqwest::Method;
use serde_json::Value;

use super::theme_unit_test::by_title;
use crate::import::{import, theme_unit_test};
use crate::support::TestApp;

fn post<'a>(posts: &'a [Value], title: &str) -> &'a Value {
    posts
        .iter()
        .find(|p| p["title"] == title)
        .unwrap_or_else(|| panic!("no post {title:?}"))
}

async fn layout(app: &mut TestApp) -> Vec<Value> {
    let (_, json) = app.api(Method::GET, "/layout", None).await;
    json["items"].as_array().unwrap().clone()
}

/// The links of the link list gadget titled `title`, as (text, url).
fn menu(layout: &[Value], title: &str) -> Vec<(String, String)> {
    let gadget = layout
        .iter()
        .find(|g| g["type"] == "link_list" && g["title"] == title)
        .unwrap_or_else(|| panic!("no menu {title:?} in {layout:?}"));
    gadget["settings"]["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["text"].as_str().unwrap().to_owned(),
                l["url"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn featured_images_show_on_their_posts_and_are_their_share_images() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &theme_unit_test());
    let all = by_title(&mut app).await;
    let picture =
        "https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg";
    let horizontal = post(&all, "Template: Featured Image (Horizontal)");
    assert_eq!(horizontal["featured_image"], picture);
    let with_one = all.iter().filter(|p| p["featured_image"] != "").count();
    assert_eq!(with_one, 6, "every _thumbnail_id of the file");
    assert_eq!(post(&all, "Template: More Tag")["featured_image"], "");

    let page = app.page(horizontal["url"].as_str().unwrap()).await;
    assert!(
        page.contains(&format!(
            r#"<figure class="featured-image"><img src="{picture}" alt=""></figure>"#
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            r#"<meta property="og:image" content="{picture}">"#
        )),
        "{page}"
    );
    // The picture in the body stays the share image of a post without one.
    let vertical = post(&all, "Template: Featured Image (Vertical)");
    let page = app.page(vertical["url"].as_str().unwrap()).await;
    assert!(page.contains("featured-image-vertical.jpg\" alt=\"\"></figure>"));
    // List pages show the post as before, its picture left to the post.
    let home = app.page("/search/label/Template").await;
    assert!(!home.contains("class=\"featured-image\""), "{home}");
}

#[tokio::test]
async fn a_featured_image_is_set_and_taken_away_through_the_api() {
    let mut app = TestApp::start().await;
    let body = serde_json::json!({
        "title": "Sunset", "body": "Words.", "status": "published",
        "featured_image": "https://pictures.example/sunset.jpg",
    });
    let (status, created) = app.api(Method::POST, "/posts", Some(body)).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(
        created["featured_image"],
        "https://pictures.example/sunset.jpg"
    );
    let path = created["url"].as_str().unwrap().to_owned();
    let page = app.page(&path).await;
    assert!(page.contains(r#"<img src="https://pictures.example/sunset.jpg" alt="">"#));

    let id = created["id"].as_i64().unwrap();
    let bad = serde_json::json!({"featured_image": "javascript:alert(1)"});
    let (status, err) = app
        .api(Method::PATCH, &format!("/posts/{id}"), Some(bad))
        .await;
    assert_eq!(status, 422, "{err}");
    assert!(err.to_string().contains("featured_image"), "{err}");

    let none = serde_json::json!({"featured_image": ""});
    let (status, changed) = app
        .api(Method::PATCH, &format!("/posts/{id}"), Some(none))
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["featured_image"], "");
    assert!(!app.page(&path).await.contains("featured-image"));
}

#[tokio::test]
async fn excerpts_become_descriptions() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &theme_unit_test());
    let all = by_title(&mut app).await;
    let defined = post(&all, "Template: Excerpt (Defined)");
    let excerpt = "This is a user-defined post excerpt. It should be displayed in place of \
                   the post content in archive-index pages. It can be longer than the \
                   automatically generated excerpts, and can have HTML tags.";
    assert_eq!(defined["description"], excerpt);
    let page = app.page(defined["url"].as_str().unwrap()).await;
    assert!(
        page.contains(&format!(r#"<meta name="description" content="{excerpt}">"#)),
        "{page}"
    );
    assert_eq!(
        post(&all, "Template: Excerpt (Generated)")["description"],
        ""
    );
}

#[tokio::test]
async fn nav_menus_become_link_lists_in_the_sidebar() {
    let mut app = TestApp::start().await;
    let out = app.cli(
        &["import", "wordpress", theme_unit_test().to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("nav_menu_item"), "{said}");
    let all = by_title(&mut app).await;
    let items = layout(&mut app).await;

    // After the sidebar the blog had, the menus in the file's order.
    let kinds: Vec<&str> = items.iter().map(|g| g["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds[..6],
        [
            "search",
            "pages",
            "labels",
            "archive",
            "follow_by_email",
            "subscribe"
        ]
    );
    let titles: Vec<&str> = items[6..]
        .iter()
        .map(|g| g["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Testing Menu",
            "Social menu",
            "Short",
            "All Pages Flat",
            "All Pages"
        ]
    );

    // Custom links as they were; pages and categories at their addresses here.
    assert_eq!(
        menu(&items, "Social menu")[0],
        ("twitter.com".into(), "https://twitter.com/wordpress".into())
    );
    let about = post(&all, "About The Tests");
    let short = menu(&items, "Short");
    assert_eq!(short.len(), 6, "{short:?}");
    assert!(
        short.contains(&(
            "About The Tests".into(),
            about["url"].as_str().unwrap().into()
        )),
        "{short:?}"
    );
    let testing = menu(&items, "Testing Menu");
    assert!(testing.contains(&("Markup".into(), "/search/label/Markup".into())));
    assert!(testing.contains(&(
        "New Window / Tab".into(),
        "https://wordpressfoundation.org/".into()
    )));
    assert!(
        !testing.iter().any(|(text, _)| text == "Depth"),
        "a # heading leads nowhere"
    );
    let home = app.page("/").await;
    assert!(home.contains("<h2>Social menu</h2>"), "{home}");
    assert!(home.contains(r#"<a href="https://github.com/WordPress/">github.com</a>"#));

    // The same file again: the same sidebar.
    import(&app, "wordpress", &theme_unit_test());
    assert_eq!(layout(&mut app).await, items);
}

#[tokio::test]
async fn labels_differing_in_case_are_one_and_children_keep_their_parents() {
    let mut app = TestApp::start().await;
    import(&app, "wordpress", &theme_unit_test());
    let all = by_title(&mut app).await;
    let mut spellings: std::collections::HashMap<String, String> = Default::default();
    for p in &all {
        for label in p["labels"].as_array().unwrap() {
            let label = label.as_str().unwrap();
            let first = spellings
                .entry(label.to_lowercase())
                .or_insert_with(|| label.to_owned());
            assert_eq!(first, label, "one spelling per label");
        }
    }
    assert!(spellings.contains_key("gallery") && spellings.contains_key("edge case"));

    let many = post(&all, "Edge Case: Many Categories");
    let labels: Vec<&str> = many["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    for l in [
        "Grandchild Category",
        "Child Category 03",
        "Parent Category",
        "Child 2",
        "Parent",
    ] {
        assert!(labels.contains(&l), "{l} in {labels:?}");
    }
    let parent = app.page("/search/label/Parent%20Category").await;
    assert!(parent.contains("Edge Case: Many Categories"), "{parent}");
}
