//! The sitemaps.org 0.9 `urlset` at `/sitemap.xml`.
//!
//! Written by hand: the format is one repeated element, not worth an XML library.
//! A sitemap holds at most 50,000 URLs; a blog larger than that needs a sitemap
//! index, which the caller would build from several of these.

use std::fmt::Write;

use chrono::SecondsFormat;

use crate::model::SitemapUrl;
use crate::xml::escape;

/// Renders a sitemap listing `urls` in the order given.
pub fn sitemap(urls: &[SitemapUrl]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        out.push_str("  <url>\n");
        // Writing to a String cannot fail.
        let _ = writeln!(out, "    <loc>{}</loc>", escape(&url.loc));
        if let Some(lastmod) = url.lastmod {
            let _ = writeln!(
                out,
                "    <lastmod>{}</lastmod>",
                lastmod.to_rfc3339_opts(SecondsFormat::Secs, true)
            );
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}
