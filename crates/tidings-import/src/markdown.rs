//! Jekyll and Hugo sites: Markdown files with front matter (`---` YAML or
//! `+++` TOML) become posts and pages.
//!
//! Read from the front matter: `title`, `date` (else the `YYYY-MM-DD-` of a
//! Jekyll file name), `lastmod`/`last_modified_at`/`updated`, `tags` and
//! `categories` (both become labels), `draft: true` or `published: false`
//! (and files under `_drafts/`), `slug` (else the file or bundle name),
//! `permalink`/`url` (an address Tidings serves as it is, `/YYYY/MM/x.html`
//! or `/p/x.html`, is kept; any other becomes a 301), `aliases` and
//! `redirect_from` (301s), `author`, and `layout`/`type: page` for pages. A
//! file with no date at all is a page. Files without front matter are not
//! posts (as Jekyll sees them) and are skipped with a note.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use tidings_core::{BlogSettings, PostKind, post_path, slugify};
use tidings_render::{html_to_text, markdown_to_html, try_markdown_to_html};
use tidings_store::{ImportBatch, ImportPost};

use crate::blogger::served_path;
use crate::frontmatter::{FrontMatter, split};
use crate::{ParseError, dedup_labels, one_line, url_path};

/// Whether a file (by its path inside the site, `/`-separated) is content.
pub fn is_content(rel: &str) -> bool {
    let markdown = [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| rel.to_ascii_lowercase().ends_with(ext));
    let parts: Vec<&str> = rel.split('/').collect();
    // Jekyll's and Hugo's own folders (`_layouts`, `_site`, `node_modules`,
    // `.git`) hold no posts; `_posts` and `_drafts` do.
    let skipped_dir = parts[..parts.len() - 1].iter().any(|d| {
        d.starts_with('.')
            || *d == "node_modules"
            || (d.starts_with('_') && !matches!(*d, "_posts" | "_drafts"))
    });
    markdown && !skipped_dir
}

/// Reads the Markdown files of a site (paths inside it, contents) into the
/// batch the store writes into `blog`, with the `language` its settings
/// file names (`site_config`), and notes for the owner. A file that
/// cannot be read is the error, with its path.
pub fn to_batch(
    files: &[(String, Vec<u8>)],
    blog: &BlogSettings,
    language: Option<String>,
) -> Result<(ImportBatch, Vec<String>), (String, ParseError)> {
    let mut notes = Vec::new();
    let mut posts = Vec::new();
    for (rel, bytes) in files {
        let fail = |e: ParseError| (rel.clone(), e);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            fail(ParseError::at(line as u64 + 1, "not UTF-8 text"))
        })?;
        // The file is the item: the error names it and the line.
        if let Some((at, ch)) = tidings_core::xml_chars::find_forbidden(text) {
            let line = text[..at].matches('\n').count() as u64 + 1;
            let e = tidings_core::xml_chars::ForbiddenChar {
                field: "the file".into(),
                ch,
            };
            return Err(fail(ParseError::at(line, e.to_string())));
        }
        let file_name = rel.rsplit('/').next().unwrap_or(rel);
        if file_name.starts_with("_index.") {
            notes.push(format!("{rel}: skipped, a Hugo section list"));
            continue;
        }
        let Some(fm) = split(text).map_err(fail)? else {
            notes.push(format!("{rel}: skipped, it has no front matter"));
            continue;
        };
        let post = post(rel, &fm, blog.timezone, &mut notes).map_err(fail)?;
        // A quoted YAML or TOML string may spell one with an escape (`"\v"`).
        if let Some(e) = front_matter_forbidden(&post) {
            return Err(fail(ParseError {
                line: None,
                message: format!("front matter: {e}"),
            }));
        }
        posts.push(post);
    }
    Ok((
        ImportBatch {
            blog_id: blog.id,
            source: "markdown",
            settings: language
                .filter(|l| *l != blog.language)
                .map(|language| BlogSettings {
                    language,
                    ..blog.clone()
                }),
            posts,
            comments: Vec::new(),
            attachments: Vec::new(),
            held_comment_mail: Vec::new(),
            layout: None,
            gadgets: Vec::new(),
        },
        notes,
    ))
}

/// The first text front matter set that XML cannot carry, by field.
fn front_matter_forbidden(p: &ImportPost) -> Option<tidings_core::xml_chars::ForbiddenChar> {
    [
        ("title", p.title.as_str()),
        ("slug", p.slug.as_str()),
        ("path", p.path.as_str()),
        ("author", p.author_name.as_str()),
    ]
    .into_iter()
    .chain(p.labels.iter().map(|l| ("labels", l.as_str())))
    .chain(p.redirects.iter().map(|r| ("aliases", r.as_str())))
    .find_map(|(field, value)| tidings_core::xml_chars::check(field, value).err())
}

/// `_posts/2014-05-07-hello.md` → (2014-05-07, `hello`); `hello/index.md` →
/// (none, `hello`); `about.md` → (none, `about`).
fn name_parts(rel: &str) -> (Option<NaiveDate>, String) {
    let mut parts = rel.rsplit('/');
    let file = parts.next().unwrap_or(rel);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let stem = if stem == "index" {
        parts.next().unwrap_or(stem)
    } else {
        stem
    };
    match (stem.get(..10), stem.get(10..11), stem.get(11..)) {
        (Some(d), Some("-"), Some(rest)) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) => (Some(date), rest.to_owned()),
            Err(_) => (None, stem.to_owned()),
        },
        _ => (None, stem.to_owned()),
    }
}

/// The date forms Jekyll and Hugo sites use; times without an offset are in
/// the blog's zone.
pub fn parse_date(s: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M %z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The post or page one file (`rel`, its path in the directory) becomes.
fn post(
    rel: &str,
    fm: &FrontMatter,
    tz: Tz,
    notes: &mut Vec<String>,
) -> Result<ImportPost, ParseError> {
    let front = Front { fm, tz };
    let (name_date, name_slug) = name_parts(rel);
    let date = front.date_of("date")?.or_else(|| {
        name_date
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|n| tz.from_local_datetime(&n).earliest())
            .map(|t| t.with_timezone(&Utc))
    });
    let updated = front.updated()?;
    let layout = front.text("layout").or(front.text("type")).unwrap_or("");
    let kind = if layout.eq_ignore_ascii_case("page") || date.is_none() {
        PostKind::Page
    } else {
        PostKind::Post
    };
    let published_at = date.or(updated).unwrap_or_else(Utc::now);
    let draft = fm.get("draft").and_then(|v| v.truth()) == Some(true)
        || fm.get("published").and_then(|v| v.truth()) == Some(false)
        || rel.split('/').any(|d| d == "_drafts");
    let title = one_line(front.text("title").unwrap_or(&name_slug));
    let (slug, path, exact, redirects) = front.address(kind, published_at, &name_slug);
    let html = try_markdown_to_html(&fm.body).unwrap_or_else(|e| {
        notes.push(crate::flattened_note(rel, e));
        markdown_to_html(&fm.body)
    });
    let author = front.author();
    Ok(ImportPost {
        external_id: rel.to_owned(),
        id: None,
        kind,
        title,
        slug,
        path,
        exact_path: exact,
        body_text: html_to_text(&html),
        teaser_html: teaser(&front, &html),
        body_html: html,
        body_markdown: Some(fm.body.clone()),
        labels: front.labels(),
        draft,
        published_at,
        updated_at: updated.unwrap_or(published_at),
        author_aliases: author.iter().cloned().collect(),
        author_name: author.unwrap_or_else(|| "Unknown".into()),
        redirects,
        parent: None,
        menu_order: 0,
        sticky: false,
        // Hugo's `description` (or `summary`), Jekyll's `description`.
        description: crate::description(
            front
                .text("description")
                .or_else(|| front.text("summary"))
                .unwrap_or_default(),
        ),
        noindex: false,
        comments: tidings_core::PostComments::Open,
        password_hash: None,
        featured_image: String::new(),
        featured_image_html: String::new(),
    })
}

/// What list pages show of the post: Hugo's `summary` from the front matter
/// (Markdown) when it has one, else the body up to its `<!--more-->`.
fn teaser(front: &Front<'_>, html: &str) -> String {
    match front.text("summary").filter(|s| !s.is_empty()) {
        Some(summary) => markdown_to_html(summary).trim().to_owned(),
        None => tidings_render::teaser(html).unwrap_or_default(),
    }
}

/// A file's front matter, read in the blog's zone `tz`.
struct Front<'a> {
    fm: &'a FrontMatter,
    tz: Tz,
}

impl Front<'_> {
    /// The value of `k` as trimmed text.
    fn text(&self, k: &str) -> Option<&str> {
        self.fm.get(k).and_then(|v| v.text()).map(str::trim)
    }

    /// The date in `k`, if there is one; one we cannot read is an error
    /// naming the key and its line.
    fn date_of(&self, k: &str) -> Result<Option<DateTime<Utc>>, ParseError> {
        match self.text(k).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => parse_date(s, self.tz).map(Some).ok_or_else(|| {
                ParseError::at(
                    self.fm.line(k),
                    format!("{k}: {s:?} is not a date like 2014-05-07 or 2014-05-07T10:00:00Z"),
                )
            }),
        }
    }

    /// The last change, under whichever name the generator gives it.
    fn updated(&self) -> Result<Option<DateTime<Utc>>, ParseError> {
        Ok(["lastmod", "last_modified_at", "updated", "modified"]
            .iter()
            .map(|k| self.date_of(k))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .next())
    }

    /// Categories and tags together, each once.
    fn labels(&self) -> Vec<String> {
        dedup_labels(
            ["categories", "category", "tags"]
                .iter()
                .filter_map(|k| self.fm.get(k))
                .flat_map(|v| v.items()),
        )
    }

    /// The author's name, from `author` or the first of `authors`.
    fn author(&self) -> Option<String> {
        self.text("author")
            .map(str::to_owned)
            .or_else(|| {
                self.fm
                    .get("authors")
                    .and_then(|v| v.items().into_iter().next())
            })
            .map(|a| one_line(&a))
            .filter(|a| !a.is_empty())
    }

    /// `(slug, path, exact, redirects)`: the permalink when we serve such a
    /// path, else a path of ours with the permalink among the old addresses
    /// (aliases and `redirect_from`) that redirect to it.
    fn address(
        &self,
        kind: PostKind,
        published_at: DateTime<Utc>,
        name_slug: &str,
    ) -> (String, String, bool, Vec<String>) {
        let mut redirects: Vec<String> = ["aliases", "redirect_from"]
            .iter()
            .filter_map(|k| self.fm.get(k))
            .flat_map(|v| v.items())
            .filter_map(|a| old_path(&a))
            .collect();
        let permalink = self
            .text("permalink")
            .or(self.text("url"))
            .and_then(old_path);
        let slug = slugify(self.text("slug").unwrap_or(name_slug));
        let (slug, path, exact) = match permalink.as_deref().and_then(served_path) {
            Some((slug, path)) => (slug, path, true),
            None => {
                redirects.extend(permalink);
                let path = post_path(kind, published_at, self.tz, &slug);
                (slug, path, false)
            }
        };
        redirects.retain(|r| *r != path);
        redirects.dedup();
        (slug, path, exact, redirects)
    }
}

/// An old address from front matter: a path (`/2014/05/x/`) or a URL.
fn old_path(s: &str) -> Option<String> {
    let s = s.trim();
    if s.starts_with('/') && !s.starts_with("//") {
        return Some(s.split('#').next().unwrap_or(s).to_owned());
    }
    url_path(s).filter(|p| p != "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_escapes_are_checked_too() {
        let tz: Tz = "UTC".parse().unwrap();
        let parsed = |text: &str| {
            let fm = split(text).unwrap().unwrap();
            post("_posts/2020-01-02-bell.md", &fm, tz, &mut Vec::new()).unwrap()
        };
        let bad = parsed("---\ntitle: \"Bell\\x01\"\ntags: [\"a\\uFFFF\"]\n---\nBody\n");
        let e = front_matter_forbidden(&bad).unwrap();
        assert_eq!((e.field.as_str(), e.ch), ("title", '\u{1}'));
        let fine = parsed("---\ntitle: \"Bell\"\ntags: [a]\n---\nBody\n");
        assert!(front_matter_forbidden(&fine).is_none());
    }

    #[test]
    fn names_and_dates() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            name_parts("_posts/2014-05-07-hello-world.md"),
            (d("2014-05-07"), "hello-world".into())
        );
        assert_eq!(name_parts("posts/bundle/index.md"), (None, "bundle".into()));
        assert_eq!(name_parts("about.markdown"), (None, "about".into()));
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let utc = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            parse_date("2014-05-07 10:00:00 +0200", berlin),
            Some(utc("2014-05-07T08:00:00Z"))
        );
        assert_eq!(
            parse_date("2014-05-07", berlin),
            Some(utc("2014-05-06T22:00:00Z"))
        );
        assert_eq!(
            parse_date("2014-05-07T10:00:00Z", berlin),
            Some(utc("2014-05-07T10:00:00Z"))
        );
        assert_eq!(parse_date("May 7", berlin), None);
        assert!(is_content("_posts/a.md"));
        assert!(is_content("content/posts/x/index.md"));
        assert!(!is_content("_layouts/a.md"));
        assert!(!is_content("node_modules/x/README.md"));
        assert!(!is_content("img/a.png"));
    }
}
