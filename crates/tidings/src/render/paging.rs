//! The older pages of a list, foreseen so they can be rendered side by side.
//!
//! A list page links its older page by the date of its last post
//! (`?updated-max=INSTANT&max-results=N`), so following the links renders a
//! list one page after another: the home page of 10,000 posts is a chain of
//! 1,400 renders that no amount of parallelism shortens. The dates are known
//! from the database, though, so the whole chain can be worked out from the
//! first older link, the way the list handler pages: the next page holds the
//! `N` newest posts strictly before the instant, which is the last post's
//! date to the second. The render checks each foreseen address against the
//! link the page before it actually carries and renders again where they
//! differ, so a wrong guess costs time, never a wrong page.

use chrono::{DateTime, SecondsFormat, Utc};
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::static_site::{local, param};

/// The addresses of the pages after `older`, the older link of a list's
/// first page (its page 2), given the dates of every post of that list,
/// newest first. Empty when `older` does not look like a paging link.
pub fn later_pages(older: &str, dates: &[DateTime<Utc>]) -> Vec<String> {
    let Some((prefix, cursor, suffix)) = split_cursor(older) else {
        return Vec::new();
    };
    let Some(limit) = local(older)
        .and_then(|l| l.query)
        .and_then(|q| param(q, "max-results"))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
    else {
        return Vec::new();
    };
    let mut urls = Vec::new();
    let mut cursor = cursor;
    loop {
        let start = dates.partition_point(|t| *t >= cursor);
        // The handler asks for one more than a page to know an older exists.
        if dates.len() <= start + limit {
            return urls;
        }
        let last = dates[start + limit - 1];
        let instant = last.to_rfc3339_opts(SecondsFormat::Secs, true);
        let Ok(next) = DateTime::parse_from_rfc3339(&instant) else {
            return urls;
        };
        let value = utf8_percent_encode(&instant, NON_ALPHANUMERIC);
        urls.push(format!("{prefix}{value}{suffix}"));
        cursor = next.with_timezone(&Utc);
    }
}

/// `PATH?updated-max=VALUE&REST` as the text before the value, the instant
/// it names, and the text after it.
fn split_cursor(url: &str) -> Option<(&str, DateTime<Utc>, &str)> {
    let key = "updated-max=";
    let at = url
        .match_indices(key)
        .map(|(i, _)| i)
        .find(|&i| matches!(url.as_bytes()[i - 1], b'?' | b'&'))?
        + key.len();
    let end = url[at..].find(['&', '#']).map_or(url.len(), |e| at + e);
    let value = percent_decode_str(&url[at..end]).decode_utf8().ok()?;
    // A `+` in a query string is a space; the handler reads it back as `+`.
    let instant = DateTime::parse_from_rfc3339(&value.replace(' ', "+")).ok()?;
    Some((&url[..at], instant.with_timezone(&Utc), &url[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn pages_follow_the_last_date_of_each_page() {
        // Newest first; two posts a page.
        let dates: Vec<_> = [
            "2020-06-01T10:00:00.700Z",
            "2020-05-01T10:00:00Z",
            "2020-04-01T10:00:00.500Z",
            "2020-03-01T10:00:00Z",
            "2020-02-01T10:00:00Z",
            "2020-01-01T10:00:00Z",
            "2019-12-01T10:00:00Z",
        ]
        .map(at)
        .into();
        // Page 2 is everything before page 1's last post, 2020-05-01.
        let page2 = "/search?updated-max=2020%2D05%2D01T10%3A00%3A00Z&max-results=2";
        assert_eq!(
            later_pages(page2, &dates),
            [
                "/search?updated-max=2020%2D03%2D01T10%3A00%3A00Z&max-results=2",
                "/search?updated-max=2020%2D01%2D01T10%3A00%3A00Z&max-results=2",
            ]
        );
        // Links name the date to the second, as the handler writes them.
        let dates = [
            at("2020-04-01T10:00:00.500Z"),
            at("2020-03-01T09:00:00Z"),
            at("2020-02-01T08:00:00Z"),
        ];
        let page2 = "/2020/?updated-max=2020%2D04%2D01T11%3A00%3A00Z&max-results=1";
        assert_eq!(
            later_pages(page2, &dates),
            [
                "/2020/?updated-max=2020%2D04%2D01T10%3A00%3A00Z&max-results=1",
                "/2020/?updated-max=2020%2D03%2D01T09%3A00%3A00Z&max-results=1",
            ]
        );
        assert!(later_pages("/search?updated-max=soon&max-results=2", &dates).is_empty());
        assert!(later_pages("/search?max-results=2", &dates).is_empty());
    }
}
