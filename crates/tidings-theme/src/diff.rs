//! What changed between two versions of a post's text, as lines a template
//! marks: a line diff in hunks with three lines of context around each
//! change, so a long post with one paragraph changed shows that paragraph,
//! not the whole post twice.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// Lines of unchanged text shown around each change.
const CONTEXT: usize = 3;

/// One line of a hunk: in both versions (`same`), only in the new one
/// (`added`) or only in the old one (`removed`).
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct DiffLine {
    pub kind: &'static str,
    pub text: String,
}

/// A stretch of changed lines with their context; hunks are apart when
/// more than twice [`CONTEXT`] unchanged lines lie between them.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Hunk {
    pub lines: Vec<DiffLine>,
}

/// The hunks that turn `old` into `new`; none when they are the same.
pub fn line_changes(old: &str, new: &str) -> Vec<Hunk> {
    let diff = TextDiff::from_lines(old, new);
    diff.grouped_ops(CONTEXT)
        .iter()
        .map(|group| Hunk {
            lines: group
                .iter()
                .flat_map(|op| diff.iter_changes(op))
                .map(|change| DiffLine {
                    kind: match change.tag() {
                        ChangeTag::Equal => "same",
                        ChangeTag::Insert => "added",
                        ChangeTag::Delete => "removed",
                    },
                    text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(h: &Hunk) -> Vec<(&str, &str)> {
        h.lines.iter().map(|l| (l.kind, l.text.as_str())).collect()
    }

    #[test]
    fn the_same_text_has_no_hunks() {
        assert!(line_changes("a\nb\n", "a\nb\n").is_empty());
    }

    #[test]
    fn a_changed_line_shows_with_its_context_only() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 10\n", "line ten\n");
        let hunks = line_changes(&old, &new);
        assert_eq!(hunks.len(), 1);
        assert_eq!(
            kinds(&hunks[0]),
            [
                ("same", "line 7"),
                ("same", "line 8"),
                ("same", "line 9"),
                ("removed", "line 10"),
                ("added", "line ten"),
                ("same", "line 11"),
                ("same", "line 12"),
                ("same", "line 13"),
            ]
        );
    }

    #[test]
    fn changes_far_apart_are_separate_hunks() {
        let line = |i: i32| match i {
            2 => "two\n".to_owned(),
            29 => "twenty-nine\n".to_owned(),
            i => format!("{i}\n"),
        };
        let old: String = (1..=30).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=30).map(line).collect();
        assert_eq!(line_changes(&old, &new).len(), 2);
    }

    #[test]
    fn a_last_line_without_a_newline_is_one_line() {
        let hunks = line_changes("a", "b");
        assert_eq!(kinds(&hunks[0]), [("removed", "a"), ("added", "b")]);
    }
}
