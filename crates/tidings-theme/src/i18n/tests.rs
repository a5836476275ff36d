use chrono::TimeZone;
use fluent_bundle::FluentResource;

use super::*;

/// The message ids a file defines, read from its lines (`id = …`).
fn ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| id.starts_with(|c: char| c.is_ascii_lowercase()) && !id.contains(' '))
        .collect()
}

/// Every value any message takes.
const ARGS: &[(&str, Arg<'static>)] = &[
    ("count", Arg::Number(3)),
    ("author", Arg::Text("A")),
    ("time", Arg::Text("T")),
    ("name", Arg::Text("N")),
    ("year", Arg::Text("2014")),
    ("month", Arg::Text("M")),
    ("label", Arg::Text("L")),
    ("query", Arg::Text("Q")),
    ("blog", Arg::Text("B")),
    ("post", Arg::Text("P")),
    ("email", Arg::Text("E")),
    ("days", Arg::Number(7)),
    ("duration", Arg::Text("D")),
    ("url", Arg::Text("U")),
    ("link", Arg::Text("K")),
    ("reasons", Arg::Text("R")),
];

#[test]
fn files_follow_the_supported_languages() {
    let codes: Vec<&str> = FILES.iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, tidings_core::language::SUPPORTED);
    assert_eq!(FILES[ENGLISH].0, "en");
}

#[test]
fn every_file_parses_and_has_every_message() {
    let english = ids(FILES[ENGLISH].1);
    assert!(english.len() > 60, "{english:?}");
    for (code, source) in FILES {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("{code}.ftl has broken entries: {errors:?}");
        }
        let lang = lang(code);
        let mut args = FluentArgs::new();
        for (name, value) in ARGS {
            match value {
                Arg::Text(s) => args.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            }
        }
        for id in &english {
            // Found in the file itself, formatted with no error: not English's.
            assert!(
                lang.try_format(id, &args).is_some(),
                "{code}.ftl: {id} missing or broken"
            );
        }
        for id in ids(source) {
            assert!(
                english.contains(&id),
                "{code}.ftl has {id}, English does not"
            );
        }
    }
}

#[test]
fn counts_take_each_language_s_plural_forms() {
    let count =
        |code: &str, n: i64| lang(code).text("comments-heading", &[("count", Arg::Number(n))]);
    assert_eq!(count("en", 0), "No comments:");
    assert_eq!(count("en", 1), "1 comment:");
    assert_eq!(count("en", 2), "2 comments:");
    assert_eq!(count("ru", 1), "1 комментарий:");
    assert_eq!(count("ru", 3), "3 комментария:");
    assert_eq!(count("ru", 5), "5 комментариев:");
    assert_eq!(count("ru", 21), "21 комментарий:");
    assert_eq!(count("pl", 22), "22 komentarze:");
    assert_eq!(count("pl", 25), "25 komentarzy:");
    assert_eq!(count("ar", 2), "تعليقان:");
    assert_eq!(count("ar", 3), "3 تعليقات:");
    assert_eq!(count("ar", 11), "11 تعليقًا:");
    assert_eq!(count("ar", 100), "100 تعليق:");
    assert_eq!(count("fr", 0), "Aucun commentaire :");
    assert_eq!(count("ko", 4), "댓글 4개:");
}

#[test]
fn dates_follow_each_language_s_patterns() {
    let at = chrono_tz::Tz::UTC
        .with_ymd_and_hms(2014, 5, 7, 17, 8, 0)
        .unwrap();
    assert_eq!(lang("en").date_header(&at), "Wednesday, May 7, 2014");
    assert_eq!(lang("en").time(&at), "5:08 PM");
    assert_eq!(lang("en").date_time(&at), "May 7, 2014 at 5:08 PM");
    assert_eq!(lang("fr").date_header(&at), "mercredi 7 mai 2014");
    assert_eq!(lang("fr").time(&at), "17:08");
    assert_eq!(lang("ko").date_header(&at), "2014년 5월 7일 수요일");
    assert_eq!(lang("ko").time(&at), "오후 5:08");
    assert_eq!(lang("ar").month(5), "مايو");
    assert_eq!(lang("pt-BR").month(5), "maio");
    assert_eq!(lang("de").month(13), "13");
    // Every language has its own data, and none formats in English.
    for code in tidings_core::language::SUPPORTED {
        let header = lang(code).date_header(&at);
        assert!(
            *code == "en" || !header.contains("Wednesday"),
            "{code}: {header}"
        );
        assert!(lang(code).dates.is_cldr() || *code == "en", "{code}");
    }
}

#[test]
fn tags_read_in_their_language() {
    assert_eq!(lang("pt-BR").code, "pt");
    assert_eq!(lang("zh-Hant").code, "zh-TW");
    assert_eq!(lang("zh").code, "zh-CN");
    assert_eq!(lang("tlh").code, "en");
    assert!(lang("he").right_to_left());
    assert!(!lang("ja").right_to_left());
}

#[test]
fn a_broken_message_falls_back_to_english() {
    // A message that names a variable it is not given fails to format; one
    // the file lacks is not found; a line Fluent cannot parse is left out.
    let broken = Lang::load(
        "fr",
        "home = Accueil { $missing }\nreply = Répondre\nnewer-post = { -broken\n",
    );
    assert_eq!(broken.text("home", &[]), "Home");
    assert_eq!(broken.text("reply", &[]), "Répondre");
    assert_eq!(broken.text("newer-post", &[]), "Newer Post");
    assert_eq!(broken.text("no-such-message", &[]), "no-such-message");
}
