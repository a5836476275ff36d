//! Moving out (SPEC section 2): what `tidings export` writes, another
//! Tidings imports into the same blog.

use std::path::Path;

use reqwest::Method;
use serde_json::Value;

use crate::import::import;
use crate::support::TestApp;

/// What a reader and the API see of a blog: every post and comment, by id.
async fn contents(app: &mut TestApp) -> (Vec<Value>, Vec<Value>, Value) {
    let fields = |v: &Value, keys: &[&str]| -> Value {
        keys.iter()
            .map(|k| ((*k).to_owned(), v[*k].clone()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let (_, posts) = app.api(Method::GET, "/posts?limit=500", None).await;
    let mut posts: Vec<Value> = posts["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            fields(
                p,
                &[
                    "id",
                    "kind",
                    "title",
                    "url",
                    "status",
                    "labels",
                    "published_at",
                    "body_html",
                ],
            )
        })
        .collect();
    posts.sort_by_key(|p| p["id"].as_i64());
    let (_, comments) = app
        .api(Method::GET, "/comments?limit=500&status=published", None)
        .await;
    let mut comments: Vec<Value> = comments["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            fields(
                c,
                &[
                    "id",
                    "post_id",
                    "parent",
                    "author",
                    "body",
                    "status",
                    "published_at",
                ],
            )
        })
        .collect();
    comments.sort_by_key(|c| c["id"].as_i64());
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    (posts, comments, blog)
}

fn export(app: &TestApp, format: &str, file: &Path) {
    let out = app.cli(
        &["export", "--format", format, file.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "export {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn round_trip(source: &str, file: &Path) {
    let mut first = TestApp::start().await;
    import(&first, source, file);
    // On PostgreSQL nothing else creates the data directory.
    std::fs::create_dir_all(&first.data).unwrap();
    let out = first.data.join("export-blogger.xml");
    export(&first, "blogger", &out);
    let mut second = TestApp::start().await;
    let summary = import(&second, "blogger", &out);
    assert!(summary.starts_with("imported: "), "{summary}");
    let (posts_a, comments_a, blog_a) = contents(&mut first).await;
    let (posts_b, comments_b, blog_b) = contents(&mut second).await;
    assert!(!posts_a.is_empty() && !comments_a.is_empty());
    // Drafts have no public address, so their path is made anew.
    let published = |ps: &[Value]| -> Vec<Value> {
        ps.iter()
            .filter(|p| p["status"] != "draft")
            .cloned()
            .collect()
    };
    assert_eq!(published(&posts_a), published(&posts_b));
    assert_eq!(posts_a.len(), posts_b.len());
    assert_eq!(comments_a, comments_b);
    for key in [
        "title",
        "description",
        "timezone",
        "posts_per_page",
        "comment_moderation",
    ] {
        assert_eq!(blog_a[key], blog_b[key], "{key}");
    }
}

#[tokio::test]
async fn blogger_export_of_a_blogger_import_round_trips() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    round_trip("blogger", &file).await;
}

#[tokio::test]
async fn blogger_export_of_a_wordpress_import_round_trips() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/testdata/wordpress-theme-unit-test.xml");
    round_trip("wordpress", &file).await;
}

#[tokio::test]
async fn backup_copies_a_running_sqlite_blog() {
    let app = TestApp::start().await;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tidings-import/tests/fixtures/blogger-orchard.xml");
    import(&app, "blogger", &file);
    let backup = app.data.join("backup.db");
    let out = app.cli(&["backup", backup.to_str().unwrap()], None);
    if !app.database_args().is_empty() {
        // PostgreSQL: a clear refusal pointing at pg_dump, nothing written.
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
        assert!(!backup.exists());
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Restoring is opening the copy as a data directory's database.
    let restored = app.data.join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&backup, restored.join("tidings.db")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("--data")
        .arg(&restored)
        .args(["export", "--format", "blogger"])
        .arg(restored.join("again.xml"))
        .env_remove("TIDINGS_DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default(),
        format!(
            "exported: 4 posts, 2 pages, 6 comments to {}",
            restored.join("again.xml").display()
        )
    );
    // A second backup to the same file is refused, the first left intact.
    let again = app.cli(&["backup", backup.to_str().unwrap()], None);
    assert!(!again.status.success());
}
