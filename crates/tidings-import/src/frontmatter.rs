//! Front matter of Jekyll and Hugo Markdown files: YAML between `---` lines
//! or TOML between `+++` lines, read into the few values a post needs.

use std::collections::BTreeMap;

use yaml_rust2::{Yaml, YamlLoader};

use crate::ParseError;

/// A front matter value, as far as we use it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Bool(bool),
    List(Vec<String>),
    /// A TOML date or date-time, as written.
    Date(String),
    Other,
}

impl Value {
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) | Value::Date(s) => Some(s),
            _ => None,
        }
    }

    /// A list, or a string of words (Jekyll's `tags: a b`) or of
    /// comma-separated items.
    pub fn items(&self) -> Vec<String> {
        match self {
            Value::List(l) => l.clone(),
            Value::Text(s) if s.contains(',') => {
                s.split(',').map(|x| x.trim().to_owned()).collect()
            }
            Value::Text(s) => s.split_whitespace().map(str::to_owned).collect(),
            _ => Vec::new(),
        }
    }

    pub fn truth(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            Value::Text(s) => match s.to_ascii_lowercase().as_str() {
                "true" | "yes" => Some(true),
                "false" | "no" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The front matter's keys (lower case) with their values and lines, and the
/// body after it with the line it starts on.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub fields: BTreeMap<String, (Value, u64)>,
    pub body: String,
    pub body_line: u64,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields.get(key).map(|(v, _)| v)
    }

    /// The line of `key`, for errors about its value.
    pub fn line(&self, key: &str) -> u64 {
        self.fields.get(key).map_or(1, |(_, l)| *l)
    }
}

/// Splits `text` into front matter and body; `Ok(None)` when the file has no
/// front matter (so it is not a post, as Jekyll sees it).
pub fn split(text: &str) -> Result<Option<FrontMatter>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("").trim_end();
    let toml = match first {
        "---" => false,
        "+++" => true,
        _ => return Ok(None),
    };
    let mut lines = text.split_inclusive('\n');
    let mut offset = lines.next().map_or(0, str::len);
    let start = offset;
    let mut n = 1u64;
    let end = loop {
        let Some(line) = lines.next() else {
            return Err(ParseError::at(
                1,
                format!("the front matter opened here with {first} is never closed"),
            ));
        };
        n += 1;
        if line.trim_end() == first || (!toml && line.trim_end() == "...") {
            break offset;
        }
        offset += line.len();
    };
    let head = &text[start..end];
    let after = end + text[end..].find('\n').map_or(text.len() - end, |i| i + 1);
    let fields = if toml {
        toml_fields(head)?
    } else {
        yaml_fields(head)?
    };
    Ok(Some(FrontMatter {
        fields,
        body: text[after..].to_owned(),
        body_line: n + 1,
    }))
}

/// The line (1-based, counting the opening `---`) where each top-level key is.
fn key_line(head: &str, key: &str) -> u64 {
    head.lines()
        .position(|l| {
            let l = l.trim_start_matches(['"', '\'']);
            l.len() > key.len()
                && l.is_char_boundary(key.len())
                && l[..key.len()].eq_ignore_ascii_case(key)
                && l[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with([':', '='])
        })
        .map_or(1, |i| i as u64 + 2)
}

fn yaml_fields(head: &str) -> Result<BTreeMap<String, (Value, u64)>, ParseError> {
    let docs = YamlLoader::load_from_str(head).map_err(|e| {
        ParseError::at(
            e.marker().line() as u64 + 1,
            format!("front matter: {}", e.info()),
        )
    })?;
    let mut out = BTreeMap::new();
    match docs.into_iter().next() {
        None | Some(Yaml::Null) => {}
        Some(Yaml::Hash(map)) => {
            for (k, v) in map {
                let Some(key) = scalar(&k) else { continue };
                let line = key_line(head, &key);
                out.insert(key.to_ascii_lowercase(), (yaml_value(&v), line));
            }
        }
        Some(_) => {
            return Err(ParseError::at(
                2,
                "front matter: expected `key: value` lines",
            ));
        }
    }
    Ok(out)
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn yaml_value(y: &Yaml) -> Value {
    match y {
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::List(items.iter().filter_map(scalar).collect()),
        other => scalar(other).map_or(Value::Other, Value::Text),
    }
}

fn toml_fields(head: &str) -> Result<BTreeMap<String, (Value, u64)>, ParseError> {
    let table: toml::Table = head.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map_or(0, |s| head[..s.start.min(head.len())].matches('\n').count());
        ParseError::at(line as u64 + 2, format!("front matter: {}", e.message()))
    })?;
    let mut out = BTreeMap::new();
    for (k, v) in table {
        let line = key_line(head, &k);
        out.insert(k.to_ascii_lowercase(), (toml_value(&v), line));
    }
    Ok(out)
}

fn toml_scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

fn toml_value(v: &toml::Value) -> Value {
    match v {
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::Date(d.to_string()),
        toml::Value::Array(items) => Value::List(items.iter().filter_map(toml_scalar).collect()),
        other => toml_scalar(other).map_or(Value::Other, Value::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_read_alike() {
        let y = split("---\ntitle: \"Hello: world\"\ntags: [a, b c]\ndraft: true\ndate: 2014-05-07 10:00:00 +0200\n---\nBody\n")
            .unwrap()
            .unwrap();
        assert_eq!(y.get("title").unwrap().text(), Some("Hello: world"));
        assert_eq!(y.get("tags").unwrap().items(), ["a", "b c"]);
        assert_eq!(y.get("draft").unwrap().truth(), Some(true));
        assert_eq!(
            y.get("date").unwrap().text(),
            Some("2014-05-07 10:00:00 +0200")
        );
        assert_eq!(y.line("date"), 5);
        assert_eq!(y.body, "Body\n");
        assert_eq!(y.body_line, 7);
        let t =
            split("+++\ntitle = \"Hello\"\ntags = [\"a\"]\ndate = 2014-05-07T10:00:00Z\n+++\nBody")
                .unwrap()
                .unwrap();
        assert_eq!(t.get("title").unwrap().text(), Some("Hello"));
        assert_eq!(t.get("date").unwrap().text(), Some("2014-05-07T10:00:00Z"));
        assert_eq!(t.body, "Body");
        let jekyll = split("---\ncategories: news  travel\n---\n")
            .unwrap()
            .unwrap();
        assert_eq!(
            jekyll.get("categories").unwrap().items(),
            ["news", "travel"]
        );
    }

    #[test]
    fn a_key_beside_a_multibyte_character_is_found() {
        // Found by fuzzing: looking for key `ab` on a line where its length
        // ends inside a character (`aé`) panicked.
        let fm = split("---\naé: 2\nab: 1\n---\n").unwrap().unwrap();
        assert_eq!(fm.line("aé"), 2);
        assert_eq!(fm.line("ab"), 3);
    }

    #[test]
    fn broken_front_matter_names_its_line() {
        assert_eq!(split("no front matter").unwrap().map(|f| f.body), None);
        assert_eq!(split("---\ntitle: x\n").unwrap_err().line, Some(1));
        let e = split("---\ntitle: x\ntags: [a, b\n---\n").unwrap_err();
        assert!(e.line.unwrap() >= 3, "{e}");
        let e = split("+++\ntitle = \"x\"\ndate = = 2\n+++\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
    }
}
