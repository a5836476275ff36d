//! The rules of counting page views: which requests are robots, which day a
//! view belongs to, and what of the `Referer` is kept.
//!
//! Nothing here looks at who the reader is: a view is a post, a day, whether
//! the client names itself a robot, and the other site it came from, by host
//! alone (never its path, which can carry a search or a session).

use chrono::{DateTime, NaiveDate, Utc};
pub use chrono_tz::Tz;

/// Words robots put in their user agent (lowercase): the convention is
/// `…bot`, `…crawler`, `…spider`; Yahoo's is Slurp, scripted browsers say
/// `Headless`, and a few well-known fetchers name none of these.
const ROBOT_WORDS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "headless",
    "facebookexternalhit",
    "mediapartners-google",
    "ia_archiver",
    "preview",
];

/// Whether a request with this `User-Agent` is counted apart, as a robot's.
/// A request without one is a reader's: it names nothing.
pub fn is_robot(user_agent: &str) -> bool {
    let agent = user_agent.to_ascii_lowercase();
    ROBOT_WORDS.iter().any(|w| agent.contains(w))
}

/// The day (days since 1970-01-01 on the blog's calendar) `at` falls on in
/// `tz`: views are counted per day as the blog's owner lives it.
pub fn day_of(at: DateTime<Utc>, tz: Tz) -> i64 {
    day_number(at.with_timezone(&tz).date_naive())
}

/// `date` as days since 1970-01-01.
pub fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::default()).num_days()
}

/// The date of a day number, for showing it.
pub fn date_of_day(day: i64) -> NaiveDate {
    NaiveDate::default() + chrono::Duration::days(day)
}

/// The longest host name DNS allows.
const MAX_HOST: usize = 253;

/// The host of an http(s) `Referer`, lowercased and without its port, when
/// it is another site's: `None` for the blog's own hosts (`own`, a reader
/// going from page to page), for anything not a web address, and for a host
/// that is not a plain name or address (so no odd text reaches the page).
pub fn referring_host(referer: &str, own: &[&str]) -> Option<String> {
    let lower = referer.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        // An IPv6 address: keep the brackets, drop the port.
        &host_port[..=host_port.find(']')?]
    } else {
        host_port.split(':').next()?
    };
    let host = host.trim_end_matches('.');
    let plain = host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
    if host.is_empty() || host.len() > MAX_HOST || !plain {
        return None;
    }
    let own = own.iter().any(|o| {
        let o = o.split(':').next().unwrap_or(o);
        o.eq_ignore_ascii_case(host)
    });
    (!own).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_name_themselves() {
        for agent in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "Mozilla/5.0 (compatible; Yahoo! Slurp)",
            "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
            "CCBot/2.0",
            "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
            "facebookexternalhit/1.1",
            "SomeCrawler/1.0",
        ] {
            assert!(is_robot(agent), "{agent}");
        }
        for agent in [
            "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15",
            "",
        ] {
            assert!(!is_robot(agent), "{agent}");
        }
    }

    #[test]
    fn days_follow_the_blogs_zone() {
        let at: DateTime<Utc> = "2026-03-01T02:00:00Z".parse().unwrap();
        let utc = day_of(at, Tz::UTC);
        assert_eq!(date_of_day(utc).to_string(), "2026-03-01");
        let ny = day_of(at, "America/New_York".parse().unwrap());
        assert_eq!(date_of_day(ny).to_string(), "2026-02-28");
        assert_eq!(day_number(NaiveDate::default()), 0);
    }

    #[test]
    fn only_other_sites_hosts_are_kept() {
        let own = ["blog.example", "localhost:8080"];
        let host = |r| referring_host(r, &own);
        assert_eq!(
            host("https://news.Example.org/item?id=1").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            host("http://user:pw@other.example:8443/x").as_deref(),
            Some("other.example")
        );
        assert_eq!(
            host("https://[2001:db8::1]:443/").as_deref(),
            Some("[2001:db8::1]")
        );
        assert_eq!(host("https://blog.example/2026/01/a.html"), None);
        assert_eq!(host("http://localhost:8080/"), None);
        assert_eq!(host("android-app://com.google.android.gm/"), None);
        assert_eq!(host("https://bad<host>/"), None);
        assert_eq!(host("not a url"), None);
        assert_eq!(host("https:///path"), None);
    }
}
