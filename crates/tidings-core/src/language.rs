//! The blog's language: a BCP 47 tag, and which of the languages Tidings
//! speaks it reads in.
//!
//! The tag is kept as its owner (or the export they moved from) wrote it,
//! tidied (`pt_br` is `pt-BR`), because it is what `<html lang>` and the feeds
//! say; the messages and dates follow the supported language it falls under
//! (`pt-BR` reads Portuguese, `zh-Hant` traditional Chinese).

use crate::UnknownValue;

/// The languages reader pages are written in, by their message files' names.
pub const SUPPORTED: &[&str] = &[
    "ar", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "ru",
    "sv", "th", "tr", "uk", "vi", "zh-CN", "zh-TW",
];

/// [`SUPPORTED`] as a refusal lists it (a test keeps the two equal).
const ALLOWED: &str = "BCP 47 tags of these languages: ar, de, en, es, fa, fr, he, hi, id, it, \
     ja, ko, nl, pl, pt, ru, sv, th, tr, uk, vi, zh-CN, zh-TW (a region such as pt-BR may follow)";

/// The longest tag kept; real ones are a dozen characters.
const MAX_TAG: usize = 35;

/// `tag` tidied (`_` as `-`, each subtag in its conventional case, Blogger's
/// old `iw` and `in` as `he` and `id`), or why it will not do: not a tag, or
/// a language Tidings does not speak.
pub fn parse_language(tag: &str) -> Result<String, UnknownValue> {
    let refused = || UnknownValue {
        what: "language",
        allowed: ALLOWED,
        got: tag.to_owned(),
    };
    let trimmed = tag.trim();
    if trimmed.is_empty() || trimmed.len() > MAX_TAG {
        return Err(refused());
    }
    let mut parts = Vec::new();
    for (i, sub) in trimmed.split(['-', '_']).enumerate() {
        let fits =
            !sub.is_empty() && sub.len() <= 8 && sub.bytes().all(|b| b.is_ascii_alphanumeric());
        if !fits || (i == 0 && !(2..=3).contains(&sub.len())) {
            return Err(refused());
        }
        parts.push(subtag_case(i, sub));
    }
    parts[0] = match parts[0].as_str() {
        "iw" => "he".to_owned(),
        "in" => "id".to_owned(),
        _ => parts[0].clone(),
    };
    let tidied = parts.join("-");
    if !SUPPORTED
        .iter()
        .any(|s| s.split('-').next() == Some(parts[0].as_str()))
    {
        return Err(refused());
    }
    Ok(tidied)
}

/// A subtag in BCP 47's conventional case: the language lower, a script
/// title case (`Hant`), a region upper (`BR`).
fn subtag_case(index: usize, sub: &str) -> String {
    let is_alpha = sub.bytes().all(|b| b.is_ascii_alphabetic());
    match sub.len() {
        4 if index > 0 && is_alpha => {
            let lower = sub.to_ascii_lowercase();
            lower[..1].to_ascii_uppercase() + &lower[1..]
        }
        2 if index > 0 && is_alpha => sub.to_ascii_uppercase(),
        _ => sub.to_ascii_lowercase(),
    }
}

/// The supported language a tidied `tag` reads in: Chinese by its script or
/// region (traditional for `Hant`, Taiwan, Hong Kong and Macau), the rest by
/// the language alone; English for anything else (a tag stored before this
/// check, say).
pub fn messages_for(tag: &str) -> &'static str {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("en");
    if language == "zh" {
        let traditional = parts.any(|p| matches!(p, "Hant" | "TW" | "HK" | "MO"));
        return if traditional { "zh-TW" } else { "zh-CN" };
    }
    SUPPORTED
        .iter()
        .find(|s| **s == language)
        .copied()
        .unwrap_or("en")
}

/// Whether pages in `tag` run right to left.
pub fn is_right_to_left(tag: &str) -> bool {
    matches!(messages_for(tag), "ar" | "fa" | "he")
}

/// The OpenGraph locale of a tidied `tag` (`language_TERRITORY`, as link
/// previews read it): its own region when it names one, else the region
/// where most of the language's readers live.
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("en");
    if let Some(region) = parts.find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return format!("{language}_{region}");
    }
    let region = match messages_for(tag) {
        "ar" => "AR",
        "en" => "US",
        "fa" => "IR",
        "he" => "IL",
        "hi" => "IN",
        "ja" => "JP",
        "ko" => "KR",
        "pt" => "BR",
        "sv" => "SE",
        "uk" => "UA",
        "vi" => "VN",
        "zh-CN" => "CN",
        "zh-TW" => "TW",
        other => return format!("{other}_{}", other.to_ascii_uppercase()),
    };
    format!("{language}_{region}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_tidied_and_resolved() {
        assert_eq!(parse_language("pt_br").unwrap(), "pt-BR");
        assert_eq!(parse_language(" FR ").unwrap(), "fr");
        assert_eq!(parse_language("zh-hant-tw").unwrap(), "zh-Hant-TW");
        assert_eq!(parse_language("iw").unwrap(), "he");
        assert_eq!(parse_language("es-419").unwrap(), "es-419");
        assert_eq!(messages_for("zh-Hant-TW"), "zh-TW");
        assert_eq!(messages_for("zh-HK"), "zh-TW");
        assert_eq!(messages_for("zh"), "zh-CN");
        assert_eq!(messages_for("pt-BR"), "pt");
        assert_eq!(messages_for("xx"), "en");
        assert!(is_right_to_left("ar-EG"));
        assert!(!is_right_to_left("fr"));
        assert_eq!(og_locale("fr"), "fr_FR");
        assert_eq!(og_locale("pt-BR"), "pt_BR");
        assert_eq!(og_locale("ko"), "ko_KR");
        assert_eq!(og_locale("zh-Hant"), "zh_TW");
        assert_eq!(og_locale("en"), "en_US");
    }

    #[test]
    fn unknown_tags_are_refused_listing_the_supported() {
        for bad in [
            "",
            "klingon",
            "x",
            "fr--",
            "de-ÄÖ",
            "tlh",
            "en-verylongsubtag",
        ] {
            let e = parse_language(bad).unwrap_err();
            assert!(e.to_string().contains("zh-TW"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_refusal_lists_every_supported_language() {
        let listed = ALLOWED
            .split(": ")
            .nth(1)
            .unwrap()
            .split(" (")
            .next()
            .unwrap();
        assert_eq!(listed.split(", ").collect::<Vec<_>>(), SUPPORTED);
    }
}
