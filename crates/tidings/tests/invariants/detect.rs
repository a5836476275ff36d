//! What each rule looks for in a line or a literal: SQL, role comparisons.

/// Whether a string literal is SQL: it starts with a statement's keyword
/// (any case) followed by what makes it a statement rather than a sentence
/// ("Create the admin account" is not: `CREATE` wants TABLE, INDEX…).
pub(crate) fn is_sql(literal: &str) -> bool {
    let words: Vec<String> = literal
        .split(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .filter(|w| !w.is_empty())
        .take(64)
        .map(str::to_ascii_uppercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let second = words.get(1).map(String::as_str).unwrap_or("");
    match words.first().map(String::as_str) {
        Some("SELECT") => has("FROM") || second.starts_with(['*', '$', '?', '1']),
        Some("INSERT") => second == "INTO" || second == "OR",
        Some("UPDATE") => words.get(2).is_some_and(|w| w == "SET"),
        Some("DELETE") => second == "FROM",
        Some("CREATE") => matches!(
            second,
            "TABLE" | "INDEX" | "UNIQUE" | "VIEW" | "TRIGGER" | "VIRTUAL" | "TEMP" | "TEMPORARY"
        ),
        Some("ALTER") => second == "TABLE" || second == "INDEX",
        Some("WITH") => second == "RECURSIVE" || words.get(2).is_some_and(|w| w == "AS"),
        _ => false,
    }
}

/// Whether a line of blanked code compares a role with `==`, `!=`, `<`,
/// `<=`, `>` or `>=`: an operand next to the operator is a `Role::…` path
/// or a value named `role` (`role`, `signed.role`, `self.role`, `new_role`).
pub(crate) fn compares_roles(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let op_len = match (b[i], b.get(i + 1)) {
            (b'=' | b'!' | b'<' | b'>', Some(b'=')) => 2,
            // `<` and `>` alone compare only with spaces around them (rustfmt's
            // style); generics, `->` and `=>` have none before.
            (b'<' | b'>', _) if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let left = operand_before(&line[..i]);
        let right = operand_after(&line[i + op_len..]);
        if [left, right].iter().any(|o| is_role(o)) {
            return true;
        }
        i += op_len;
    }
    false
}

pub(crate) fn operand_before(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ':'))
        .map_or(0, |n| n + 1);
    &s[start..]
}

pub(crate) fn operand_after(s: &str) -> &str {
    let s = s.trim_start();
    let s = s.strip_prefix('&').unwrap_or(s);
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ':'))
        .unwrap_or(s.len());
    &s[..end]
}

pub(crate) fn is_role(operand: &str) -> bool {
    let last = operand.rsplit(['.', ':']).next().unwrap_or("");
    operand.starts_with("Role::")
        || operand.contains("::Role::")
        || last == "role"
        || last.ends_with("_role")
}
