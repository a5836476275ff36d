//! `t(key, name=value…)`: a message in the page's language, from a template.
//!
//! The page's language is the context's `lang` (English without one). Text
//! values are escaped with the message; values the template marked safe (a
//! `{% set %}` block of our own markup, such as the byline's linked time) go
//! in as they are, so a translation can place them anywhere in its sentence.

use minijinja::value::{Kwargs, Value};
use minijinja::{Error, State};

use super::{Arg, lang};

/// Stands in for the `n`th safe value while the message is escaped; from
/// Unicode's private use area, which no message file of ours holds.
fn placeholder(n: usize) -> char {
    char::from_u32(0xF0000 + n as u32).unwrap_or('\u{F0000}')
}

/// A value as the template gave it, owned while the message is made.
enum Given {
    Text(String),
    Number(i64),
}

pub fn t(state: &State, key: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let tag = state.lookup("lang");
    let lang = lang(tag.as_ref().and_then(Value::as_str).unwrap_or("en"));
    let names: Vec<String> = kwargs.args().map(str::to_owned).collect();
    let mut given = Vec::with_capacity(names.len());
    let mut safe = Vec::new();
    for name in &names {
        let value: Value = kwargs.get(name)?;
        let v = if value.is_safe() {
            safe.push(value.to_string());
            Given::Text(placeholder(safe.len() - 1).to_string())
        } else if let Some(n) = value.as_i64().filter(|_| value.is_number()) {
            Given::Number(n)
        } else {
            Given::Text(value.to_string())
        };
        given.push((name.as_str(), v));
    }
    let args: Vec<(&str, Arg<'_>)> = given
        .iter()
        .map(|(name, v)| match v {
            Given::Text(s) => (*name, Arg::Text(s)),
            Given::Number(n) => (*name, Arg::Number(*n)),
        })
        .collect();
    let mut html = tidings_render::escape_html(&lang.text(key, &args));
    for (n, markup) in safe.iter().enumerate() {
        html = html.replace(placeholder(n), markup);
    }
    Ok(Value::from_safe_string(html))
}
