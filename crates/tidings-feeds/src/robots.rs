//! `/robots.txt`.
//!
//! Crawlers may read every public page but not the author's side, the API, or search
//! results: `/search` pages (label lists, paging, queries) only repeat posts that have
//! their own permalinks, which is why Blogger disallows them too.

/// Renders `robots.txt`, pointing crawlers at the sitemap.
pub fn robots_txt(sitemap_url: &str) -> String {
    // A line break in the URL would let it add rules of its own.
    let sitemap_url: String = sitemap_url.chars().filter(|c| !c.is_control()).collect();
    format!(
        "User-agent: *\n\
         Disallow: /admin\n\
         Disallow: /api/\n\
         Disallow: /search\n\
         Allow: /\n\
         \n\
         Sitemap: {sitemap_url}\n"
    )
}
