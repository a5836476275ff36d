//! How text becomes search words, the same way for what is indexed and for
//! what a reader asks, on both backends.
//!
//! Words are runs of letters, digits and marks (Devanagari's and Thai's
//! vowel signs are marks, and belong to their words). Scripts written
//! without spaces between words (Chinese, Japanese, Thai), and Korean, whose
//! words carry their particles ("등대는" is "등대", a lighthouse, and "는"),
//! are cut into overlapping pairs of characters: a word inside a sentence
//! is then the run of pairs it spells, found by a phrase query, which both
//! FTS5 and `tsquery` have. No dictionary of those languages is needed; the
//! index holds about three characters for each character of those scripts
//! (two pairs and, at a run's end, the character alone), and other text as
//! before.

use std::borrow::Cow;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// A character of a word: a letter, a digit or a mark. ASCII is answered
/// without the general category's table: a search's snippets ask this of
/// every character they pass, and the table lookup was a fifth of a
/// search's CPU.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || c.general_category_group() == GeneralCategoryGroup::Mark
}

/// A character of the scripts cut into pairs: Thai, Hangul, kana and Han.
pub(crate) fn is_paired(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0E7F}'     // Thai
        | '\u{1100}'..='\u{11FF}'   // Hangul jamo
        | '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility jamo
        | '\u{31F0}'..='\u{31FF}'   // katakana extensions
        | '\u{3400}'..='\u{4DBF}'   // Han extension A
        | '\u{4E00}'..='\u{9FFF}'   // Han
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // Han compatibility
        | '\u{FF66}'..='\u{FF9F}'   // half-width katakana
        | '\u{20000}'..='\u{2FA1F}' // Han extensions B on
    )
}

/// `text` as it is indexed: each run of paired characters becomes its pairs
/// and then its last character alone, spaced ("灯塔上" → " 灯塔 塔上 上 "),
/// so any word inside the run is a phrase of adjacent pairs and any single
/// character of it starts a token; other text stays as it is.
pub(crate) fn indexed(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_paired) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 3);
    let mut run = Vec::new();
    for c in text.chars() {
        if is_paired(c) {
            run.push(c);
        } else {
            push_pairs(&mut out, &run, true);
            run.clear();
            out.push(c);
        }
    }
    push_pairs(&mut out, &run, true);
    Cow::Owned(out)
}

/// One word a reader searched for, as the tokens the index holds for it in
/// order (a phrase when several), the last one a prefix when the word ends
/// in a single paired character (which starts a pair in the text).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub(crate) tokens: Vec<String>,
    pub(crate) prefix: bool,
}

/// The phrase `word` (lowercase, word characters only) is in the index. Its
/// last run of paired characters may go on in the text, so it gets no lone
/// last character; runs before it end where the text's do, so they do.
pub(crate) fn phrase(word: &str) -> Phrase {
    let mut text = String::with_capacity(word.len() * 3);
    let mut run = Vec::new();
    for c in word.chars() {
        if is_paired(c) {
            run.push(c);
        } else {
            push_pairs(&mut text, &run, true);
            run.clear();
            text.push(c);
        }
    }
    let prefix = run.len() == 1;
    push_pairs(&mut text, &run, false);
    Phrase {
        tokens: text.split_whitespace().map(str::to_owned).collect(),
        prefix,
    }
}

/// Appends `run`'s pairs, and its last character alone when `last` (or when
/// it is the run's only one), between spaces.
fn push_pairs(out: &mut String, run: &[char], last: bool) {
    let Some(&end) = run.last() else {
        return;
    };
    out.push(' ');
    for pair in run.windows(2) {
        out.push(pair[0]);
        out.push(pair[1]);
        out.push(' ');
    }
    if last || run.len() == 1 {
        out.push(end);
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_scripts_become_pairs_and_the_rest_stays() {
        assert_eq!(indexed("The lighthouse."), "The lighthouse.");
        assert_eq!(indexed("灯塔上"), " 灯塔 塔上 上 ");
        assert_eq!(indexed("a灯b"), "a 灯 b");
        assert_eq!(indexed("나는 등대는"), " 나는 는   등대 대는 는 ");
    }

    #[test]
    fn a_searched_word_is_the_phrase_of_its_pairs() {
        let p = |w: &str| phrase(w);
        assert_eq!(p("lighthouse").tokens, ["lighthouse"]);
        assert!(!p("lighthouse").prefix);
        assert_eq!(p("등대").tokens, ["등대"]);
        assert_eq!(p("灯塔上").tokens, ["灯塔", "塔上"]);
        assert_eq!(p("灯").tokens, ["灯"]);
        assert!(p("灯").prefix);
        // A run before Latin letters ends where the text's does.
        assert_eq!(p("灯塔abc").tokens, ["灯塔", "塔", "abc"]);
        assert_eq!(p("abc灯塔").tokens, ["abc", "灯塔"]);
    }

    #[test]
    fn marks_belong_to_their_words() {
        assert!("हिन्दी".chars().all(is_word_char));
        assert!("ภาษาไทย".chars().all(is_word_char));
        assert!(!is_word_char('-'));
    }
}
