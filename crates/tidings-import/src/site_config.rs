//! A Markdown site's own settings file, for what a blog keeps of it: the
//! language, from Hugo's `languageCode` or `defaultContentLanguage`
//! (`hugo.toml`, `config.toml` or their YAML) or Jekyll's `lang`
//! (`_config.yml`). The binary reads the file; this reads its text.

use yaml_rust2::{Yaml, YamlLoader};

/// The settings files looked for at the site's root, in this order.
pub const FILES: &[&str] = &[
    "hugo.toml",
    "config.toml",
    "hugo.yaml",
    "hugo.yml",
    "config.yaml",
    "config.yml",
    "_config.yml",
];

/// The keys that name the site's language, the most precise first.
const KEYS: &[&str] = &["languagecode", "defaultcontentlanguage", "lang", "locale"];

/// The language the settings file `name` with `text` names, tidied, when
/// it names one Tidings speaks.
pub fn language(name: &str, text: &str) -> Option<String> {
    let named = if name.ends_with(".toml") {
        let table: toml::Table = text.parse().ok()?;
        KEYS.iter().find_map(|k| {
            table
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .and_then(|(_, v)| v.as_str().map(str::to_owned))
        })
    } else {
        let Some(Yaml::Hash(map)) = YamlLoader::load_from_str(text).ok()?.into_iter().next() else {
            return None;
        };
        KEYS.iter().find_map(|k| {
            map.iter()
                .find(|(key, _)| key.as_str().is_some_and(|s| s.eq_ignore_ascii_case(k)))
                .and_then(|(_, v)| v.as_str().map(str::to_owned))
        })
    };
    tidings_core::parse_language(&named?).ok()
}

#[cfg(test)]
mod tests {
    use super::language;

    #[test]
    fn hugo_and_jekyll_name_the_language() {
        let hugo = "baseURL = 'https://example.org/'\nlanguageCode = 'fr-fr'\ntitle = 'x'\n";
        assert_eq!(language("hugo.toml", hugo).as_deref(), Some("fr-FR"));
        let hugo = "defaultContentLanguage = 'ja'\n";
        assert_eq!(language("config.toml", hugo).as_deref(), Some("ja"));
        let jekyll = "title: Blog\nlang: pt_BR\n";
        assert_eq!(language("_config.yml", jekyll).as_deref(), Some("pt-BR"));
        assert_eq!(language("_config.yml", "title: none\n"), None);
        assert_eq!(language("hugo.toml", "languageCode = 'tlh'\n"), None);
        assert_eq!(language("hugo.toml", "not = [toml"), None);
    }
}
