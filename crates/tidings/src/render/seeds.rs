//! What the render starts from: the addresses known up front, and the posts
//! the lists are made of.

use chrono::{DateTime, Utc};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use tidings_core::PostKind;
use tidings_store::Store;

/// Every address the blog answers for its readers, and the posts its lists
/// are made of.
pub struct Site {
    pub urls: Vec<String>,
    pub posts: Vec<ListedPost>,
}

/// The addresses every blog has, whatever it holds.
pub const FIXED: &[&str] = &[
    "/feeds/posts/default",
    "/feeds/posts/default?alt=rss",
    "/feeds/posts/default?alt=json",
    "/feeds/posts/summary",
    "/feeds/comments/default",
    "/sitemap.xml",
    "/robots.txt",
    "/static/simple.css",
];

/// With [`FIXED`], every address the blog answers for its readers: what the
/// render starts from. Links found in the pages add what this misses (the
/// stylesheet's hashed name); the older pages of lists come from
/// [`Lists`](super::lists::Lists).
/// The home page is a list, so it waits for the posts too.
pub async fn seeds(store: &Store, blog: &tidings_core::BlogSettings) -> anyhow::Result<Site> {
    let mut urls = vec!["/".to_owned()];
    let now = Utc::now();
    let index = store.post_index(blog.id, now).await?;
    let mut labels: Vec<&str> = Vec::new();
    let mut archives: Vec<String> = Vec::new();
    let mut posts = Vec::new();
    for p in &index {
        urls.push(p.path.clone());
        if p.kind == PostKind::Post {
            urls.push(format!("/feeds/{}/comments/default", p.id));
            // `/YYYY/MM/slug.html` → `/YYYY/` and `/YYYY/MM/`.
            if let (Some(year), Some(month)) = (p.path.get(..6), p.path.get(..9)) {
                for a in [year, month] {
                    if !archives.iter().any(|x| x == a) {
                        archives.push(a.to_owned());
                    }
                }
            }
            for l in &p.labels {
                if !labels.contains(&l.as_str()) {
                    labels.push(l);
                }
            }
            posts.push(ListedPost {
                published_at: p.published_at,
                path: p.path.clone(),
                labels: p.labels.clone(),
            });
        }
    }
    for l in labels {
        let enc = utf8_percent_encode(l, NON_ALPHANUMERIC).to_string();
        urls.push(format!("/search/label/{enc}"));
        urls.push(format!("/feeds/posts/default/-/{enc}"));
    }
    urls.extend(archives);
    Ok(Site { urls, posts })
}

/// What decides which lists a post is in.
pub struct ListedPost {
    pub published_at: DateTime<Utc>,
    pub path: String,
    pub labels: Vec<String>,
}
