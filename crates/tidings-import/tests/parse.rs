//! The parsers on whole files: our Blogger fixture and WordPress's own
//! Theme Unit Test export.

use tidings_core::{CommentStatus, PostKind};
use tidings_import::wordpress::{WxrCommentType, WxrStatus};
use tidings_import::{blogger, export, wordpress};

const ORCHARD: &[u8] = include_bytes!("fixtures/blogger-orchard.xml");
const LANTERNS: &[u8] = include_bytes!("fixtures/blogger-takeout-lanterns.atom");
const CWP: &[u8] = include_bytes!("fixtures/blogger-cwp-project.xml");

fn theme_unit_test() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/testdata/wordpress-theme-unit-test.xml"
    );
    std::fs::read(path).expect("the shared WordPress test data")
}

#[test]
fn blogger_export_is_read_whole() {
    let e = blogger::parse(ORCHARD).unwrap();
    assert!(e.template.as_deref().unwrap().contains("b:skin"));
    assert_eq!(e.settings.len(), 7);
    let posts: Vec<_> = e
        .posts
        .iter()
        .filter(|p| p.kind == PostKind::Post)
        .collect();
    let pages: Vec<_> = e
        .posts
        .iter()
        .filter(|p| p.kind == PostKind::Page)
        .collect();
    assert_eq!((posts.len(), pages.len(), e.comments.len()), (4, 2, 6));
    let draft = posts.iter().find(|p| p.draft).unwrap();
    assert_eq!(draft.id, "1000000000000000005");
    assert_eq!(draft.url, None);
    let creme = posts
        .iter()
        .find(|p| p.id == "1000000000000000002")
        .unwrap();
    assert_eq!(creme.title, "Crème brûlée at midnight");
    assert_eq!(creme.labels, ["Küche & Keller", "late night"]);
    let reply = e
        .comments
        .iter()
        .find(|c| c.id == "5550000000000000012")
        .unwrap();
    assert_eq!(reply.parent.as_deref(), Some("5550000000000000011"));
    assert_eq!(reply.post, "1000000000000000001");
    let on_page = e
        .comments
        .iter()
        .find(|c| c.id == "5550000000000000015")
        .unwrap();
    assert_eq!(on_page.post, "2000000000000000001");
}

#[test]
fn blogger_takeout_is_told_apart_and_read_whole() {
    assert_eq!(
        blogger::parse(ORCHARD).unwrap().format,
        blogger::BloggerFormat::BackUp
    );
    let e = blogger::parse(LANTERNS).unwrap();
    assert_eq!(e.format, blogger::BloggerFormat::Takeout);
    assert_eq!(e.template, None);
    assert_eq!(
        e.settings,
        [(
            "BLOG_NAME".to_owned(),
            "Lanterns & Ledgers — Café notes".to_owned()
        )]
    );
    let kinds = |k| e.posts.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        (
            kinds(PostKind::Post),
            kinds(PostKind::Page),
            e.comments.len()
        ),
        (7, 3, 9)
    );
    let post = |id: &str| e.posts.iter().find(|p| p.id == id).unwrap();
    let live = post("3000000000000000002");
    assert_eq!(live.title, "Noël sous la neige : crème & marrons");
    assert_eq!(live.labels, ["Fêtes d'hiver", "食べ物", "late night"]);
    assert_eq!(
        live.url.as_deref(),
        Some("/2015/12/noel-sous-la-neige.html")
    );
    assert!(!live.draft && !live.trashed);
    // Its search description, as Takeout writes it.
    assert_eq!(live.description, "Chestnuts in the snow");
    assert_eq!(post("3000000000000000001").description, "");
    assert!(post("3000000000000000004").draft);
    assert_eq!(post("3000000000000000004").url, None);
    // No <published>: the creation time stands in.
    assert_eq!(
        post("3000000000000000007").published.to_rfc3339(),
        "2021-05-05T05:05:00+00:00"
    );
    let scheduled = post("3000000000000000005");
    assert!(!scheduled.draft && scheduled.published.to_rfc3339().starts_with("2099-06-01"));
    assert!(post("3000000000000000006").trashed);
    let comment = |id: &str| e.comments.iter().find(|c| c.id == id).unwrap();
    let reply = comment("7770000000000000003");
    assert_eq!(reply.post, "3000000000000000001");
    assert_eq!(reply.parent.as_deref(), Some("7770000000000000002"));
    assert_eq!(reply.author_kind.as_deref(), Some("OPENID"));
    assert_eq!(comment("7770000000000000001").parent, None);
    assert_eq!(comment("7770000000000000011").post, "4000000000000000001");
    assert_eq!(
        comment("7770000000000000005").status,
        CommentStatus::Deleted
    );
    assert_eq!(
        comment("7770000000000000004").status,
        CommentStatus::Published
    );

    // The batch leaves the trashed post and its comment out.
    let blog = new_blog();
    let (batch, notes) = e.to_batch(&blog);
    assert_eq!((batch.posts.len(), batch.comments.len()), (9, 8));
    assert!(notes.iter().any(|n| n.contains("trash")), "{notes:?}");
    let about = batch
        .posts
        .iter()
        .find(|p| p.path == "/p/about.html")
        .unwrap();
    assert!(about.exact_path);
}

/// A file Blogger itself wrote (see the fixtures' README): every setting it
/// lists that we keep is understood, none ignored.
#[test]
fn blogger_export_as_blogger_wrote_it() {
    let e = blogger::parse(CWP).unwrap();
    assert_eq!(e.format, blogger::BloggerFormat::BackUp);
    assert_eq!((e.posts.len(), e.comments.len()), (3, 0));
    let (settings, notes) = e.settings_for(&new_blog());
    assert_eq!(notes, Vec::<String>::new());
    let s = settings.unwrap();
    assert_eq!(
        (s.title.as_str(), s.language.as_str()),
        ("CWP Project", "en")
    );
    assert_eq!(s.timezone, chrono_tz::America::Chicago);
    assert_eq!(s.posts_per_page, 7);
    assert_eq!(s.comment_moderation, tidings_core::Moderation::Always);
    assert_eq!(s.moderation_days, 14);
    // Its two escaped `<a name='more'>` breaks become teasers.
    let (batch, _) = e.to_batch(&s);
    let teasers = batch.posts.iter().filter(|p| !p.teaser_html.is_empty());
    assert_eq!(teasers.count(), 2);
}

/// Our Blogger export spells comment moderation as Blogger's own files do
/// (`ENABLED`, `DISABLED`), and our importer reads every spelling back.
#[test]
fn our_blogger_export_spells_moderation_as_blogger_does() {
    use tidings_core::Moderation;
    let setting = |e: &blogger::BloggerExport| {
        e.settings
            .iter()
            .find(|(name, _)| name == "BLOG_COMMENT_MODERATION")
            .map(|(_, v)| v.clone())
    };
    let bloggers = setting(&blogger::parse(CWP).unwrap());
    assert_eq!(bloggers.as_deref(), Some("ENABLED"));
    for (ours, written, read_back) in [
        (Moderation::Always, "ENABLED", Moderation::Always),
        (Moderation::Never, "DISABLED", Moderation::Never),
        // Blogger has no first-time moderation: it holds every comment.
        (Moderation::FirstTime, "ENABLED", Moderation::Always),
        (Moderation::OlderThan, "DATE", Moderation::OlderThan),
    ] {
        let blog = tidings_core::BlogSettings {
            comment_moderation: ours,
            moderation_days: 30,
            ..new_blog()
        };
        let mut file = Vec::new();
        export::blogger(&blog, &Default::default(), &mut file).unwrap();
        let e = blogger::parse(&file).unwrap();
        assert_eq!(setting(&e).as_deref(), Some(written), "{ours:?}");
        let (settings, notes) = e.settings_for(&new_blog());
        assert_eq!(notes, Vec::<String>::new());
        let s = settings.unwrap();
        assert_eq!(s.comment_moderation, read_back, "{ours:?}");
        assert_eq!(s.moderation_days, 30);
    }
}

#[test]
fn blogger_truncated_and_foreign_files_are_refused() {
    let cut = &ORCHARD[..ORCHARD.len() / 2];
    let err = blogger::parse(cut).unwrap_err();
    assert!(
        err.line.is_some() && err.message.contains("truncated"),
        "{err}"
    );
    let err = blogger::parse(b"<rss version='2.0'><channel/></rss>").unwrap_err();
    assert!(err.message.contains("not a Blogger export"), "{err}");
    let err = blogger::parse(
        b"<feed xmlns='http://www.w3.org/2005/Atom'>\n<entry>\n<title>a</b></entry></feed>",
    )
    .unwrap_err();
    assert_eq!(err.line, Some(3), "{err}");
}

#[test]
fn wordpress_theme_unit_test_counts() {
    let e = wordpress::parse(&theme_unit_test()).unwrap();
    let posts: Vec<_> = e
        .items
        .iter()
        .filter(|i| i.kind == PostKind::Post)
        .collect();
    let pages = e.items.iter().filter(|i| i.kind == PostKind::Page).count();
    assert_eq!((posts.len(), pages), (58, 21));
    assert_eq!(
        posts
            .iter()
            .filter(|p| p.status == WxrStatus::Future)
            .count(),
        1
    );
    assert_eq!(
        posts
            .iter()
            .filter(|p| p.status == WxrStatus::Draft)
            .count(),
        1
    );
    let comments: Vec<_> = e.items.iter().flat_map(|i| &i.comments).collect();
    assert_eq!(comments.len(), 33);
    assert_eq!(comments.iter().filter(|c| c.parent.is_some()).count(), 10);
    assert_eq!(
        comments
            .iter()
            .filter(|c| c.status == CommentStatus::Pending)
            .count(),
        3
    );
    let kind = |k| comments.iter().filter(|c| c.kind == k).count();
    assert_eq!(kind(WxrCommentType::Pingback), 2);
    assert_eq!(kind(WxrCommentType::Trackback), 2);
    // Attachments are recorded, with their URL and the post they belong to.
    assert_eq!(e.attachments.len(), 37);
    let canola = e.attachments.iter().find(|a| a.id == "611").unwrap();
    assert_eq!(
        canola.url,
        "https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg"
    );
    assert_eq!(canola.parent.as_deref(), Some("555"));
    assert_eq!(canola.title, "canola2");
    // The page tree: Level 3 under Level 2 under Level 1; menu order kept.
    let page = |id: &str| e.items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(page("172").parent.as_deref(), Some("173"));
    assert_eq!(page("173").parent.as_deref(), Some("174"));
    assert_eq!(page("174").parent, None);
    assert_eq!(page("174").menu_order, 5);
    let sticky: Vec<&str> = posts
        .iter()
        .filter(|p| p.sticky)
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(sticky, ["Template: Sticky"]);
    // Menu items are read, each under its menu; the featured images named.
    assert_eq!(e.menu_items.len(), 70);
    assert!(e.skipped.iter().all(|(kind, _)| kind != "nav_menu_item"));
    let social: Vec<_> = e
        .menu_items
        .iter()
        .filter(|m| m.menu.1 == "Social menu")
        .collect();
    assert_eq!(social.len(), 5);
    assert_eq!(
        social[0].target,
        wordpress::Target::Custom("https://twitter.com/wordpress".into())
    );
    assert_eq!(
        e.items
            .iter()
            .filter(|i| i.featured_image.is_some())
            .count(),
        6
    );
}

/// Issue 13: a post body nested past `tidings_render::MAX_NESTING` is taken
/// flattened (its text kept) with a note naming it, not refused with the
/// whole blog; real exports are not touched.
#[test]
fn wordpress_deep_bodies_are_flattened_and_named() {
    let blog = new_blog();
    let mut e = wordpress::parse(&theme_unit_test()).unwrap();
    let (_, notes) = e.to_batch(&blog);
    assert!(
        !notes.iter().any(|n| n.contains("levels deep")),
        "{notes:?}"
    );

    let deep = &mut e.items[0];
    deep.html = format!("{}deep words{}", "<div>".repeat(300), "</div>".repeat(300));
    let (id, title) = (deep.id.clone(), deep.title.clone());
    let (batch, notes) = e.to_batch(&blog);
    let note = notes
        .iter()
        .find(|n| n.contains("levels deep"))
        .expect("a note for the deep post");
    assert!(note.contains(&id) && note.contains(&title), "{note}");
    let post = batch.posts.iter().find(|p| p.external_id == id).unwrap();
    assert!(post.body_html.contains("deep words"));
    assert_eq!(tidings_render::check_nesting(&post.body_html), Ok(()));
}

/// The Theme Unit Test with its `<item>`s in reverse order: nav menus
/// before the posts they name, attachments after the posts whose featured
/// image they are, labels met in another case first.
fn reversed_items(whole: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(whole).unwrap();
    let first = text.find("<item>").unwrap();
    let last = text.rfind("</item>").unwrap() + "</item>".len();
    let mut items: Vec<&str> = text[first..last]
        .split_inclusive("</item>")
        .map(str::trim)
        .collect();
    items.reverse();
    format!("{}{}\n{}", &text[..first], items.join("\n"), &text[last..]).into_bytes()
}

/// An import streams a WXR file (read once for what items depend on, then
/// again as its items are handed on): it makes what reading the file whole
/// makes, in any order of its items: posts at the same paths with the same
/// labels and featured images, the same comments and attachments, the same
/// menus as gadgets.
#[test]
fn wordpress_streamed_makes_what_the_whole_file_makes() {
    use tidings_store::ImportItem;
    let blog = new_blog();
    let whole = theme_unit_test();
    for file in [whole.clone(), reversed_items(&whole)] {
        let (batch, _) = wordpress::parse(&file).unwrap().to_batch(&blog);
        let outline = wordpress::outline(&file[..]).unwrap();
        let (head, _) = outline.head(&blog);
        assert_eq!(head.settings, batch.settings);
        let (mut posts, mut comments, mut attachments, mut gadgets) =
            (vec![], vec![], vec![], vec![]);
        wordpress::stream(&file[..], &outline, &blog, |item| {
            match item {
                ImportItem::Post(p) => posts.push(*p),
                ImportItem::Comment(c) => comments.push(c),
                ImportItem::Attachment(a) => attachments.push(a),
                ImportItem::Gadgets(g) => gadgets.extend(g),
                ImportItem::Done => panic!("the caller sends Done"),
            }
            Ok(())
        })
        .unwrap();
        let shown = |p: &tidings_store::ImportPost| {
            (
                p.external_id.clone(),
                p.path.clone(),
                p.labels.clone(),
                p.featured_image.clone(),
                p.body_html.clone(),
            )
        };
        let streamed: Vec<_> = posts.iter().map(shown).collect();
        let read_whole: Vec<_> = batch.posts.iter().map(shown).collect();
        assert_eq!(streamed, read_whole);
        assert!(posts.iter().any(|p| !p.featured_image.is_empty()));
        let ids = |c: &[tidings_store::ImportComment]| {
            c.iter().map(|c| c.external_id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&comments), ids(&batch.comments));
        assert_eq!(attachments.len(), batch.attachments.len());
        assert!(!gadgets.is_empty());
        assert_eq!(gadgets, batch.gadgets);
    }
}

/// A new blog's settings, as an import finds them.
fn new_blog() -> tidings_core::BlogSettings {
    tidings_core::BlogSettings {
        posts_per_page: 10,
        ..tidings_core::BlogSettings::new(1, "lanterns.example", "Mine")
    }
}
