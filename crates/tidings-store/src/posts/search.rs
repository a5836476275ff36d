//! Full-text search over the posts readers see.

use chrono::{DateTime, Utc};

use crate::dialect;
use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::{Result, Store, from_micros, micros};

/// A search result: what the results page shows of a post, and a snippet
/// whose matches are wrapped in [`dialect::MATCH_START`] and
/// [`dialect::MATCH_END`].
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub title: String,
    pub path: String,
    pub published_at: DateTime<Utc>,
    pub snippet: String,
}

/// The columns a hit needs (`dialect::search` adds the plain text its
/// snippet is made from). Not the post's HTML: twenty bodies read and
/// copied for nothing the page shows.
const HIT_COLUMNS: &str = "SELECT p.title, p.path, p.published_at, p.password_hash";

impl Store {
    /// Full-text search over visible posts: the `limit` newest that match,
    /// newest first (see [`dialect::search`] for why date order).
    pub async fn search(
        &self,
        blog_id: i64,
        now: DateTime<Utc>,
        query: &str,
        limit: u32,
    ) -> Result<Vec<SearchHit>> {
        let terms = dialect::search_terms(query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let sql = dialect::search(
            self.backend,
            HIT_COLUMNS,
            &terms,
            blog_id,
            micros(now),
            limit,
        );
        // A protected post is found by no one: its words would tell what
        // its password keeps. Left out here, not in the plan each backend
        // runs, since such posts are few.
        let hit = move |row: &ReadRow| {
            if row.try_get::<Option<String>>("password_hash")?.is_some() {
                return Ok(None);
            }
            let text: String = row.try_get("body_text")?;
            Ok(Some(SearchHit {
                title: row.try_get("title")?,
                path: row.try_get("path")?,
                published_at: from_micros(row.try_get("published_at")?)?,
                snippet: snippet(&text, &terms),
            }))
        };
        let hits = match self.backend.begin_search() {
            None => self.read_all(&sql, hit).await?,
            Some(begin) => {
                let mut tx = self.pool.begin(begin).await?;
                let hits = tx.fetch_all(&sql, hit).await?;
                tx.commit().await?;
                hits
            }
        };
        Ok(hits.into_iter().flatten().collect())
    }
}

/// Words a snippet shows.
const SNIPPET_WORDS: usize = 24;
/// Words shown before the first match, for its context.
const SNIPPET_LEAD: usize = 4;

/// About [`SNIPPET_WORDS`] words of a post's `text`, from a few words
/// before the first word that is one of `terms` (lowercase), each such word
/// between [`dialect::MATCH_START`] and [`dialect::MATCH_END`], with `…`
/// where text is left out. Words are runs of letters and digits, as
/// [`dialect::search_terms`] makes them; a post found by its title alone
/// shows its first words.
pub(crate) fn snippet(text: &str, terms: &[String]) -> String {
    let matches = |word: &str| {
        terms
            .iter()
            .any(|t| word.chars().flat_map(char::to_lowercase).eq(t.chars()))
    };
    let words = || {
        text.char_indices()
            .filter(|&(i, c)| {
                c.is_alphanumeric()
                    && !text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .map(|(start, _)| {
                let len = text[start..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(text.len() - start);
                (start, start + len)
            })
    };
    let first = words().position(|(a, b)| matches(&text[a..b])).unwrap_or(0);
    let start = first.saturating_sub(SNIPPET_LEAD);
    let shown: Vec<(usize, usize)> = words().skip(start).take(SNIPPET_WORDS + 1).collect();
    let more = shown.len() > SNIPPET_WORDS;
    let shown = &shown[..shown.len().min(SNIPPET_WORDS)];
    let (Some(&(from, _)), Some(&(_, to))) = (shown.first(), shown.last()) else {
        return String::new();
    };
    let mut out = String::with_capacity(to - from + 16);
    if start > 0 {
        out.push('…');
    }
    let mut at = from;
    for &(a, b) in shown {
        out.push_str(&text[at..a]);
        if matches(&text[a..b]) {
            out.push(dialect::MATCH_START);
            out.push_str(&text[a..b]);
            out.push(dialect::MATCH_END);
        } else {
            out.push_str(&text[a..b]);
        }
        at = b;
    }
    if more {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialect::{MATCH_END as E, MATCH_START as S};

    fn terms(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn a_snippet_shows_the_first_match_in_its_context() {
        let text = "One two three four five six seven. The Lighthouse keeper, \
                    and the lighthouse: lit.";
        let got = snippet(text, &terms(&["lighthouse"]));
        assert_eq!(
            got,
            format!("…five six seven. The {S}Lighthouse{E} keeper, and the {S}lighthouse{E}: lit")
        );
    }

    #[test]
    fn long_texts_are_cut_and_titles_alone_show_the_start() {
        let text = (1..=60)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let got = snippet(&text, &terms(&["w30"]));
        assert!(got.starts_with("…w26 w27 w28 w29 \u{2}w30\u{3}"), "{got}");
        assert!(got.ends_with("w49…"), "{got}");
        let title_only = snippet("Café au lait, ß and Ünïcode.", &terms(&["missing"]));
        assert_eq!(title_only, "Café au lait, ß and Ünïcode");
        assert_eq!(snippet("", &terms(&["x"])), "");
        assert_eq!(
            snippet("Ünïcode", &terms(&["ünïcode"])),
            format!("{S}Ünïcode{E}")
        );
    }
}
