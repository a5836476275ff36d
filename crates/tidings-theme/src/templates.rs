//! The theme's templates, embedded in the binary and auto-escaped.
//!
//! minijinja escapes every `{{ value }}` in `.html` templates; only fields that
//! hold HTML we produced ourselves (sanitised post bodies, escaped comment
//! bodies) are marked `|safe`, and their names end in `_html` to say so.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use minijinja::{AutoEscape, Environment, Value};

/// `(name, source)` of every template; names are what handlers render.
const SOURCES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("post.html", include_str!("../templates/post.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("sidebar.html", include_str!("../templates/sidebar.html")),
    (
        "gadgets/search.html",
        include_str!("../templates/gadgets/search.html"),
    ),
    (
        "gadgets/pages.html",
        include_str!("../templates/gadgets/pages.html"),
    ),
    (
        "gadgets/labels.html",
        include_str!("../templates/gadgets/labels.html"),
    ),
    (
        "gadgets/archive.html",
        include_str!("../templates/gadgets/archive.html"),
    ),
    (
        "gadgets/follow_by_email.html",
        include_str!("../templates/gadgets/follow_by_email.html"),
    ),
    (
        "gadgets/subscribe.html",
        include_str!("../templates/gadgets/subscribe.html"),
    ),
    (
        "gadgets/link_list.html",
        include_str!("../templates/gadgets/link_list.html"),
    ),
    (
        "gadgets/text.html",
        include_str!("../templates/gadgets/text.html"),
    ),
    (
        "gadgets/image.html",
        include_str!("../templates/gadgets/image.html"),
    ),
    (
        "gadgets/profile.html",
        include_str!("../templates/gadgets/profile.html"),
    ),
    (
        "gadgets/featured_post.html",
        include_str!("../templates/gadgets/featured_post.html"),
    ),
    (
        "gadgets/popular_posts.html",
        include_str!("../templates/gadgets/popular_posts.html"),
    ),
    (
        "notify_replies.html",
        include_str!("../templates/notify_replies.html"),
    ),
    (
        "mail_link.html",
        include_str!("../templates/mail_link.html"),
    ),
    (
        "admin/layout.html",
        include_str!("../templates/admin/layout.html"),
    ),
    (
        "admin/login.html",
        include_str!("../templates/admin/login.html"),
    ),
    (
        "admin/setup.html",
        include_str!("../templates/admin/setup.html"),
    ),
    (
        "admin/dashboard.html",
        include_str!("../templates/admin/dashboard.html"),
    ),
    (
        "admin/posts.html",
        include_str!("../templates/admin/posts.html"),
    ),
    (
        "admin/editor.html",
        include_str!("../templates/admin/editor.html"),
    ),
    (
        "admin/media.html",
        include_str!("../templates/admin/media.html"),
    ),
    (
        "admin/media_delete.html",
        include_str!("../templates/admin/media_delete.html"),
    ),
    (
        "admin/delete.html",
        include_str!("../templates/admin/delete.html"),
    ),
    (
        "admin/revision.html",
        include_str!("../templates/admin/revision.html"),
    ),
    (
        "admin/comments.html",
        include_str!("../templates/admin/comments.html"),
    ),
    (
        "admin/reply.html",
        include_str!("../templates/admin/reply.html"),
    ),
    (
        "admin/gadgets.html",
        include_str!("../templates/admin/gadgets.html"),
    ),
    (
        "admin/settings.html",
        include_str!("../templates/admin/settings.html"),
    ),
    (
        "admin/users.html",
        include_str!("../templates/admin/users.html"),
    ),
    (
        "admin/tokens.html",
        include_str!("../templates/admin/tokens.html"),
    ),
    (
        "admin/account.html",
        include_str!("../templates/admin/account.html"),
    ),
    (
        "admin/mail_link.html",
        include_str!("../templates/admin/mail_link.html"),
    ),
    (
        "admin/done.html",
        include_str!("../templates/admin/done.html"),
    ),
    (
        "admin/subscribers.html",
        include_str!("../templates/admin/subscribers.html"),
    ),
    (
        "admin/stats.html",
        include_str!("../templates/admin/stats.html"),
    ),
    (
        "admin/mail_prefs.html",
        include_str!("../templates/admin/mail_prefs.html"),
    ),
    (
        "admin/forgot.html",
        include_str!("../templates/admin/forgot.html"),
    ),
    (
        "admin/reset.html",
        include_str!("../templates/admin/reset.html"),
    ),
];

pub struct Templates {
    env: Environment<'static>,
    /// The size of each template's last page: the next one is written into a
    /// buffer that large from the start, instead of one grown by doubling
    /// from the template's own size (a page is ten times its template).
    last_len: HashMap<&'static str, AtomicUsize>,
}

/// The templates reader pages are drawn with: all but the admin's, which
/// no theme changes.
pub(crate) fn public_templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCES
        .iter()
        .copied()
        .filter(|(name, _)| !name.starts_with("admin/"))
}

/// An environment with our escaping, `static` (plain name → address with
/// the hash, `{{ static["simple.css"] }}`) and `t()`, and no templates yet.
fn environment(static_urls: Value) -> Environment<'static> {
    let mut env = Environment::new();
    // minijinja's HTML escaping also escapes `/`, which is safe but turns
    // every path into `&#x2f;…`; we escape exactly the five characters
    // that matter in element content and quoted attributes.
    env.set_formatter(|out, state, value| {
        if *state.auto_escape() == AutoEscape::Html
            && !value.is_safe()
            && let Some(s) = value.as_str()
        {
            return tidings_render::write_escaped(out, s).map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_global("static", static_urls);
    // `{{ t("key", name=value) }}`: a message in the context's `lang`.
    env.add_function("t", crate::i18n::template::t);
    env
}

impl Templates {
    pub fn new() -> Self {
        let urls = Value::from(minijinja::value::Serde(crate::files::urls()));
        let mut env = environment(urls);
        for (name, source) in SOURCES {
            env.add_template(name, source)
                .expect("embedded templates are valid; a test renders each");
        }
        Self::of(env)
    }

    /// A theme's templates (`own`, by path) over the built-in reader pages'
    /// ones, with `static` naming the theme's files too. A template of the
    /// theme that does not parse is told to `failed` and left out, so the
    /// built-in one of its name stays.
    pub(crate) fn themed(
        static_urls: std::collections::BTreeMap<String, String>,
        own: impl Iterator<Item = (String, String)>,
        mut failed: impl FnMut(&str, &minijinja::Error),
    ) -> Self {
        let mut env = environment(Value::from(minijinja::value::Serde(static_urls)));
        for (name, source) in public_templates() {
            env.add_template(name, source)
                .expect("embedded templates are valid; a test renders each");
        }
        for (name, source) in own {
            // Parsed before it replaces anything: on an error the built-in
            // template of that name is still in place.
            if let Err(e) = env.add_template_owned(name.clone(), source) {
                failed(&name, &e);
            }
        }
        Self::of(env)
    }

    fn of(env: Environment<'static>) -> Self {
        let last_len = SOURCES
            .iter()
            .map(|(name, _)| (*name, AtomicUsize::new(0)))
            .collect();
        Self { env, last_len }
    }

    /// Renders template `name` with `ctx`. An error is ours (a template
    /// asking for what its context lacks), never the reader's.
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, RenderError> {
        self.render_raw(name, ctx)
            .map_err(|e| RenderError(format!("template {name}: {e:#}")))
    }

    /// [`Self::render`] with minijinja's own error, which knows the
    /// template and line that failed.
    pub(crate) fn render_raw(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        let last_len = self.last_len.get(name);
        let hint = last_len.map_or(0, |n| n.load(Ordering::Relaxed));
        let mut out = Vec::with_capacity(hint + hint / 8);
        self.env
            .get_template(name)
            .and_then(|t| t.render_captured_to(ctx, &mut out))?;
        if let Some(n) = last_len {
            n.store(out.len(), Ordering::Relaxed);
        }
        String::from_utf8(out).map_err(|e| {
            minijinja::Error::new(minijinja::ErrorKind::BadSerialization, e.to_string())
        })
    }
}

/// A template that could not be rendered, with why.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(String);

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_parses() {
        // `Templates::new` adds each one and panics on a syntax error.
        let t = super::Templates::new();
        for (name, _) in super::SOURCES {
            assert!(t.env.get_template(name).is_ok(), "{name}");
        }
    }
}
