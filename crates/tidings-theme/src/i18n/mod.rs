//! Reader pages in the blog's language: the words from per-language Fluent
//! files (`locales/*.ftl`, with CLDR's plural rules), the dates from ICU4X
//! (`dates.rs`), and the direction the page runs.
//!
//! Each supported language is made once per process, when a page first asks
//! for it, and kept. A message a file lacks or cannot format is taken from
//! English, so a broken translation costs one string, never a page; the log
//! says so once per language and message.

mod dates;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use chrono::DateTime;
use chrono_tz::Tz;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use self::dates::Dates;

/// `(language, file)` of every message file, in `tidings_core::language::SUPPORTED`'s order.
const FILES: &[(&str, &str)] = &[
    ("ar", include_str!("../../locales/ar.ftl")),
    ("de", include_str!("../../locales/de.ftl")),
    ("en", include_str!("../../locales/en.ftl")),
    ("es", include_str!("../../locales/es.ftl")),
    ("fa", include_str!("../../locales/fa.ftl")),
    ("fr", include_str!("../../locales/fr.ftl")),
    ("he", include_str!("../../locales/he.ftl")),
    ("hi", include_str!("../../locales/hi.ftl")),
    ("id", include_str!("../../locales/id.ftl")),
    ("it", include_str!("../../locales/it.ftl")),
    ("ja", include_str!("../../locales/ja.ftl")),
    ("ko", include_str!("../../locales/ko.ftl")),
    ("nl", include_str!("../../locales/nl.ftl")),
    ("pl", include_str!("../../locales/pl.ftl")),
    ("pt", include_str!("../../locales/pt.ftl")),
    ("ru", include_str!("../../locales/ru.ftl")),
    ("sv", include_str!("../../locales/sv.ftl")),
    ("th", include_str!("../../locales/th.ftl")),
    ("tr", include_str!("../../locales/tr.ftl")),
    ("uk", include_str!("../../locales/uk.ftl")),
    ("vi", include_str!("../../locales/vi.ftl")),
    ("zh-CN", include_str!("../../locales/zh-CN.ftl")),
    ("zh-TW", include_str!("../../locales/zh-TW.ftl")),
];

/// English's place in [`FILES`]: what a tag no file serves reads in.
const ENGLISH: usize = 2;

/// A value a message takes: text, or a number (which picks a plural form).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

/// One supported language: its messages and its dates.
pub struct Lang {
    /// The supported language, as in `tidings_core::language::SUPPORTED`.
    pub code: &'static str,
    bundle: FluentBundle<FluentResource>,
    dates: Dates,
}

/// The language a blog whose tag is `tag` reads in (English for a tag no
/// file serves).
pub fn lang(tag: &str) -> &'static Lang {
    static LANGS: OnceLock<Vec<OnceLock<Lang>>> = OnceLock::new();
    let langs = LANGS.get_or_init(|| FILES.iter().map(|_| OnceLock::new()).collect());
    let code = tidings_core::messages_for(tag);
    let index = FILES
        .iter()
        .position(|(c, _)| *c == code)
        .unwrap_or(ENGLISH);
    langs[index].get_or_init(|| Lang::load(FILES[index].0, FILES[index].1))
}

fn english() -> &'static Lang {
    lang("en")
}

impl Lang {
    fn load(code: &'static str, source: &str) -> Self {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                // Each broken entry is left out; its messages come from English.
                tracing::warn!(language = code, ?errors, "message file has broken entries");
                r
            }
        };
        let id = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The Unicode isolation marks Fluent puts around values would sit
        // invisibly in titles, feeds and attribute values; our values are
        // names and numbers inside sentences of the page's own direction.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(language = code, ?errors, "message file repeats entries");
        }
        Self {
            code,
            bundle,
            dates: Dates::new(code),
        }
    }

    /// Message `key` with `args`, as plain text (the template escapes it).
    pub fn text(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(key, &fluent_args)
    }

    /// Message `key`, or English's when this language's is missing or
    /// broken (logged once), or the key itself when English lacks it too.
    fn format(&self, key: &str, args: &FluentArgs<'_>) -> String {
        if let Some(text) = self.try_format(key, args) {
            return text.into_owned();
        }
        warn_once(self.code, key);
        let en = english();
        match en.try_format(key, args) {
            Some(text) if !std::ptr::eq(en, self) => text.into_owned(),
            _ => key.to_owned(),
        }
    }

    fn try_format<'a>(&'a self, key: &str, args: &'a FluentArgs<'_>) -> Option<Cow<'a, str>> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors);
        errors.is_empty().then_some(text)
    }

    /// Whether pages in this language run right to left.
    pub fn right_to_left(&self) -> bool {
        tidings_core::is_right_to_left(self.code)
    }

    /// The date above a day's posts: `Wednesday, May 7, 2014`,
    /// `mercredi 7 mai 2014`, `2014년 5월 7일 수요일`.
    pub fn date_header(&self, at: &DateTime<Tz>) -> String {
        self.dates.date_header(at)
    }

    /// The time of day under a post: `5:08 PM`, `17:08`, `오후 5:08`.
    pub fn time(&self, at: &DateTime<Tz>) -> String {
        self.dates.time(at)
    }

    /// When a comment was written: `May 7, 2014 at 5:08 PM`.
    pub fn date_time(&self, at: &DateTime<Tz>) -> String {
        self.dates.date_time(at)
    }

    /// A month's name as the archive lists it (1 is January).
    pub fn month(&self, month: u32) -> String {
        self.dates.month(month)
    }
}

/// Logs, once per process for each language and message, that a message
/// fell back to English.
fn warn_once(code: &str, key: &str) {
    static WARNED: Mutex<Option<HashSet<(String, String)>>> = Mutex::new(None);
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    if warned
        .get_or_insert_with(HashSet::new)
        .insert((code.to_owned(), key.to_owned()))
    {
        tracing::warn!(
            language = code,
            message = key,
            "message missing or broken; shown in English"
        );
    }
}

pub(crate) mod template;

#[cfg(test)]
mod tests;
