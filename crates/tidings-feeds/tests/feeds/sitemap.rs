use tidings_feeds::{SitemapUrl, robots_txt, sitemap};

use crate::fixtures::*;

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

#[test]
fn sitemap_lists_every_url_escaped() {
    let urls = [
        SitemapUrl {
            loc: "http://example.com/".into(),
            lastmod: Some(at(2026, 3, 4, 5, 6)),
        },
        SitemapUrl {
            loc: "http://example.com/2026/03/caf%C3%A9.html".into(),
            lastmod: None,
        },
        SitemapUrl {
            loc: "http://example.com/p/about.html?a=1&b='2'<".into(),
            lastmod: None,
        },
    ];
    let xml = sitemap(&urls);
    let doc = strict(&xml);

    assert!(doc.root_element().has_tag_name((SITEMAP_NS, "urlset")));
    let locs = texts(&doc, SITEMAP_NS, "loc");
    let expected: Vec<_> = urls.iter().map(|u| u.loc.as_str()).collect();
    assert_eq!(locs, expected);
    assert_eq!(texts(&doc, SITEMAP_NS, "lastmod"), ["2026-03-04T05:06:00Z"]);
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.is_element())
            .count(),
        3
    );
}

#[test]
fn empty_sitemap_is_valid() {
    let xml = sitemap(&[]);
    assert!(
        strict(&xml)
            .root_element()
            .has_tag_name((SITEMAP_NS, "urlset"))
    );
}

#[test]
fn robots_keeps_crawlers_out_of_admin_api_and_search() {
    let robots = robots_txt("http://example.com/sitemap.xml");
    let lines: Vec<_> = robots.lines().collect();
    assert_eq!(lines[0], "User-agent: *");
    for rule in [
        "Disallow: /admin",
        "Disallow: /api/",
        "Disallow: /search",
        "Allow: /",
    ] {
        assert!(lines.contains(&rule), "{rule} missing:\n{robots}");
    }
    assert_eq!(
        lines.last(),
        Some(&"Sitemap: http://example.com/sitemap.xml")
    );
}

#[test]
fn robots_sitemap_url_cannot_inject_rules() {
    let robots = robots_txt("http://example.com/sitemap.xml\nDisallow: /");
    assert!(!robots.lines().any(|l| l == "Disallow: /"));
}
