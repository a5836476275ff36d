//! What a Blogger template's widgets become: the sidebar's gadgets, in the
//! template's order, with their titles and settings; the Header's title,
//! description and picture for the blog; and a note naming each widget
//! left out, so the owner knows what to rebuild (ads, Blogger's navbar and
//! attribution, third-party scripts, gadgets Tidings has no match for).

use tidings_core::gadget::{
    self, Archive, ArchiveStyle, FeaturedPost, Gadget, Image, LabelDisplay, LabelSort, Labels,
    Link, LinkList, LinkSort, MAX_POPULAR, Period, PopularPosts, Profile, Settings, Text,
};
use tidings_core::{HeaderImage, HeaderPlacement};

use super::widgets::Widget;

/// The widgets carried over, and what the blog's Header said.
#[derive(Debug, Default)]
pub struct Carried {
    pub gadgets: Vec<Gadget>,
    /// The Header's title (Blogger adds " (Header)" to it), if any.
    pub title: Option<String>,
    /// The Header's description, when it carries one of its own.
    pub description: Option<String>,
    /// The Header's picture, when it shows one.
    pub header_image: Option<HeaderImage>,
    pub notes: Vec<String>,
}

/// Makes gadgets of `widgets`, in order. `author` names the Profile
/// gadget's person (Blogger draws it from the author's profile, which the
/// export does not carry).
pub fn carry(widgets: &[Widget], author: Option<&str>) -> Carried {
    let mut carried = Carried::default();
    for w in widgets {
        if w.hidden {
            carried
                .notes
                .push(format!("skipped {}: hidden on the Blogger blog", w.named()));
            continue;
        }
        let settings = match w.kind.as_str() {
            "Blog" => continue,
            "Header" => {
                header(w, &mut carried);
                continue;
            }
            "LinkList" => link_list(w, &mut carried.notes),
            "HTML" | "Text" => text(w, &mut carried.notes),
            "Image" => image(w),
            "Profile" => Some(Settings::Profile(Profile {
                name: author.unwrap_or_default().to_owned(),
                ..Profile::default()
            })),
            "PopularPosts" => Some(popular(w, &mut carried.notes)),
            "FeaturedPost" => featured(w),
            "Label" => Some(labels(w, &mut carried.notes)),
            "BlogArchive" => Some(archive(w, &mut carried.notes)),
            "PageList" => Some(Settings::Pages),
            "BlogSearch" => Some(Settings::Search),
            "Subscribe" => Some(Settings::Subscribe),
            "FollowByEmail" => Some(Settings::FollowByEmail),
            _ => {
                carried.notes.push(format!(
                    "skipped {}: Tidings has no gadget of this kind",
                    w.named()
                ));
                continue;
            }
        };
        let Some(settings) = settings else {
            carried.notes.push(format!(
                "skipped {}: it has nothing Tidings can show",
                w.named()
            ));
            continue;
        };
        let g = Gadget {
            id: None,
            title: title(w, &settings, &mut carried.notes),
            settings,
        };
        match g.check() {
            Ok(()) => carried.gadgets.push(g),
            Err(r) => {
                carried
                    .notes
                    .push(format!("skipped {}: {}: {}", w.named(), r.field, r.message))
            }
        }
    }
    carried
}

/// The widget's title, or (where a gadget needs one and Blogger showed
/// none) the English name Blogger gives its kind, said in a note.
fn title(w: &Widget, settings: &Settings, notes: &mut Vec<String>) -> String {
    let title = w.title.trim();
    if !title.is_empty() || settings.has_own_heading() {
        return title.to_owned();
    }
    let given = match settings {
        Settings::LinkList(_) => "Links",
        Settings::Profile(_) => "About Me",
        Settings::PopularPosts(_) => "Popular Posts",
        Settings::FeaturedPost(_) => "Featured Post",
        Settings::Image(_) => "Image",
        _ => "Text",
    };
    notes.push(format!(
        "{} had no title; a gadget shows one: titled {given:?}",
        w.named()
    ));
    given.to_owned()
}

fn header(w: &Widget, carried: &mut Carried) {
    let title = w.title.trim();
    let title = title.strip_suffix("(Header)").unwrap_or(title).trim();
    if !title.is_empty() {
        carried.title = Some(title.to_owned());
    }
    carried.description = w.setting("description").map(str::to_owned);
    carried.header_image = header_image(w, &mut carried.notes);
}

/// The Header's picture, when it shows one (`useImage`): `displayUrl`
/// (`image` in some templates), its `imagePlacement` (`BEHIND`, `REPLACE`,
/// `BEFORE_DESCRIPTION`) and its size (`displayWidth`/`displayHeight`, or
/// `imageWidth`/`imageHeight`). Shrinking to fit is what every header
/// does here. One no reader's browser could fetch is left out, said.
fn header_image(w: &Widget, notes: &mut Vec<String>) -> Option<HeaderImage> {
    let shows = w
        .setting("useImage")
        .is_none_or(|v| v.eq_ignore_ascii_case("true"));
    let url = address(w.setting("displayUrl").or(w.setting("image"))?);
    if !shows {
        return None;
    }
    let placement = match w.setting("imagePlacement").unwrap_or_default() {
        p if p.eq_ignore_ascii_case("REPLACE") => HeaderPlacement::Instead,
        p if p.eq_ignore_ascii_case("BEFORE_DESCRIPTION") => HeaderPlacement::InsteadOfTitle,
        _ => HeaderPlacement::Behind,
    };
    let side = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|n| w.setting(n)?.parse::<u32>().ok().filter(|v| *v > 0))
    };
    let (width, height) = match (
        side(["displayWidth", "imageWidth"]),
        side(["displayHeight", "imageHeight"]),
    ) {
        (Some(width), Some(height)) => (width, height),
        _ => (0, 0),
    };
    let picture = HeaderImage {
        address: url,
        placement,
        width,
        height,
        srcset: String::new(),
    };
    match picture.check() {
        Ok(()) => Some(picture),
        Err((_, why)) => {
            notes.push(format!("{}: its picture left out: {why}", w.named()));
            None
        }
    }
}

/// An address as Blogger wrote it, made one a reader's browser opens here:
/// `//host/…` (any scheme) becomes `https://host/…`.
fn address(url: &str) -> String {
    let url = url.trim();
    match url.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => url.to_owned(),
    }
}

/// `text-N` and `link-N` in the order of N, and `sorting`; a link no
/// reader could open (`http://` alone, `#`, `javascript:`) is left out.
fn link_list(w: &Widget, notes: &mut Vec<String>) -> Option<Settings> {
    let mut numbered: Vec<(u32, String, String)> = w
        .settings
        .iter()
        .filter_map(|(name, text)| {
            let n = name.strip_prefix("text-")?.parse::<u32>().ok()?;
            let url = w.setting(&format!("link-{n}")).unwrap_or_default();
            Some((n, text.trim().to_owned(), address(url)))
        })
        .collect();
    numbered.sort_by_key(|(n, _, _)| *n);
    let mut links = Vec::with_capacity(numbered.len());
    for (_, text, url) in numbered {
        if text.is_empty() || !gadget::is_address(&url) {
            notes.push(format!(
                "{}: the link {text:?} to {url:?} left out: not an address readers can open",
                w.named()
            ));
        } else {
            links.push(Link { text, url });
        }
    }
    let sort = match w.setting("sorting").unwrap_or_default() {
        s if s.eq_ignore_ascii_case("ALPHABETICAL") => LinkSort::Alpha,
        s if s.eq_ignore_ascii_case("REVERSE_ALPHABETICAL") => LinkSort::ReverseAlpha,
        _ => LinkSort::None,
    };
    Some(Settings::LinkList(LinkList { links, sort }))
}

/// An HTML or Text widget's `content`, cleaned as posts are. One that was
/// only script (ads, counters, third-party widgets) shows nothing here and
/// is left out; one that loses its script on the way is kept, said.
fn text(w: &Widget, notes: &mut Vec<String>) -> Option<Settings> {
    let html = w.setting("content")?;
    let clean = tidings_render::sanitize_html(html);
    let shows = !tidings_render::html_to_text(&clean).trim().is_empty() || clean.contains("<img");
    let scripted = {
        let lower = html.to_ascii_lowercase();
        lower.contains("<script") || lower.contains("<iframe")
    };
    if !shows {
        if scripted {
            notes.push(format!(
                "skipped {}: a script or embed, which public pages never run",
                w.named()
            ));
        }
        return None;
    }
    if scripted {
        notes.push(format!(
            "{}: its script or embed left out (public pages run none)",
            w.named()
        ));
    }
    Some(Settings::Text(Text { html: clean }))
}

fn image(w: &Widget) -> Option<Settings> {
    let url = address(w.setting("displayUrl")?);
    Some(Settings::Image(Image {
        url,
        alt: w.title.trim().to_owned(),
        link: w.setting("link").map(address).unwrap_or_default(),
        caption: w.setting("caption").unwrap_or_default().to_owned(),
    }))
}

/// `numItemsToShow` (Blogger allows up to 20) and `timeRange`.
fn popular(w: &Widget, notes: &mut Vec<String>) -> Settings {
    let asked = w
        .setting("numItemsToShow")
        .or(w.setting("numItems"))
        .and_then(|n| n.parse::<u32>().ok());
    let count = asked.unwrap_or(5).clamp(1, MAX_POPULAR);
    if asked.is_some_and(|n| n != count) {
        notes.push(format!("{}: shows {count} posts", w.named()));
    }
    let period = match w.setting("timeRange").unwrap_or_default() {
        r if r.to_ascii_uppercase().contains("WEEK") => Period::Week,
        r if r.to_ascii_uppercase().contains("MONTH") => Period::Month,
        _ => Period::All,
    };
    Settings::PopularPosts(PopularPosts { count, period })
}

/// The post Blogger put forward (`postId`), which keeps its id here.
fn featured(w: &Widget) -> Option<Settings> {
    let post_id = w.setting("postId")?.parse::<i64>().ok()?;
    Some(Settings::FeaturedPost(FeaturedPost { post_id }))
}

/// `display` (LIST, CLOUD) and `sorting` (ALPHA, FREQUENCY).
fn labels(w: &Widget, notes: &mut Vec<String>) -> Settings {
    if w.setting("showType")
        .is_some_and(|t| t.eq_ignore_ascii_case("SELECTED"))
    {
        notes.push(format!(
            "{}: shows every label (Blogger showed the ones chosen)",
            w.named()
        ));
    }
    let upper = |name: &str| w.setting(name).unwrap_or_default().to_ascii_uppercase();
    Settings::Labels(Labels {
        display: if upper("display") == "CLOUD" {
            LabelDisplay::Cloud
        } else {
            LabelDisplay::List
        },
        sort: if upper("sorting") == "FREQUENCY" {
            LabelSort::Count
        } else {
            LabelSort::Name
        },
        min: 0,
    })
}

/// `style`: HIERARCHY, FLAT, or MENU (a drop-down, shown flat here).
fn archive(w: &Widget, notes: &mut Vec<String>) -> Settings {
    let style = match w.setting("style").unwrap_or_default() {
        s if s.eq_ignore_ascii_case("FLAT") => ArchiveStyle::Flat,
        s if s.eq_ignore_ascii_case("MENU") => {
            notes.push(format!(
                "{}: its drop-down menu shows as one list of months",
                w.named()
            ));
            ArchiveStyle::Flat
        }
        _ => ArchiveStyle::Hierarchy,
    };
    Settings::Archive(Archive { style })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widget(id: &str, kind: &str, title: &str, settings: &[(&str, &str)]) -> Widget {
        Widget {
            id: id.into(),
            kind: kind.into(),
            title: title.into(),
            hidden: false,
            settings: settings
                .iter()
                .map(|(n, v)| ((*n).into(), (*v).into()))
                .collect(),
        }
    }

    #[test]
    fn links_in_their_numbers_order_bad_ones_said() {
        let w = widget(
            "LinkList1",
            "LinkList",
            "Friends",
            &[
                ("text-1", "Two"),
                ("link-1", "//two.example/"),
                ("sorting", "REVERSE_ALPHABETICAL"),
                ("text-0", "One"),
                ("link-0", "https://one.example/"),
                ("text-2", "Nowhere"),
                ("link-2", "http://"),
            ],
        );
        let c = carry(&[w], None);
        let Settings::LinkList(l) = &c.gadgets[0].settings else {
            panic!("{:?}", c.gadgets)
        };
        let urls: Vec<&str> = l.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://one.example/", "https://two.example/"]);
        assert_eq!(l.sort, LinkSort::ReverseAlpha);
        assert!(c.notes[0].contains("\"Nowhere\""), "{:?}", c.notes);
    }

    #[test]
    fn scripts_and_kinds_without_a_match_are_named() {
        let c = carry(
            &[
                widget("AdSense1", "AdSense", "", &[]),
                widget(
                    "HTML1",
                    "HTML",
                    "",
                    &[(
                        "content",
                        "<script src='https://ads.example/x.js'></script>",
                    )],
                ),
                widget("HTML2", "HTML", "", &[("content", "<p>Hello</p>")]),
                widget("Header1", "Header", "Cats (Header)", &[]),
            ],
            None,
        );
        assert_eq!(c.gadgets.len(), 1);
        assert_eq!(c.gadgets[0].title, "Text");
        assert_eq!(c.title.as_deref(), Some("Cats"));
        assert!(
            c.notes[0].starts_with("skipped widget AdSense1"),
            "{:?}",
            c.notes
        );
        assert!(
            c.notes[1].starts_with("skipped widget HTML1"),
            "{:?}",
            c.notes
        );
    }

    #[test]
    fn the_header_picture_keeps_its_placement_and_size() {
        let header = |settings: &[(&str, &str)]| {
            carry(
                &[widget("Header1", "Header", "Cats (Header)", settings)],
                None,
            )
        };
        let c = header(&[
            ("displayUrl", "//img.example/s1600/cats.jpg"),
            ("displayWidth", "1100"),
            ("displayHeight", "200"),
            ("useImage", "true"),
            ("imagePlacement", "REPLACE"),
        ]);
        assert_eq!(
            c.header_image,
            Some(HeaderImage {
                address: "https://img.example/s1600/cats.jpg".into(),
                placement: HeaderPlacement::Instead,
                width: 1100,
                height: 200,
                srcset: String::new(),
            })
        );
        assert_eq!(c.title.as_deref(), Some("Cats"));
        assert!(c.notes.is_empty(), "{:?}", c.notes);

        let c = header(&[
            ("image", "https://img.example/cats.png"),
            ("imageWidth", "0"),
            ("imagePlacement", "BEFORE_DESCRIPTION"),
        ]);
        let h = c.header_image.unwrap();
        assert_eq!(h.placement, HeaderPlacement::InsteadOfTitle);
        assert_eq!(h.size(), None, "a size of 0 is no size");

        let off = header(&[
            ("displayUrl", "https://img.example/a.jpg"),
            ("useImage", "false"),
        ]);
        assert_eq!(off.header_image, None);
        let none = header(&[("displayUrl", ""), ("useImage", "true")]);
        assert_eq!(none.header_image, None);

        let bad = header(&[
            ("displayUrl", "javascript:alert(1)"),
            ("imagePlacement", "BEHIND"),
        ]);
        assert_eq!(bad.header_image, None);
        assert!(
            bad.notes[0]
                .starts_with("widget Header1 (Header, \"Cats (Header)\"): its picture left out"),
            "{:?}",
            bad.notes
        );
    }

    #[test]
    fn popular_posts_keep_their_period_and_count() {
        let c = carry(
            &[widget(
                "PopularPosts1",
                "PopularPosts",
                "Popular",
                &[("numItemsToShow", "50"), ("timeRange", "LAST_WEEK")],
            )],
            None,
        );
        assert_eq!(
            c.gadgets[0].settings,
            Settings::PopularPosts(PopularPosts {
                count: 20,
                period: Period::Week
            })
        );
    }
}
