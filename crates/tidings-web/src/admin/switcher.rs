//! The blog switcher: a member with roles on several blogs sees them in the
//! admin's top bar. Every request acts on the blog of its `Host`, the admin
//! too, so switching is going to the other blog's admin at its own host
//! (same scheme and port as this request): the session cookie belongs to a
//! host, so the first visit there asks to sign in once.

use serde::Serialize;

use crate::AppState;
use crate::error::AppError;
use crate::host::Site;

/// Another blog of the signed-in member, as the switcher links it.
#[derive(Debug, Serialize)]
pub struct OtherBlog {
    pub title: String,
    pub host: String,
    /// Its admin, at its host.
    pub admin_url: String,
}

/// The blogs other than `site`'s where `user_id` has a role.
pub async fn other_blogs(
    state: &AppState,
    site: &Site,
    user_id: i64,
) -> Result<Vec<OtherBlog>, AppError> {
    let blogs = state.store.blogs_of_member(user_id).await?;
    let (scheme, port) = scheme_and_port(&site.base_url);
    Ok(blogs
        .into_iter()
        .filter(|b| b.id != site.blog.id)
        .map(|b| OtherBlog {
            admin_url: format!("{scheme}://{}{port}/admin", b.host),
            title: b.title,
            host: b.host,
        })
        .collect())
}

/// The scheme of `base_url` (`http://host:port`) and its `:port`, if any.
fn scheme_and_port(base_url: &str) -> (&str, &str) {
    let (scheme, authority) = base_url.split_once("://").unwrap_or(("https", base_url));
    // A port follows the last `:` after any IPv6 literal's `]`.
    let host_end = authority.rfind(']').map_or(0, |i| i + 1);
    let port = authority[host_end..]
        .rfind(':')
        .map_or("", |i| &authority[host_end + i..]);
    (scheme, port)
}

#[cfg(test)]
mod tests {
    use super::scheme_and_port;

    #[test]
    fn the_port_is_kept_and_ipv6_is_not_mistaken_for_one() {
        assert_eq!(scheme_and_port("http://127.0.0.1:8080"), ("http", ":8080"));
        assert_eq!(scheme_and_port("https://blog.example"), ("https", ""));
        assert_eq!(scheme_and_port("http://[::1]:9000"), ("http", ":9000"));
        assert_eq!(scheme_and_port("http://[::1]"), ("http", ""));
    }
}
