//! The sidebar's gadgets: the kinds there are, the settings each takes, and
//! the checks a layout passes before it is stored.
//!
//! A layout comes from the API, the admin's Layout page and imports, so its
//! rules live here once: every refusal names the item and the field
//! (`items[2].settings.links[0].url`), so an owner knows what to fix.
//! Settings are typed per kind and unknown keys are refused: a typo in a
//! setting would otherwise be stored and silently do nothing.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The most gadgets a sidebar holds: far more than any page shows well, few
/// enough that a layout stays one small read.
pub const MAX_GADGETS: usize = 100;
/// The most characters in a title.
pub const MAX_TITLE: usize = 200;
/// The most links a link list holds.
pub const MAX_LINKS: usize = 200;
/// The most bytes of a text gadget's HTML, before it is sanitised.
pub const MAX_HTML: usize = 64 * 1024;
/// The most characters in a URL or a line of text in settings.
const MAX_FIELD: usize = 2000;

/// One gadget: what it is, its heading and its settings. `id` is `None`
/// until it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Gadget {
    pub id: Option<i64>,
    pub title: String,
    pub settings: Settings,
}

/// Each kind with its settings.
#[derive(Debug, Clone, PartialEq)]
pub enum Settings {
    Profile(Profile),
    LinkList(LinkList),
    Text(Text),
    Image(Image),
    PopularPosts(PopularPosts),
    FeaturedPost(FeaturedPost),
    Labels(Labels),
    Archive(Archive),
    Pages,
    Search,
    Subscribe,
    FollowByEmail,
}

/// The kinds' names, as the API and the stored rows spell them.
pub const KINDS: &str = "profile, link_list, text, image, popular_posts, featured_post, labels, \
     archive, pages, search, subscribe, follow_by_email";

/// The most posts a Popular Posts gadget lists: Blogger's own limit.
pub const MAX_POPULAR: u32 = 20;

/// The blog's author, as the owner describes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub name: String,
    pub about: String,
    /// A picture: a web address or an upload's path under `/media/u/`.
    pub picture: String,
    /// Where the name links: the author's page, here or elsewhere.
    pub url: String,
}

/// Links the owner lists, in their order or sorted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkList {
    pub links: Vec<Link>,
    pub sort: LinkSort,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// Blogger's `sorting`: as given, or by text either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkSort {
    #[default]
    None,
    Alpha,
    ReverseAlpha,
}

/// Author HTML, stored sanitised (the app sanitises it as posts are).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Text {
    pub html: String,
}

/// A picture, linked or not, with a caption.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Image {
    /// A web address or an upload's path under `/media/u/`.
    pub url: String,
    pub alt: String,
    pub link: String,
    pub caption: String,
}

/// The posts readers viewed most over a period, most viewed first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PopularPosts {
    /// How many, from 1 to [`MAX_POPULAR`].
    pub count: u32,
    pub period: Period,
}

impl Default for PopularPosts {
    fn default() -> Self {
        Self {
            count: 5,
            period: Period::default(),
        }
    }
}

/// The views a Popular Posts gadget counts: the last 7 or 30 days (today
/// included), or every day since the blog counted any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    #[serde(rename = "7d")]
    Week,
    #[default]
    #[serde(rename = "30d")]
    Month,
    #[serde(rename = "all")]
    All,
}

impl Period {
    /// The days counted, today included; `None`: all of them.
    pub fn days(self) -> Option<u32> {
        match self {
            Self::Week => Some(7),
            Self::Month => Some(30),
            Self::All => None,
        }
    }

    /// The first day counted at `now` on the blog's calendar (a day number
    /// of [`crate::views::day_of`]); `i64::MIN` for all time.
    pub fn first_day(self, now: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> i64 {
        match self.days() {
            Some(days) => crate::views::day_of(now, tz) - i64::from(days) + 1,
            None => i64::MIN,
        }
    }
}

/// One post the owner puts forward.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeaturedPost {
    pub post_id: i64,
}

/// The blog's labels with their counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Labels {
    pub display: LabelDisplay,
    pub sort: LabelSort,
    /// Labels on fewer posts are left out.
    pub min: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelDisplay {
    #[default]
    List,
    Cloud,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelSort {
    #[default]
    Name,
    Count,
}

/// The blog's months: years that open on their months, or one flat list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Archive {
    pub style: ArchiveStyle,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveStyle {
    #[default]
    Hierarchy,
    Flat,
}

/// A setting that will not do: where (`settings.links[0].url`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: String,
    pub message: String,
}

impl Refusal {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same refusal, placed under `prefix` (`items[2]`).
    pub fn under(self, prefix: &str) -> Self {
        Self {
            field: format!("{prefix}.{}", self.field),
            message: self.message,
        }
    }
}

impl Settings {
    /// The kind's name.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Profile(_) => "profile",
            Self::LinkList(_) => "link_list",
            Self::Text(_) => "text",
            Self::Image(_) => "image",
            Self::PopularPosts(_) => "popular_posts",
            Self::FeaturedPost(_) => "featured_post",
            Self::Labels(_) => "labels",
            Self::Archive(_) => "archive",
            Self::Pages => "pages",
            Self::Search => "search",
            Self::Subscribe => "subscribe",
            Self::FollowByEmail => "follow_by_email",
        }
    }

    /// Settings of `kind` from JSON (`null` or absent: the kind's defaults).
    pub fn parse(kind: &str, settings: Value) -> Result<Self, Refusal> {
        Ok(match kind {
            "profile" => Self::Profile(typed(settings)?),
            "link_list" => Self::LinkList(typed(settings)?),
            "text" => Self::Text(typed(settings)?),
            "image" => Self::Image(typed(settings)?),
            "popular_posts" => Self::PopularPosts(typed(settings)?),
            "featured_post" => Self::FeaturedPost(typed(settings)?),
            "labels" => Self::Labels(typed(settings)?),
            "archive" => Self::Archive(typed(settings)?),
            "pages" | "search" | "subscribe" | "follow_by_email" => {
                typed::<Empty>(settings)?;
                match kind {
                    "pages" => Self::Pages,
                    "search" => Self::Search,
                    "subscribe" => Self::Subscribe,
                    _ => Self::FollowByEmail,
                }
            }
            other => {
                return Err(Refusal::new(
                    "type",
                    format!("{other:?} is not a gadget type; the types are {KINDS}."),
                ));
            }
        })
    }

    /// The settings as JSON, every one spelled out.
    pub fn to_json(&self) -> Value {
        let json = match self {
            Self::Profile(s) => serde_json::to_value(s),
            Self::LinkList(s) => serde_json::to_value(s),
            Self::Text(s) => serde_json::to_value(s),
            Self::Image(s) => serde_json::to_value(s),
            Self::PopularPosts(s) => serde_json::to_value(s),
            Self::FeaturedPost(s) => serde_json::to_value(s),
            Self::Labels(s) => serde_json::to_value(s),
            Self::Archive(s) => serde_json::to_value(s),
            Self::Pages | Self::Search | Self::Subscribe | Self::FollowByEmail => {
                Ok(Value::Object(Default::default()))
            }
        };
        json.unwrap_or_default()
    }

    /// Whether pages give this kind a heading of their own (in the blog's
    /// language) when its title is empty; the others need one.
    pub fn has_own_heading(&self) -> bool {
        matches!(
            self,
            Self::Labels(_)
                | Self::Archive(_)
                | Self::Pages
                | Self::Search
                | Self::Subscribe
                | Self::FollowByEmail
        )
    }
}

/// Settings no kind of its own takes: only `{}` or nothing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Empty {}

fn typed<T: DeserializeOwned>(settings: Value) -> Result<T, Refusal> {
    let settings = match settings {
        Value::Null => Value::Object(Default::default()),
        v => v,
    };
    serde_json::from_value(settings).map_err(|e| Refusal::new("settings", e.to_string()))
}

impl Gadget {
    /// Checks what every way in must: the title where one is needed, sizes,
    /// and addresses a reader's browser may follow.
    pub fn check(&self) -> Result<(), Refusal> {
        let title = self.title.trim();
        if title.is_empty() && !self.settings.has_own_heading() {
            return Err(Refusal::new(
                "title",
                format!("A {} gadget needs a title.", self.settings.kind()),
            ));
        }
        if title.chars().count() > MAX_TITLE {
            return Err(Refusal::new(
                "title",
                format!("A title has at most {MAX_TITLE} characters."),
            ));
        }
        match &self.settings {
            Settings::Profile(p) => {
                short("settings.name", &p.name)?;
                short("settings.about", &p.about)?;
                address("settings.picture", &p.picture, true)?;
                address("settings.url", &p.url, true)
            }
            Settings::LinkList(l) => {
                if l.links.len() > MAX_LINKS {
                    return Err(Refusal::new(
                        "settings.links",
                        format!("A link list holds at most {MAX_LINKS} links."),
                    ));
                }
                for (i, link) in l.links.iter().enumerate() {
                    let at = format!("settings.links[{i}]");
                    if link.text.trim().is_empty() {
                        return Err(Refusal::new(format!("{at}.text"), "A link needs a text."));
                    }
                    short(&format!("{at}.text"), &link.text)?;
                    address(&format!("{at}.url"), &link.url, false)?;
                }
                Ok(())
            }
            Settings::Text(t) if t.html.len() > MAX_HTML => Err(Refusal::new(
                "settings.html",
                format!("A text gadget holds at most {} KiB.", MAX_HTML / 1024),
            )),
            Settings::Image(i) => {
                address("settings.url", &i.url, false)?;
                address("settings.link", &i.link, true)?;
                short("settings.alt", &i.alt)?;
                short("settings.caption", &i.caption)
            }
            Settings::PopularPosts(p) if !(1..=MAX_POPULAR).contains(&p.count) => {
                Err(Refusal::new(
                    "settings.count",
                    format!("A Popular Posts gadget lists from 1 to {MAX_POPULAR} posts."),
                ))
            }
            Settings::FeaturedPost(f) if f.post_id <= 0 => Err(Refusal::new(
                "settings.post_id",
                "post_id is the id of one of the blog's posts.",
            )),
            _ => Ok(()),
        }
    }
}

fn short(field: &str, text: &str) -> Result<(), Refusal> {
    if text.chars().count() > MAX_FIELD {
        return Err(Refusal::new(
            field,
            format!("At most {MAX_FIELD} characters."),
        ));
    }
    Ok(())
}

/// Whether `url` is an address a gadget may link to (see [`address`]), for
/// imports that leave out what a layout would refuse.
pub fn is_address(url: &str) -> bool {
    address("", url, false).is_ok()
}

/// An address a reader's browser may follow: `http(s)://` with a host, or a
/// path on the blog (`/p/about.html`, `/media/u/…`); empty only where
/// `may_be_empty`. Nothing else: `javascript:` and its kin never reach a page.
/// A post's featured image is held to the same rule.
pub fn address(field: &str, url: &str, may_be_empty: bool) -> Result<(), Refusal> {
    let url = url.trim();
    if url.is_empty() {
        return if may_be_empty {
            Ok(())
        } else {
            Err(Refusal::new(field, "An address is needed here."))
        };
    }
    short(field, url)?;
    let lower = url.to_ascii_lowercase();
    let web = ["http://", "https://"].iter().any(|scheme| {
        lower.strip_prefix(scheme).is_some_and(|rest| {
            rest.split(['/', '?', '#'])
                .next()
                .is_some_and(|h| !h.is_empty())
        })
    });
    let path = url.starts_with('/') && !url.starts_with("//");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if (web || path) && clean {
        Ok(())
    } else {
        Err(Refusal::new(
            field,
            format!(
                "{url:?} is not an address readers can open: use http:// or https:// with a \
                 host, or a path on this blog starting with /."
            ),
        ))
    }
}

/// The layout of a blog that never chose one: the sidebar Tidings always
/// showed (search, pages, labels, archive, Follow by Email when this server
/// sends mail, feeds), each under its heading in the blog's language.
pub fn default_layout() -> Vec<Gadget> {
    [
        Settings::Search,
        Settings::Pages,
        Settings::Labels(Labels::default()),
        Settings::Archive(Archive::default()),
        Settings::FollowByEmail,
        Settings::Subscribe,
    ]
    .into_iter()
    .map(|settings| Gadget {
        id: None,
        title: String::new(),
        settings,
    })
    .collect()
}

/// Checks a whole layout, answering the first refusal placed under its item.
pub fn check_layout(gadgets: &[Gadget]) -> Result<(), Refusal> {
    if gadgets.len() > MAX_GADGETS {
        return Err(Refusal::new(
            "items",
            format!("A sidebar holds at most {MAX_GADGETS} gadgets."),
        ));
    }
    for (i, g) in gadgets.iter().enumerate() {
        g.check().map_err(|r| r.under(&format!("items[{i}]")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gadget(kind: &str, title: &str, settings: Value) -> Result<Gadget, Refusal> {
        let g = Gadget {
            id: None,
            title: title.into(),
            settings: Settings::parse(kind, settings)?,
        };
        g.check()?;
        Ok(g)
    }

    #[test]
    fn unknown_types_and_settings_are_named() {
        let e = gadget("adsense", "Ads", Value::Null).unwrap_err();
        assert_eq!(e.field, "type");
        let e = gadget("labels", "", json!({"shape": "round"})).unwrap_err();
        assert_eq!(e.field, "settings");
        assert!(e.message.contains("shape"), "{}", e.message);
    }

    #[test]
    fn titles_are_needed_where_no_heading_is_built_in() {
        assert!(gadget("search", "", Value::Null).is_ok());
        let e = gadget("link_list", " ", json!({"links": []})).unwrap_err();
        assert_eq!(e.field, "title");
    }

    #[test]
    fn addresses_readers_can_open_only() {
        let list = |url: &str| {
            gadget(
                "link_list",
                "Links",
                json!({"links": [{"text": "a", "url": url}]}),
            )
        };
        assert!(list("https://example.com/x").is_ok());
        assert!(list("/p/about.html").is_ok());
        for bad in [
            "javascript:alert(1)",
            "//evil.example",
            "https://",
            "ftp://x",
            "a b",
        ] {
            let e = list(bad).unwrap_err();
            assert_eq!(e.field, "settings.links[0].url", "{bad}");
        }
    }

    #[test]
    fn settings_round_trip_through_json() {
        let g = gadget(
            "labels",
            "Topics",
            json!({"display": "cloud", "sort": "count", "min": 2}),
        )
        .unwrap();
        let again = Settings::parse("labels", g.settings.to_json()).unwrap();
        assert_eq!(again, g.settings);
        assert_eq!(Settings::Search.to_json(), json!({}));
    }

    #[test]
    fn popular_posts_take_a_count_and_a_period() {
        let g = gadget(
            "popular_posts",
            "Popular",
            json!({"count": 3, "period": "7d"}),
        )
        .unwrap();
        assert_eq!(
            g.settings.to_json(),
            json!({"count": 3, "period": "7d"}),
            "round trip"
        );
        let e = gadget("popular_posts", "Popular", json!({"count": 21})).unwrap_err();
        assert_eq!(e.field, "settings.count");
        let e = gadget("popular_posts", "Popular", json!({"count": 0})).unwrap_err();
        assert_eq!(e.field, "settings.count");
        let e = gadget("popular_posts", "Popular", json!({"period": "1y"})).unwrap_err();
        assert_eq!(e.field, "settings");
        assert!(e.message.contains("1y"), "{}", e.message);
    }

    #[test]
    fn a_layout_names_the_item_at_fault() {
        let mut layout = default_layout();
        layout.push(Gadget {
            id: None,
            title: String::new(),
            settings: Settings::Text(Text::default()),
        });
        let e = check_layout(&layout).unwrap_err();
        assert_eq!(e.field, "items[6].title");
    }
}
