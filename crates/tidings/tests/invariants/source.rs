//! Reading the workspace's source: which files, and each file's code with
//! comments, string contents and test modules blanked (offsets kept).

use std::path::{Path, PathBuf};

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `crates/*/src`, as (path from the workspace root,
/// contents), tests' own modules excluded.
pub(crate) fn sources() -> Vec<(String, String)> {
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

pub(crate) fn read_dir(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    entries
}

pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for path in read_dir(dir) {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that are whole `#[cfg(test)] mod name;` modules.
pub(crate) fn test_only_files(files: &[(String, String)]) -> Vec<String> {
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
pub(crate) fn module_dir(rel: &str) -> String {
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
pub(crate) struct Lexed {
    pub(crate) code: String,
    pub(crate) strings: Vec<(usize, String)>,
}

pub(crate) fn lex(text: &str) -> Lexed {
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
pub(crate) fn raw_string_start(b: &[u8], i: usize) -> Option<(usize, usize)> {
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

pub(crate) fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

pub(crate) fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    (from..=b.len().saturating_sub(needle.len())).find(|&j| b[j..].starts_with(needle))
}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].bytes().filter(|&c| c == b'\n').count() + 1
}

/// Byte ranges of `#[cfg(test)] mod name { … }` in blanked code.
pub(crate) fn inline_test_modules(code: &str) -> Vec<(usize, usize)> {
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
