//! The settings use case against a real SQLite store: only an admin changes
//! a blog's settings, a bad value is refused with its field named and
//! nothing stored, and a good change is stored as given.

use tidings_app::settings::{self, Change};
use tidings_app::{Actor, Error};
use tidings_core::{HeaderImage, HeaderPlacement, Moderation, Role};
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

#[tokio::test]
async fn a_header_picture_keeps_its_size_until_its_address_changes() {
    let dir = std::env::temp_dir().join(format!("tidings-header-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
    let mut blog = store.create_blog("example.org", "Lanterns").await.unwrap();
    let admin = store
        .create_user(blog.id, "a@example.org", "A", "-", Role::Admin)
        .await
        .unwrap();
    let by = Actor::Member(&admin, Role::Admin);
    // As a Blogger import leaves it: another site's picture, its size known.
    blog.header_image = HeaderImage {
        address: "https://img.example/band.jpg".into(),
        placement: HeaderPlacement::Behind,
        width: 1100,
        height: 200,
        srcset: String::new(),
    };
    store.update_blog(&blog).await.unwrap();

    // The settings form sends the same address back with a new placement.
    let same = Change {
        header_image: Some(" https://img.example/band.jpg ".into()),
        header_image_placement: Some(HeaderPlacement::Instead),
        ..Change::default()
    };
    let after = settings::change(&store, by, &blog, same).await.unwrap();
    assert_eq!(after.header_image.size(), Some((1100, 200)));
    assert_eq!(after.header_image.placement, HeaderPlacement::Instead);

    // A refused address names its field and stores nothing.
    let bad = Change {
        header_image: Some("javascript:alert(1)".into()),
        ..Change::default()
    };
    match settings::change(&store, by, &after, bad).await {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "header_image"),
        other => panic!("{other:?}"),
    }
    let stored = store.blog_by_id(blog.id).await.unwrap();
    assert_eq!(stored.header_image, after.header_image, "nothing stored");

    // Another address: a picture of unknown size (no upload of that path).
    let other = Change {
        header_image: Some("/media/u/0123456789abcdef.jpg".into()),
        ..Change::default()
    };
    let after = settings::change(&store, by, &stored, other).await.unwrap();
    assert_eq!(after.header_image.address, "/media/u/0123456789abcdef.jpg");
    assert_eq!(after.header_image.size(), None);
    assert_eq!(
        after.header_image.placement,
        HeaderPlacement::Instead,
        "kept"
    );
    assert_eq!(
        store.blog_by_id(blog.id).await.unwrap().header_image,
        after.header_image
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
