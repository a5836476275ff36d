//! What templates and the API see: core types shaped for display.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use tidings_core::{BlogSettings, Comment, Post};

use crate::i18n::{Arg, Lang};
use tidings_store::dialect::{MATCH_END, MATCH_START};
use tidings_store::{ArchiveMonth, LabelCount, PageLink};

/// Characters kept as they are in a label's path segment; everything else is
/// percent-encoded so any label (spaces, `/`, `?`, non-ASCII) makes a valid link.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub fn encode_segment(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

pub fn label_url(label: &str) -> String {
    format!("/search/label/{}", encode_segment(label))
}

#[derive(Serialize)]
pub struct BlogView {
    pub title: String,
    pub description: String,
    /// The blog's language tag, for `<html lang>`.
    pub language: String,
    /// `rtl` for Arabic, Persian and Hebrew, else `ltr`, for `<html dir>`.
    pub dir: &'static str,
    /// The icon browsers show: the owner's, else the built-in one, which
    /// `/favicon.ico` serves.
    pub favicon: String,
    /// The picture at the top of every page; `None` without one.
    pub header_image: Option<HeaderImageView>,
}

/// The header's picture as `base.html` draws it.
#[derive(Serialize)]
pub struct HeaderImageView {
    pub src: String,
    /// `behind` (the title and description written on it), `instead` (it
    /// takes their place) or `instead_of_title` (the description under it).
    pub placement: &'static str,
    /// Whether it takes the title's place: its alt text is then the blog's
    /// title, so screen readers still say it.
    pub replaces_title: bool,
    /// Its size in pixels, when known.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Its copies, narrowest first, when it is an upload; empty otherwise.
    pub srcset: String,
    /// How wide it shows, for `srcset`: the page's width behind the title,
    /// at most the column's (70rem) in its place.
    pub sizes: &'static str,
}

impl HeaderImageView {
    fn new(h: &tidings_core::HeaderImage) -> Option<Self> {
        if h.address.is_empty() {
            return None;
        }
        let replaces_title = h.placement.replaces_title();
        Some(Self {
            src: h.address.clone(),
            placement: h.placement.as_str(),
            replaces_title,
            width: h.size().map(|(w, _)| w),
            height: h.size().map(|(_, h)| h),
            srcset: h.srcset.clone(),
            sizes: if replaces_title {
                "(max-width: 70rem) 100vw, 70rem"
            } else {
                "100vw"
            },
        })
    }
}

impl BlogView {
    pub fn new(b: &BlogSettings) -> Self {
        let rtl = tidings_core::is_right_to_left(&b.language);
        Self {
            title: b.title.clone(),
            description: b.description.clone(),
            language: b.language.clone(),
            dir: if rtl { "rtl" } else { "ltr" },
            favicon: if b.favicon.is_empty() {
                "/favicon.ico".to_owned()
            } else {
                b.favicon.clone()
            },
            header_image: HeaderImageView::new(&b.header_image),
        }
    }
}

#[derive(Serialize)]
pub struct LabelLink {
    pub name: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct PostView {
    pub id: i64,
    pub title: String,
    pub url: String,
    /// Sanitised at save time by tidings-render.
    pub body_html: String,
    /// On a list page, `body_html` is the post up to its jump break and a
    /// "Read more »" link follows it.
    pub more: bool,
    pub labels: Vec<LabelLink>,
    pub published_iso: String,
    pub time: String,
    pub author: String,
    pub comment_link: String,
    /// Its comments are hidden: no count, no link to them.
    pub comments_shown: bool,
    /// Protected by a password this reader has not given: the title, a
    /// line saying so, and no body (`body_html` is empty).
    pub locked: bool,
    pub is_page: bool,
    /// Shown first on the home page, out of its date's place: marked as
    /// pinned, under no date header.
    pub pinned: bool,
    /// The featured image's address (empty: none), for list pages'
    /// templates that show it; and the `<img>` the post's page shows, made
    /// when it was saved (empty while the post is locked).
    pub featured_image: String,
    pub featured_image_html: String,
}

/// `No comments`, `1 comment`, `N comments`, as Blogger words them, in
/// the page's language and its plural forms.
pub fn comment_count_text(lang: &Lang, n: i64) -> String {
    lang.text("comment-count", &[("count", Arg::Number(n))])
}

pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl PostView {
    /// Takes the post, so its body (most of a page's bytes) moves into the
    /// view rather than being copied. A password-protected post is shown
    /// locked: every list and page shows it so unless [`PostView::opened`].
    pub fn new(mut p: Post, tz: Tz, lang: &Lang) -> Self {
        let locked = p.is_protected();
        if locked {
            p.body_html.clear();
            p.featured_image_html.clear();
        }
        Self {
            locked,
            comments_shown: p.comments.shown() && !locked,
            ..Self::opened(p, tz, lang)
        }
    }

    /// A post as the reader who gave its password sees it.
    pub fn opened(p: Post, tz: Tz, lang: &Lang) -> Self {
        let local = p.published_at.with_timezone(&tz);
        Self {
            locked: false,
            published_iso: local.to_rfc3339_opts(SecondsFormat::Secs, true),
            time: lang.time(&local),
            comment_link: comment_count_text(lang, p.comment_count),
            comments_shown: p.comments.shown(),
            is_page: p.kind == tidings_core::PostKind::Page,
            labels: p
                .labels
                .into_iter()
                .map(|l| LabelLink {
                    url: label_url(&l),
                    name: l,
                })
                .collect(),
            id: p.id,
            title: p.title,
            url: p.path,
            body_html: p.body_html,
            more: false,
            pinned: false,
            author: p.author_name,
            featured_image: p.featured_image,
            featured_image_html: p.featured_image_html,
        }
    }

    /// The post as a list page shows it: up to its jump break when it has
    /// one (cut when it was saved), with a link to the rest.
    pub fn listed(mut p: Post, tz: Tz, lang: &Lang) -> Self {
        let more = !p.teaser_html.is_empty();
        if more {
            p.body_html = std::mem::take(&mut p.teaser_html);
        }
        Self {
            more,
            ..Self::new(p, tz, lang)
        }
    }
}

/// One day's posts on a list page, or the pinned posts above them.
#[derive(Serialize)]
pub struct DayView {
    pub header: String,
    pub posts: Vec<PostView>,
    /// The home page's pinned posts: their group has no date header, since
    /// they are not where their dates would put them.
    pub pinned: bool,
}

/// A list page's posts under their date headers; its first `pinned` posts
/// (the home page's sticky ones) come first in a group of their own.
pub fn days(mut posts: Vec<Post>, pinned: usize, tz: Tz, lang: &Lang) -> Vec<DayView> {
    let rest = posts.split_off(pinned.min(posts.len()));
    let pinned = (!posts.is_empty()).then(|| DayView {
        header: String::new(),
        posts: posts
            .into_iter()
            .map(|p| PostView {
                pinned: true,
                ..PostView::listed(p, tz, lang)
            })
            .collect(),
        pinned: true,
    });
    let dated = tidings_core::group_by_day(rest, tz, |p| p.published_at)
        .into_iter()
        .map(|g| DayView {
            header: match g.items.first() {
                Some(p) if lang.code != "en" => {
                    lang.date_header(&p.published_at.with_timezone(&tz))
                }
                _ => g.header,
            },
            posts: g
                .items
                .into_iter()
                .map(|p| PostView::listed(p, tz, lang))
                .collect(),
            pinned: false,
        });
    pinned.into_iter().chain(dated).collect()
}

#[derive(Serialize)]
pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub url: Option<String>,
    /// Escaped by `tidings_render::comment_to_html`: no markup of the
    /// commenter's, but an imported comment's within the comment allowlist.
    pub body_html: String,
    pub date: String,
    pub iso: String,
    pub epoch_ms: i64,
    /// Written by one of the blog's people: marked as the author's.
    pub by_author: bool,
    pub replies: Vec<CommentView>,
}

/// Nests published comments under their parents, oldest first at each level.
/// A reply whose parent is not shown (held, deleted) is shown at the top level
/// rather than lost.
pub fn thread(comments: &[Comment], tz: Tz, lang: &Lang) -> Vec<CommentView> {
    let shown: std::collections::HashSet<i64> = comments.iter().map(|c| c.id).collect();
    let mut children: HashMap<Option<i64>, Vec<&Comment>> = HashMap::new();
    for c in comments {
        let parent = c.parent_id.filter(|p| shown.contains(p) && *p != c.id);
        children.entry(parent).or_default().push(c);
    }
    fn build(
        parent: Option<i64>,
        children: &HashMap<Option<i64>, Vec<&Comment>>,
        tz: Tz,
        lang: &Lang,
        depth: usize,
    ) -> Vec<CommentView> {
        children
            .get(&parent)
            .map(|list| {
                list.iter()
                    .map(|c| CommentView {
                        id: c.id,
                        author: c.author_name.clone(),
                        // Only http(s) becomes a link, whatever older data holds.
                        url: c
                            .author_url
                            .clone()
                            .filter(|u| tidings_core::comment::is_web_url(u)),
                        body_html: tidings_render::comment_shown(&c.body, &c.body_html),
                        date: lang.date_time(&c.created_at.with_timezone(&tz)),
                        iso: iso(c.created_at),
                        epoch_ms: c.created_at.timestamp_millis(),
                        by_author: c.by_member,
                        // Depth is bounded so a cycle in stored data cannot recurse forever.
                        replies: if depth < 32 {
                            build(Some(c.id), children, tz, lang, depth + 1)
                        } else {
                            Vec::new()
                        },
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    build(None, &children, tz, lang, 0)
}

/// `No comments:`, `1 comment:`, `N comments:`: the heading of a post's comments.
pub fn comments_heading(lang: &Lang, n: usize) -> String {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    lang.text("comments-heading", &[("count", Arg::Number(n))])
}

#[derive(Serialize)]
pub struct MonthLink {
    pub name: String,
    pub url: String,
    pub count: i64,
}

#[derive(Serialize)]
pub struct YearLink {
    pub year: i32,
    pub url: String,
    pub count: i64,
    pub months: Vec<MonthLink>,
    pub open: bool,
}

/// The archive sidebar: years newest first, each with its months.
pub fn archive(months: &[ArchiveMonth], lang: &Lang) -> Vec<YearLink> {
    let mut years: Vec<YearLink> = Vec::new();
    for m in months {
        let link = MonthLink {
            name: lang.month(m.month),
            url: format!("/{:04}/{:02}/", m.year, m.month),
            count: m.count,
        };
        match years.last_mut() {
            Some(y) if y.year == m.year => {
                y.count += m.count;
                y.months.push(link);
            }
            _ => years.push(YearLink {
                year: m.year,
                url: format!("/{:04}/", m.year),
                count: m.count,
                months: vec![link],
                open: years.is_empty(),
            }),
        }
    }
    years
}

#[derive(Serialize)]
pub struct LabelCountView {
    pub name: String,
    pub url: String,
    pub count: i64,
}

pub fn label_counts(labels: &[LabelCount]) -> Vec<LabelCountView> {
    labels
        .iter()
        .map(|l| LabelCountView {
            url: label_url(&l.label),
            name: l.label.clone(),
            count: l.count,
        })
        .collect()
}

/// A page in the sidebar's list, with its child pages.
#[derive(Serialize, Debug, PartialEq)]
pub struct PageNode {
    pub title: String,
    pub url: String,
    pub children: Vec<PageNode>,
}

/// The deepest a page list nests; deeper pages are listed at this depth.
const MAX_PAGE_DEPTH: usize = 6;

/// Pages (in menu order) as a tree: each under its parent when that is
/// shown too, else at the top. Pages caught in a loop of parents, which no
/// editor makes but an import could, are listed at the top.
pub fn page_tree(pages: &[PageLink]) -> Vec<PageNode> {
    let shown: std::collections::HashSet<i64> = pages.iter().map(|p| p.id).collect();
    let mut children: HashMap<Option<i64>, Vec<&PageLink>> = HashMap::new();
    for p in pages {
        let parent = p.parent_id.filter(|id| shown.contains(id) && *id != p.id);
        children.entry(parent).or_default().push(p);
    }
    fn build(
        parent: Option<i64>,
        children: &HashMap<Option<i64>, Vec<&PageLink>>,
        placed: &mut std::collections::HashSet<i64>,
        depth: usize,
    ) -> Vec<PageNode> {
        let mut out = Vec::new();
        for p in children.get(&parent).into_iter().flatten() {
            if !placed.insert(p.id) {
                continue;
            }
            let mut node = PageNode {
                title: p.title.clone(),
                url: p.path.clone(),
                children: Vec::new(),
            };
            let below = build(Some(p.id), children, placed, depth + 1);
            if depth < MAX_PAGE_DEPTH {
                node.children = below;
                out.push(node);
            } else {
                out.push(node);
                out.extend(below);
            }
        }
        out
    }
    let mut placed = std::collections::HashSet::new();
    let mut tree = build(None, &children, &mut placed, 1);
    for p in pages {
        if !placed.contains(&p.id) {
            tree.extend(build(p.parent_id, &children, &mut placed, 1));
        }
    }
    tree
}

/// A search snippet as HTML: the text escaped, then the store's match
/// markers turned into `<mark>`. Only what the author wrote is escaped, so
/// the markers must be ours: text stored before the way in refused control
/// characters may hold them too, so a marker that would open a second
/// `<mark>` or close none is dropped, and one left open is closed. The
/// snippet is always plain text with balanced `<mark>` elements, whatever
/// the post holds.
pub fn highlight(snippet: &str) -> String {
    let escaped = tidings_render::escape_html(snippet);
    let mut out = String::with_capacity(escaped.len() + 32);
    let mut open = false;
    for c in escaped.chars() {
        match c {
            MATCH_START if !open => {
                out.push_str("<mark>");
                open = true;
            }
            MATCH_END if open => {
                out.push_str("</mark>");
                open = false;
            }
            MATCH_START | MATCH_END => {}
            c => out.push(c),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_nest_under_their_parents_in_menu_order() {
        let page = |id, parent, title: &str| PageLink {
            id,
            parent_id: parent,
            title: title.into(),
            path: format!("/p/{id}.html"),
        };
        let tree = page_tree(&[
            page(1, None, "About"),
            page(2, Some(1), "Team"),
            page(3, Some(99), "Orphan"),
            page(4, Some(5), "Loop A"),
            page(5, Some(4), "Loop B"),
        ]);
        let titles = |nodes: &[PageNode]| nodes.iter().map(|n| n.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&tree), ["About", "Orphan", "Loop A"]);
        assert_eq!(titles(&tree[0].children), ["Team"]);
        assert_eq!(titles(&tree[2].children), ["Loop B"]);
    }

    #[test]
    fn counts_and_labels() {
        let en = crate::i18n::lang("en");
        assert_eq!(comment_count_text(en, 0), "No comments");
        assert_eq!(comment_count_text(en, 1), "1 comment");
        assert_eq!(comment_count_text(en, 3), "3 comments");
        assert_eq!(comments_heading(en, 0), "No comments:");
        assert_eq!(label_url("a b/é"), "/search/label/a%20b%2F%C3%A9");
    }

    #[test]
    fn snippet_text_is_escaped_around_marks() {
        let s = format!("a <b> {MATCH_START}rust{MATCH_END} & c");
        assert_eq!(highlight(&s), "a &lt;b&gt; <mark>rust</mark> &amp; c");
        let authored = "<mark>not ours</mark>";
        assert_eq!(highlight(authored), "&lt;mark&gt;not ours&lt;/mark&gt;");
    }

    #[test]
    fn stray_markers_never_unbalance_the_snippet() {
        let (s, e) = (MATCH_START, MATCH_END);
        assert_eq!(
            highlight(&format!("{e}a {s}{s}b{e}{e} c{s}d")),
            "a <mark>b</mark> c<mark>d</mark>"
        );
    }
}
