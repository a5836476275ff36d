//! The words of every mail, in the blog's language: the `mail-*` messages
//! of the reader pages' Fluent files (`tidings_theme::i18n`), so a
//! translation of the blog is one file per language and each is checked
//! for every message by the theme's tests. What a mail quotes (names,
//! titles, comments, the reasons a comment was held) stays as written.

use chrono::Duration;
use tidings_core::BlogSettings;
use tidings_theme::i18n::{self, Arg, Lang};

/// The messages of one blog's language.
#[derive(Clone, Copy)]
pub(super) struct Words(&'static Lang);

impl Words {
    pub(super) fn of(blog: &BlogSettings) -> Self {
        Self(i18n::lang(&blog.language))
    }

    /// Message `key` with its text `args`.
    pub(super) fn t(self, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Text(v))).collect();
        self.0.text(key, &args)
    }

    /// How long a link works, in whole days ("7 days", "7 jours").
    pub(super) fn days(self, lifetime: Duration) -> String {
        self.0
            .text("mail-days", &[("days", Arg::Number(lifetime.num_days()))])
    }

    /// The `<html>` element's `lang` and `dir` for an HTML part.
    pub(super) fn html_lang(self) -> (&'static str, &'static str) {
        let dir = if self.0.right_to_left() { "rtl" } else { "ltr" };
        (self.0.code, dir)
    }
}
