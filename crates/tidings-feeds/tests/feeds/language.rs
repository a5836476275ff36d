//! Each format names the blog's language where it says one (RSS
//! `<language>`, Atom `xml:lang`, JSON Feed `language`), read back with the
//! format's own parser.

use atom_syndication::Feed;
use rss::Channel;
use tidings_feeds::{FeedMeta, atom, json_feed, rss};

use crate::fixtures::{meta, posts};

fn korean() -> FeedMeta {
    FeedMeta {
        language: "ko".into(),
        ..meta()
    }
}

#[test]
fn rss_names_the_language() {
    let channel = Channel::read_from(rss(&korean(), &posts()).as_bytes()).unwrap();
    assert_eq!(channel.language.as_deref(), Some("ko"));
}

#[test]
fn atom_names_the_language() {
    let feed: Feed = atom(&korean(), &posts()).parse().unwrap();
    assert_eq!(feed.lang.as_deref(), Some("ko"));
}

#[test]
fn json_feed_names_the_language() {
    let doc: serde_json::Value = serde_json::from_str(&json_feed(&korean(), &posts())).unwrap();
    assert_eq!(doc["language"], "ko");
}

#[test]
fn no_language_is_said_when_there_is_none() {
    let doc: serde_json::Value = serde_json::from_str(&json_feed(&meta(), &posts())).unwrap();
    assert!(doc.get("language").is_none());
    assert_eq!(
        Channel::read_from(rss(&meta(), &[]).as_bytes())
            .unwrap()
            .language,
        None
    );
}
