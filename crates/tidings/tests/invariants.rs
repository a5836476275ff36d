//! ARCHITECTURE.md's invariants, checked against the workspace's source.
//!
//! Each rule reads the non-test code of `crates/*/src` (comments, string
//! contents and `#[cfg(test)]` modules left out, unless a rule is about
//! strings) and fails naming the file and line that broke it. Code that
//! breaks a rule today is named in [`KNOWN`] with its reason and how many
//! times it may; a file breaking a rule more often than that, or a new file
//! breaking it, fails, and so does an allowance nothing uses any more (take
//! it out, so the list stays the truth).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Known exceptions: (rule, file, how many places, why). Each is a step the
/// structure issue has still to take; remove the line when it is taken.
const KNOWN: &[(Rule, &str, usize, &str)] = &[
    (
        Rule::Backend,
        "crates/tidings-store/src/lib.rs",
        4,
        "Store::open picks the pool's checks and the SQLite read pool by backend",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/changes.rs",
        2,
        "the change log's sequence lock and LISTEN/NOTIFY exist only on PostgreSQL",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/exec.rs",
        3,
        "each transaction type says which backend it runs on",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/export.rs",
        1,
        "backups copy SQLite files only (VACUUM INTO); PostgreSQL has pg_dump",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/migrate.rs",
        2,
        "each backend has its own folder of migrations",
    ),
    (
        Rule::Routes,
        "crates/tidings-web/src/admin/mod.rs",
        18,
        "the admin's routes, nested under /admin by routes.rs",
    ),
    (
        Rule::Routes,
        "crates/tidings-web/src/api/mod.rs",
        8,
        "the API's routes, nested under /api/v1 by routes.rs",
    ),
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Rule {
    /// SQL text only in `tidings-store`.
    Sql,
    /// `Backend::` only in `tidings-store/src/dialect.rs`.
    Backend,
    /// Roles compared only in `tidings-core/src/permission.rs`.
    Roles,
    /// `.route(` and `.nest(` only in `tidings-web/src/routes.rs`.
    Routes,
    /// HTTP crates only as dependencies of `tidings-web` (and the binary's
    /// two named uses).
    Http,
}

impl Rule {
    fn says(self) -> &'static str {
        match self {
            Rule::Sql => "SQL text belongs in tidings-store",
            Rule::Backend => {
                "backend differences belong in tidings-store/src/dialect.rs (`Backend::`)"
            }
            Rule::Roles => {
                "roles are compared only in tidings-core/src/permission.rs (ask `permission::may_…`)"
            }
            Rule::Routes => "every route is listed in tidings-web/src/routes.rs",
            Rule::Http => "only tidings-web knows HTTP (Cargo.toml [dependencies])",
        }
    }
}

/// One place a rule was broken: the file (from the workspace root), the line
/// (1-based) and the line's text.
struct Breach {
    file: String,
    line: usize,
    text: String,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `crates/*/src`, as (path from the workspace root,
/// contents), tests' own modules excluded.
fn sources() -> Vec<(String, String)> {
    let root = workspace();
    let mut files = Vec::new();
    for krate in read_dir(&root.join("crates")) {
        let src = krate.join("src");
        if src.is_dir() {
            walk(&src, &mut files);
        }
    }
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&root)
                .expect("under the workspace")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (rel, text)
        })
        .collect();
    let test_only = test_only_files(&out);
    out.retain(|(rel, _)| !test_only.contains(rel));
    out.sort();
    out
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    entries
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in read_dir(dir) {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that are whole `#[cfg(test)] mod name;` modules.
fn test_only_files(files: &[(String, String)]) -> Vec<String> {
    let mut test_only = Vec::new();
    for (rel, text) in files {
        let lexed = lex(text);
        let code = &lexed.code;
        let mut from = 0;
        while let Some(at) = code[from..].find("#[cfg(test)]") {
            let after = from + at + "#[cfg(test)]".len();
            let rest = code[after..].trim_start();
            if let Some(decl) = rest.strip_prefix("mod ") {
                let name: String = decl
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if decl[name.len()..].trim_start().starts_with(';') {
                    let dir = module_dir(rel);
                    test_only.push(format!("{dir}/{name}.rs"));
                    test_only.push(format!("{dir}/{name}/mod.rs"));
                }
            }
            from = after;
        }
    }
    test_only
}

/// The directory a file's `mod x;` declarations are found in.
fn module_dir(rel: &str) -> String {
    let (dir, file) = rel.rsplit_once('/').expect("a path with a directory");
    match file {
        "lib.rs" | "main.rs" | "mod.rs" => dir.to_owned(),
        other => format!("{dir}/{}", other.trim_end_matches(".rs")),
    }
}

/// A source file split for the rules: `code` is the text with comments and
/// the contents of string and character literals replaced by spaces (line
/// breaks kept, so offsets and lines stay the same) and inline
/// `#[cfg(test)]` modules blanked too; `strings` are the literals outside
/// those modules, each with the line it starts on.
struct Lexed {
    code: String,
    strings: Vec<(usize, String)>,
}

fn lex(text: &str) -> Lexed {
    let b = text.as_bytes();
    let mut code = Vec::with_capacity(b.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Blanks `b[from..to]` into `code`, keeping line breaks.
    let blank = |code: &mut Vec<u8>, line: &mut usize, from: usize, to: usize| {
        for &c in &b[from..to] {
            if c == b'\n' {
                *line += 1;
                code.push(b'\n');
            } else {
                code.push(b' ');
            }
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
            blank(&mut code, &mut line, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut code, &mut line, i, j);
            i = j;
        } else if let Some((open, hashes)) = raw_string_start(b, i) {
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let body = i + open;
            let end = find(b, body, &close).unwrap_or(b.len());
            strings.push((line, text[body..end].to_owned()));
            code.extend_from_slice(&b[i..body]);
            blank(&mut code, &mut line, body, end);
            let stop = (end + close.len()).min(b.len());
            code.extend_from_slice(&b[end..stop]);
            i = stop;
        } else if c == b'"' || (c == b'b' && b.get(i + 1) == Some(&b'"') && !ident_before(b, i)) {
            let body = if c == b'"' { i + 1 } else { i + 2 };
            let mut j = body;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(b.len());
            strings.push((line, text[body..end].to_owned()));
            code.extend_from_slice(&b[i..body]);
            blank(&mut code, &mut line, body, end);
            if end < b.len() {
                code.push(b'"');
            }
            i = end + 1;
        } else if c == b'\'' {
            // A character literal ('x', '\n', '\''), or a lifetime ('a).
            let end = if b.get(i + 1) == Some(&b'\\') {
                find(b, i + 3, b"'").map(|e| e + 1)
            } else {
                let width = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + width) == Some(&b'\'')).then_some(i + 2 + width)
            };
            match end {
                Some(end) => {
                    blank(&mut code, &mut line, i, end);
                    i = end;
                }
                None => {
                    code.push(c);
                    i += 1;
                }
            }
        } else {
            if c == b'\n' {
                line += 1;
            }
            code.push(c);
            i += 1;
        }
    }
    let mut code = String::from_utf8(code).expect("blanking keeps UTF-8: whole characters only");
    let mut kept = strings;
    for (from, to) in inline_test_modules(&code) {
        let first = line_of(&code, from);
        let last = line_of(&code, to);
        kept.retain(|(l, _)| *l < first || *l > last);
        let blanked: String = code[from..to]
            .bytes()
            .map(|c| if c == b'\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(from..to, &blanked);
    }
    Lexed {
        code,
        strings: kept,
    }
}

/// `r"`, `r#"`, `br#"`…: the length of the opening and the number of `#`s.
fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
    if ident_before(b, i) {
        return None;
    }
    let mut j = i;
    if b.get(j) == Some(&b'b') {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
    j += hashes;
    (b.get(j) == Some(&b'"')).then_some((j + 1 - i, hashes))
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..=b.len().saturating_sub(needle.len())).find(|&j| b[j..].starts_with(needle))
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].bytes().filter(|&c| c == b'\n').count() + 1
}

/// Byte ranges of `#[cfg(test)] mod name { … }` in blanked code.
fn inline_test_modules(code: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(test)]") {
        let start = from + at;
        let after = start + "#[cfg(test)]".len();
        from = after;
        let rest = code[after..].trim_start();
        if !rest.starts_with("mod ") {
            continue;
        }
        let Some(open) = code[after..].find(['{', ';']).map(|n| after + n) else {
            continue;
        };
        if code.as_bytes()[open] == b';' {
            continue;
        }
        let mut depth = 0;
        for (n, c) in code[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        found.push((start, open + n + 1));
                        from = open + n + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// Whether a string literal is SQL: it starts with a statement's keyword
/// (any case) followed by what makes it a statement rather than a sentence
/// ("Create the admin account" is not: `CREATE` wants TABLE, INDEX…).
fn is_sql(literal: &str) -> bool {
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
fn compares_roles(line: &str) -> bool {
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

fn operand_before(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ':'))
        .map_or(0, |n| n + 1);
    &s[start..]
}

fn operand_after(s: &str) -> &str {
    let s = s.trim_start();
    let s = s.strip_prefix('&').unwrap_or(s);
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == ':'))
        .unwrap_or(s.len());
    &s[..end]
}

fn is_role(operand: &str) -> bool {
    let last = operand.rsplit(['.', ':']).next().unwrap_or("");
    operand.starts_with("Role::")
        || operand.contains("::Role::")
        || last == "role"
        || last.ends_with("_role")
}

/// Breaches of one rule in the code of every file but `allowed`.
fn code_breaches(
    allowed: &[&str],
    mut broken: impl FnMut(&str) -> bool,
) -> BTreeMap<String, Vec<Breach>> {
    let mut found: BTreeMap<String, Vec<Breach>> = BTreeMap::new();
    for (rel, text) in sources() {
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let lexed = lex(&text);
        for (n, (code, original)) in lexed.code.lines().zip(text.lines()).enumerate() {
            if broken(code) {
                found.entry(rel.clone()).or_default().push(Breach {
                    file: rel.clone(),
                    line: n + 1,
                    text: original.trim().to_owned(),
                });
            }
        }
    }
    found
}

/// Compares what was found with [`KNOWN`]; panics with every difference.
fn judge(rule: Rule, found: BTreeMap<String, Vec<Breach>>) {
    let mut report = String::new();
    for (file, breaches) in &found {
        let allowance = KNOWN
            .iter()
            .find(|(r, f, _, _)| *r == rule && f == file)
            .map_or(0, |k| k.2);
        if breaches.len() > allowance {
            let _ = writeln!(
                report,
                "{file}: {} places, {allowance} allowed:",
                breaches.len()
            );
            for b in breaches {
                let _ = writeln!(report, "  {}:{}: {}", b.file, b.line, b.text);
            }
        }
    }
    for (r, file, allowance, why) in KNOWN {
        let now = found.get(*file).map_or(0, Vec::len);
        if *r == rule && now < *allowance {
            let _ = writeln!(
                report,
                "{file}: {allowance} places are allowed ({why}) but {now} remain: \
                 lower or remove its line in KNOWN (tests/invariants.rs)"
            );
        }
    }
    assert!(report.is_empty(), "{}:\n{report}", rule.says());
}

#[test]
fn sql_is_written_only_in_the_store() {
    let mut found: BTreeMap<String, Vec<Breach>> = BTreeMap::new();
    let mut in_store = 0;
    for (rel, text) in sources() {
        for (line, literal) in lex(&text).strings {
            if !is_sql(literal.trim_start()) {
                continue;
            }
            if rel.starts_with("crates/tidings-store/") {
                in_store += 1;
                continue;
            }
            let first = literal.trim().lines().next().unwrap_or("");
            found.entry(rel.clone()).or_default().push(Breach {
                file: rel.clone(),
                line,
                text: format!("\"{first}…\""),
            });
        }
    }
    // The detector must see the store's own SQL, or it would pass anything.
    assert!(
        in_store > 50,
        "the SQL detector found only {in_store} statements in tidings-store"
    );
    judge(Rule::Sql, found);
}

#[test]
fn backend_differences_live_in_the_dialect() {
    let found = code_breaches(&["crates/tidings-store/src/dialect.rs"], |code| {
        code.contains("Backend::")
    });
    judge(Rule::Backend, found);
}

#[test]
fn roles_are_compared_only_by_the_permission_rules() {
    let found = code_breaches(&["crates/tidings-core/src/permission.rs"], compares_roles);
    judge(Rule::Roles, found);
}

#[test]
fn every_route_is_in_routes_rs() {
    let found = code_breaches(&["crates/tidings-web/src/routes.rs"], |code| {
        [".route(", ".nest(", ".route_service(", ".nest_service("]
            .iter()
            .any(|m| code.contains(m))
    });
    judge(Rule::Routes, found);
}

/// Crates that speak HTTP, as servers or clients.
const HTTP_CRATES: &[&str] = &[
    "axum",
    "h2",
    "http",
    "http-body",
    "http-body-util",
    "hyper",
    "hyper-util",
    "reqwest",
    "tower",
    "tower-http",
    "tower-service",
    "ureq",
];

/// HTTP crates a crate other than tidings-web may depend on, and why.
const HTTP_ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/tidings/Cargo.toml",
        "axum",
        "`tidings render` sends each address through tidings-web's router in-process",
    ),
    (
        "crates/tidings/Cargo.toml",
        "tower",
        "`tidings render` calls the router with `ServiceExt::oneshot`",
    ),
    (
        "crates/tidings/Cargo.toml",
        "ureq",
        "`import wordpress --fetch-media` downloads attachments",
    ),
];

#[test]
fn only_the_web_crate_knows_http() {
    let root = workspace();
    let mut report = String::new();
    for krate in read_dir(&root.join("crates")) {
        let manifest = krate.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let rel = manifest
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "crates/tidings-web/Cargo.toml" {
            continue;
        }
        for (n, name) in dependencies(&text) {
            let name = name.as_str();
            if !HTTP_CRATES.contains(&name) {
                continue;
            }
            if HTTP_ALLOWED
                .iter()
                .any(|(file, krate, _)| *file == rel && *krate == name)
            {
                continue;
            }
            let _ = writeln!(report, "  {rel}:{n}: depends on {name}");
        }
    }
    assert!(report.is_empty(), "{}:\n{report}", Rule::Http.says());
}

/// Each crate's layer: a crate depends only on crates of lower layers, so
/// dependencies point one way (toward the domain) and nothing below the
/// web crate can reach HTTP through another crate.
const LAYERS: &[(&str, u8)] = &[
    ("tidings-core", 0),
    ("tidings-render", 1),
    ("tidings-feeds", 1),
    ("tidings-store", 1),
    ("tidings-app", 2),
    ("tidings-import", 3),
    ("tidings-web", 3),
    ("tidings", 4),
];

#[test]
fn dependencies_point_one_way() {
    let root = workspace();
    let mut report = String::new();
    for (krate, layer) in LAYERS {
        let rel = if *krate == "tidings" {
            "crates/tidings/Cargo.toml".to_owned()
        } else {
            format!("crates/{krate}/Cargo.toml")
        };
        let text = std::fs::read_to_string(root.join(&rel))
            .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        for (n, dep) in dependencies(&text) {
            if let Some((_, theirs)) = LAYERS.iter().find(|(name, _)| *name == dep) {
                if theirs >= layer {
                    let _ = writeln!(report, "  {rel}:{n}: {krate} depends on {dep}");
                }
            } else if dep.starts_with("tidings") {
                let _ = writeln!(report, "  {rel}:{n}: {dep} has no layer in LAYERS");
            }
        }
    }
    for krate in read_dir(&root.join("crates")) {
        let name = krate
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if krate.join("Cargo.toml").is_file() && !LAYERS.iter().any(|(n, _)| *n == name) {
            let _ = writeln!(report, "  crates/{name}: a crate with no layer in LAYERS");
        }
    }
    assert!(
        report.is_empty(),
        "dependencies point from the binary toward tidings-core only:\n{report}"
    );
}

#[test]
fn the_pure_crates_do_no_io() {
    const PURE: &[&str] = &[
        "crates/tidings-core/",
        "crates/tidings-render/",
        "crates/tidings-feeds/",
    ];
    const IO: &[&str] = &[
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::io::std",
        "tokio::",
        "sqlx::",
        "rusqlite::",
        "File::",
    ];
    let mut report = String::new();
    for (rel, text) in sources() {
        if !PURE.iter().any(|p| rel.starts_with(p)) {
            continue;
        }
        for (n, (code, original)) in lex(&text).code.lines().zip(text.lines()).enumerate() {
            if IO.iter().any(|io| code.contains(io)) {
                let _ = writeln!(report, "  {rel}:{}: {}", n + 1, original.trim());
            }
        }
    }
    assert!(
        report.is_empty(),
        "tidings-core, tidings-render and tidings-feeds do no I/O:\n{report}"
    );
}

/// The `[dependencies]` (and target-specific dependencies) of a manifest, as
/// (line, crate name); dev-dependencies are the tests' own business.
fn dependencies(manifest: &str) -> Vec<(usize, String)> {
    let mut section = String::new();
    let mut found = Vec::new();
    for (n, line) in manifest.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_owned();
            continue;
        }
        if section != "dependencies" && !section.ends_with(".dependencies") {
            continue;
        }
        let name = line
            .split(['=', '.'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if !name.is_empty() && !name.starts_with('#') {
            found.push((n + 1, name.to_owned()));
        }
    }
    found
}

#[test]
fn the_rules_see_what_they_look_for() {
    assert!(is_sql("SELECT id, title FROM posts WHERE blog_id = $1"));
    assert!(is_sql("select 1"));
    assert!(is_sql("INSERT INTO changes (blog_id) VALUES ($1)"));
    assert!(is_sql("UPDATE posts SET title = $1"));
    assert!(is_sql("delete from sessions"));
    assert!(is_sql("CREATE INDEX x ON y (z)"));
    assert!(is_sql("WITH t AS (SELECT 1) SELECT * FROM t"));
    assert!(!is_sql("Create the admin account"));
    assert!(!is_sql("Delete a post with its comments"));
    assert!(!is_sql("Select a role"));
    assert!(!is_sql("with a session"));

    assert!(compares_roles("if signed.role >= Role::Author {"));
    assert!(compares_roles("if self.role >= role {"));
    assert!(compares_roles("role == Role::Admin"));
    assert!(compares_roles("Role::Contributor != member.role"));
    assert!(compares_roles("if role < Role::Admin {"));
    assert!(compares_roles("x == tidings_core::Role::Admin"));
    assert!(!compares_roles("fn f(role: Role) -> Option<Role> {"));
    assert!(!compares_roles(
        "let r: Vec<Role> = roles.iter().map(|x| x.role).collect();"
    ));
    assert!(!compares_roles("Role::Admin => \"admin\","));
    assert!(!compares_roles(
        "permission::may_publish(signed.role) == false"
    ));

    let lexed = lex("let a = \"SELECT 1\"; // Backend::Sqlite\nlet c = '\"'; let s = r#\"x\"#;\n");
    assert_eq!(
        lexed.strings,
        vec![(1, "SELECT 1".to_owned()), (2, "x".to_owned())]
    );
    assert!(!lexed.code.contains("Backend"));
    let lexed =
        lex("fn f() {}\n#[cfg(test)]\nmod tests {\n    fn g() { \"SELECT 1\"; }\n}\nfn h() {}\n");
    assert!(lexed.strings.is_empty());
    assert!(lexed.code.contains("fn h()") && !lexed.code.contains("fn g()"));
}
