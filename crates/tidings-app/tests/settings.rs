//! The settings use case against a real SQLite store: only an admin changes
//! a blog's settings, a bad value is refused with its field named and
//! nothing stored, and a good change is stored as given.

use tidings_app::settings::{self, Change};
use tidings_app::{Actor, Error};
use tidings_core::{Moderation, Role};
use tidings_store::Store;

#[tokio::test]
async fn only_an_admin_changes_settings_and_bad_values_name_their_field() {
    let dir = std::env::temp_dir().join(format!("tidings-settings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
    let blog = store.create_blog("example.org", "Before").await.unwrap();
    let admin = store
        .create_user(blog.id, "a@example.org", "A", "-", Role::Admin)
        .await
        .unwrap();
    let title = |t: &str| Change {
        title: Some(t.into()),
        ..Change::default()
    };
    let stored_title = || async { store.blog_by_id(blog.id).await.unwrap().title };

    for role in [Role::Contributor, Role::Author] {
        let r = settings::change(&store, Actor::Member(&admin, role), &blog, title("Theirs")).await;
        assert!(matches!(r, Err(Error::Forbidden(_))), "{role:?}: {r:?}");
    }
    let by = Actor::Member(&admin, Role::Admin);
    let bad = [
        ("title", title("   ")),
        (
            "timezone",
            Change {
                timezone: Some("Mars/Olympus_Mons".into()),
                ..Change::default()
            },
        ),
        (
            "posts_per_page",
            Change {
                posts_per_page: Some(0),
                ..Change::default()
            },
        ),
    ];
    for (field, change) in bad {
        // Alongside a good title, which is not stored either.
        let title = change.title.clone().or(Some("Not this".into()));
        let r = settings::change(&store, by, &blog, Change { title, ..change }).await;
        match r {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(stored_title().await, "Before", "nothing stored");

    let good = Change {
        title: Some("  After ".into()),
        timezone: Some("Europe/Berlin".into()),
        comment_moderation: Some(Moderation::Always),
        ..Change::default()
    };
    let after = settings::change(&store, by, &blog, good).await.unwrap();
    assert_eq!(after.title, "After");
    assert_eq!(after.timezone.name(), "Europe/Berlin");
    assert_eq!(after.comment_moderation, Moderation::Always);
    assert_eq!(after.posts_per_page, blog.posts_per_page, "absent stays");
    assert_eq!(stored_title().await, "After");
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
