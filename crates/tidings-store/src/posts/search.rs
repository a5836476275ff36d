//! Full-text search over the posts readers see.

use chrono::{DateTime, Utc};

use super::words;
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
const HIT_COLUMNS: &str = "SELECT p.title, p.path, p.published_at";

impl Store {
    /// Full-text search over visible posts anyone may read: the `limit`
    /// newest that match, newest first (see [`dialect::search`] for why date
    /// order), words stemmed as the blog's `language` has it where the
    /// database can.
    pub async fn search(
        &self,
        blog_id: i64,
        language: &str,
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
            language,
            blog_id,
            micros(now),
            limit,
        );
        let hit = move |row: &ReadRow| {
            let text: String = row.try_get("body_text")?;
            Ok(SearchHit {
                title: row.try_get("title")?,
                path: row.try_get("path")?,
                published_at: from_micros(row.try_get("published_at")?)?,
                snippet: snippet(&text, &terms),
            })
        };
        match self.backend.begin_search() {
            None => self.read_all(&sql, hit).await,
            Some(begin) => {
                let mut tx = self.pool.begin(begin).await?;
                let hits = tx.fetch_all(&sql, hit).await?;
                tx.commit().await?;
                Ok(hits)
            }
        }
    }
}

/// Words a snippet shows.
const SNIPPET_WORDS: usize = 24;
/// Words shown before the first match, for its context.
const SNIPPET_LEAD: usize = 4;
/// Letters a stem may lose or gain and still be the word searched for
/// ("lighthouse" and "lighthouses", "pony" and "ponies").
const ENDING: usize = 3;

/// About [`SNIPPET_WORDS`] words of a post's `text`, from a few words
/// before the first match of one of `terms` (lowercase), each match between
/// [`dialect::MATCH_START`] and [`dialect::MATCH_END`], with `…` where text
/// is left out; a post found by its title alone shows its first words.
///
/// Words are runs of word characters as [`dialect::search_terms`] makes
/// them, except that each character of a script written in pairs
/// (`words::is_paired`) is a word of its own, so a Chinese sentence is not
/// one word and a term in it matches the run of characters it spells. A
/// word matches a term when it is the term give or take an ending (the
/// index stems words; this is near enough to show which).
pub(crate) fn snippet(text: &str, terms: &[String]) -> String {
    let terms: Vec<Vec<String>> = terms.iter().map(|t| units(t)).collect();
    let longest = terms.iter().map(Vec::len).max().unwrap_or(0);
    let mut words = Words::new(text);
    let match_at = |words: &mut Words, i: usize| -> usize {
        let words = words.upto(i + longest);
        terms
            .iter()
            .filter(|units| {
                i + units.len() <= words.len()
                    && units.iter().enumerate().all(|(k, unit)| {
                        let (a, b) = words[i + k];
                        is_like(&text[a..b], unit)
                    })
            })
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    };
    let mut first = 0;
    let mut i = 0;
    while words.has(i) {
        if match_at(&mut words, i) > 0 {
            first = i;
            break;
        }
        i += 1;
    }
    let start = first.saturating_sub(SNIPPET_LEAD);
    let more = words.has(start + SNIPPET_WORDS);
    let end = words.upto(start + SNIPPET_WORDS).len();
    let read = words.upto(end);
    let (Some(&(from, _)), Some(&(_, to))) = (read.get(start), read.get(end.wrapping_sub(1)))
    else {
        return String::new();
    };
    let mut out = String::with_capacity(to - from + 16);
    if start > 0 {
        out.push('…');
    }
    let mut at = from;
    let mut i = start;
    while i < end {
        let len = match_at(&mut words, i).min(end - i);
        let (a, _) = words.upto(end)[i];
        out.push_str(&text[at..a]);
        let b = if len > 0 {
            let (_, b) = words.upto(end)[i + len - 1];
            out.push(dialect::MATCH_START);
            out.push_str(&text[a..b]);
            out.push(dialect::MATCH_END);
            i += len;
            b
        } else {
            let (_, b) = words.upto(end)[i];
            out.push_str(&text[a..b]);
            i += 1;
            b
        };
        at = b;
    }
    if more {
        out.push('…');
    }
    out
}

/// The words of a text ([`spans`]), read only as far as a snippet asks:
/// most posts match early, and reading each of twenty posts' whole text
/// to show two dozen of its words was a quarter of a search's CPU.
struct Words<'a> {
    spans: Box<dyn Iterator<Item = (usize, usize)> + 'a>,
    read: Vec<(usize, usize)>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            spans: Box::new(spans(text)),
            read: Vec::new(),
        }
    }

    /// The first `n` words, or all of them if there are fewer.
    fn upto(&mut self, n: usize) -> &[(usize, usize)] {
        while self.read.len() < n {
            match self.spans.next() {
                Some(word) => self.read.push(word),
                None => break,
            }
        }
        &self.read[..n.min(self.read.len())]
    }

    /// Whether the text has a word at `i`.
    fn has(&mut self, i: usize) -> bool {
        self.upto(i + 1).len() > i
    }
}

/// The byte ranges of `text`'s words in order, each paired character one
/// word of its own.
fn spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let &(i, c) = chars.peek()?;
            if words::is_paired(c) {
                chars.next();
                return Some((i, i + c.len_utf8()));
            }
            if words::is_word_char(c) {
                break;
            }
            chars.next();
        }
        let &(start, _) = chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if words::is_paired(c) || !words::is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// A term as the words of [`spans`]: each paired character one.
fn units(term: &str) -> Vec<String> {
    spans(term).map(|(a, b)| term[a..b].to_owned()).collect()
}

/// Whether `word` is `unit` (lowercase), give or take an [`ENDING`].
fn is_like(word: &str, unit: &str) -> bool {
    let mut word = word.chars().flat_map(char::to_lowercase).peekable();
    let mut unit = unit.chars().peekable();
    let mut same = 0;
    while let (Some(w), Some(u)) = (word.peek(), unit.peek()) {
        if w != u {
            break;
        }
        word.next();
        unit.next();
        same += 1;
    }
    let (word_rest, unit_rest) = (word.count(), unit.count());
    word_rest + unit_rest == 0 || (same >= ENDING && word_rest <= ENDING && unit_rest <= ENDING)
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

    #[test]
    fn stems_and_paired_scripts_are_marked() {
        let got = snippet("Three lighthouses stood.", &terms(&["lighthouse"]));
        assert_eq!(got, format!("Three {S}lighthouses{E} stood"));
        let got = snippet("Art and articles.", &terms(&["art"]));
        assert_eq!(got, format!("{S}Art{E} and articles"));
        let got = snippet("我们看见了灯塔上的光。", &terms(&["灯塔"]));
        assert_eq!(got, format!("…们看见了{S}灯塔{E}上的光"));
        let got = snippet("나는 등대는 좋아요", &terms(&["등대"]));
        assert_eq!(got, format!("나는 {S}등대{E}는 좋아요"));
    }
}
