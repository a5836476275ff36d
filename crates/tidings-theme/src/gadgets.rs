//! The sidebar's view: each gadget of the blog's layout with what it lists,
//! ready for its own template (`templates/gadgets/TYPE.html`).
//!
//! A gadget's heading is its title, or the built-in one in the blog's
//! language (`heading_key`, a message key the template translates). Lists
//! with nothing in them keep their heading, as an owner who placed them
//! expects; only the default layout hides them, as the sidebar always did.

use serde::Serialize;
use tidings_core::gadget::{
    ArchiveStyle, Gadget, LabelDisplay, LabelSort, LinkList, LinkSort, PopularPosts, Profile,
    Settings,
};
use tidings_store::Frame;

use crate::i18n::Lang;
use crate::views::{self, LabelCountView, MonthLink, PageNode, YearLink};

/// The gadgets in order.
#[derive(Serialize, Default)]
pub struct SidebarView {
    pub gadgets: Vec<GadgetView>,
}

/// One gadget: its type (which names its template), its heading, and the
/// fields its type fills.
#[derive(Serialize, Default)]
pub struct GadgetView {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    /// The message key of the built-in heading, used when `title` is empty.
    pub heading_key: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkView>,
    /// Sanitised when it was saved.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text_html: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<tidings_core::gadget::Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub featured: Option<FeaturedView>,
    /// A Popular Posts gadget's posts, most viewed first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub popular: Vec<LinkView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<CloudLabel>,
    pub cloud: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearLink>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<MonthLink>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageNode>,
}

#[derive(Serialize)]
pub struct LinkView {
    pub text: String,
    pub url: String,
}

/// A featured post: its title, address and the start of its text.
#[derive(Serialize)]
pub struct FeaturedView {
    pub title: String,
    pub url: String,
    pub summary: String,
}

/// A label with its count and, in a cloud, its size from 1 to 5.
#[derive(Serialize)]
pub struct CloudLabel {
    #[serde(flatten)]
    pub label: LabelCountView,
    pub size: u8,
}

/// How long a featured post's summary is, in characters.
const FEATURED_SUMMARY: usize = 200;

/// The sidebar of `frame`, in `lang`; Follow by Email only when this server
/// sends mail.
pub fn sidebar(frame: &Frame, lang: &Lang, mail_on: bool) -> SidebarView {
    let saved = frame.layout.saved;
    let gadgets = frame
        .layout
        .gadgets
        .iter()
        .map(|g| gadget(g, frame, lang))
        .filter(|g| mail_on || g.kind != "follow_by_email")
        .filter(|g| saved || !is_empty_list(g))
        .collect();
    SidebarView { gadgets }
}

/// Whether a list gadget has nothing to list (the default layout hides it).
fn is_empty_list(g: &GadgetView) -> bool {
    match g.kind {
        "pages" => g.pages.is_empty(),
        "labels" => g.labels.is_empty(),
        "archive" => g.years.is_empty() && g.months.is_empty(),
        _ => false,
    }
}

fn gadget(g: &Gadget, frame: &Frame, lang: &Lang) -> GadgetView {
    let mut view = GadgetView {
        kind: g.settings.kind(),
        title: g.title.clone(),
        heading_key: heading_key(&g.settings),
        ..GadgetView::default()
    };
    match &g.settings {
        Settings::Profile(p) => view.profile = Some(p.clone()),
        Settings::LinkList(l) => view.links = link_list(l),
        Settings::Text(t) => view.text_html = t.html.clone(),
        Settings::Image(i) => view.image = Some(i.clone()),
        Settings::PopularPosts(p) => view.popular = popular(frame, p),
        Settings::FeaturedPost(f) => {
            view.featured = frame.featured.iter().find(|p| p.id == f.post_id).map(|p| {
                let text = tidings_render::html_to_text(&p.body_html);
                FeaturedView {
                    title: p.title.clone(),
                    url: p.path.clone(),
                    summary: tidings_render::summary(&text, FEATURED_SUMMARY),
                }
            });
        }
        Settings::Labels(s) => {
            view.cloud = s.display == LabelDisplay::Cloud;
            view.labels = labels(frame, s);
        }
        Settings::Archive(a) => {
            let months = frame.sidebar.months.list();
            match a.style {
                ArchiveStyle::Hierarchy => view.years = views::archive(&months, lang),
                ArchiveStyle::Flat => {
                    view.months = months
                        .iter()
                        .map(|m| MonthLink {
                            name: format!("{} {}", lang.month(m.month), m.year),
                            url: format!("/{:04}/{:02}/", m.year, m.month),
                            count: m.count,
                        })
                        .collect();
                }
            }
        }
        Settings::Pages => view.pages = views::page_tree(&frame.pages),
        Settings::Search | Settings::Subscribe | Settings::FollowByEmail => {}
    }
    view
}

/// A link list's links, in the order its settings ask for.
fn link_list(l: &LinkList) -> Vec<LinkView> {
    let mut links: Vec<LinkView> = l
        .links
        .iter()
        .map(|k| LinkView {
            text: k.text.clone(),
            url: k.url.trim().to_owned(),
        })
        .collect();
    match l.sort {
        LinkSort::None => {}
        LinkSort::Alpha => links.sort_by_key(|k| k.text.to_lowercase()),
        LinkSort::ReverseAlpha => {
            links.sort_by_key(|k| std::cmp::Reverse(k.text.to_lowercase()));
        }
    }
    links
}

/// The most read posts of the gadget's period, as the frame ranked them.
fn popular(frame: &Frame, p: &PopularPosts) -> Vec<LinkView> {
    let ranked = frame.popular.iter().find(|(period, _)| *period == p.period);
    ranked
        .map(|(_, posts)| posts.as_slice())
        .unwrap_or_default()
        .iter()
        .take(usize::try_from(p.count).unwrap_or(usize::MAX))
        .map(|post| LinkView {
            // A post without a title is named by its address.
            text: if post.title.trim().is_empty() {
                post.path.clone()
            } else {
                post.title.clone()
            },
            url: post.path.clone(),
        })
        .collect()
}

fn heading_key(s: &Settings) -> &'static str {
    match s {
        Settings::Labels(_) => "labels-heading",
        Settings::Archive(_) => "archive-heading",
        Settings::Pages => "pages-heading",
        Settings::Search => "search-heading",
        Settings::Subscribe => "subscribe-heading",
        Settings::FollowByEmail => "follow-heading",
        // The others need a title of their own (`Settings::has_own_heading`).
        _ => "",
    }
}

/// The labels a labels gadget shows: at least `min` posts each, by name or
/// by count (most first), with their sizes in a cloud.
fn labels(frame: &Frame, s: &tidings_core::gadget::Labels) -> Vec<CloudLabel> {
    let mut shown: Vec<LabelCountView> = views::label_counts(&frame.sidebar.labels)
        .into_iter()
        .filter(|l| l.count >= i64::from(s.min))
        .collect();
    if s.sort == LabelSort::Count {
        // Stable: equal counts stay by name.
        shown.sort_by_key(|l| std::cmp::Reverse(l.count));
    }
    let most = shown.iter().map(|l| l.count).max().unwrap_or(1).max(1);
    shown
        .into_iter()
        .map(|label| {
            // Five steps from the least to the most used, as Blogger's cloud.
            let size = 1 + (4 * (label.count - 1).max(0) / (most - 1).max(1)).min(4);
            CloudLabel {
                label,
                size: u8::try_from(size).unwrap_or(1),
            }
        })
        .collect()
}
