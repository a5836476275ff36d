//! Which theme draws each blog's pages on this node: the built-in one, or
//! a blog's own from `DATA_DIR/themes/NAME/`, compiled once when first
//! needed and kept until the blog's settings change.
//!
//! Every node reads its own data directory, so a theme must be there on
//! every node. A node learns that a blog's settings changed (on itself or
//! on another node) from the change log (`cache::follow`), which makes it
//! forget the blog's compiled theme; the next page reads the directory
//! again. Saving the settings with the same theme is how an owner asks for
//! an edited theme to be read again.

mod read;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tidings_core::BlogSettings;
use tidings_theme::{Problem, Theme, ThemeSource};

/// The themes this node draws blogs with.
pub struct Themes {
    /// `DATA_DIR/themes`; `None` (no data directory): only the built-in
    /// theme.
    dir: Option<PathBuf>,
    builtin: Arc<Theme>,
    kept: Mutex<Kept>,
}

/// Each blog's compiled theme, by blog id, and how many times themes were
/// forgotten: a theme read before a forget is not kept after it, so a page
/// that read the old files while the settings were saved leaves nothing
/// stale behind.
#[derive(Default)]
struct Kept {
    themes: HashMap<i64, Arc<Theme>>,
    forgets: u64,
}

impl Themes {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            builtin: Arc::new(Theme::builtin()),
            kept: Mutex::default(),
        }
    }

    /// The theme `blog`'s pages are drawn with; read from its directory
    /// and compiled if this node has not kept it since the blog's settings
    /// last changed.
    pub fn of(&self, blog: &BlogSettings) -> Arc<Theme> {
        if blog.theme.is_empty() {
            return Arc::clone(&self.builtin);
        }
        let forgets = {
            let kept = self.lock();
            if let Some(t) = kept.themes.get(&blog.id)
                && t.name() == blog.theme
            {
                return Arc::clone(t);
            }
            kept.forgets
        };
        // Read outside the lock: other blogs' pages do not wait for it.
        let theme = Arc::new(self.compile(&blog.theme));
        let mut kept = self.lock();
        if kept.forgets == forgets {
            kept.themes.insert(blog.id, Arc::clone(&theme));
        }
        theme
    }

    fn compile(&self, name: &str) -> Theme {
        let source = match &self.dir {
            Some(dir) => read::theme(&dir.join(name)),
            None => ThemeSource {
                problems: vec![Problem {
                    template: name.to_owned(),
                    line: None,
                    message: "this server has no data directory to read themes from".into(),
                }],
                ..Default::default()
            },
        };
        Theme::compile(name, source)
    }

    /// Forgets `blog_id`'s compiled theme: its settings changed.
    pub fn forget(&self, blog_id: i64) {
        let mut kept = self.lock();
        kept.themes.remove(&blog_id);
        kept.forgets += 1;
    }

    /// Forgets every compiled theme (the change log skipped ahead).
    pub fn forget_all(&self) {
        let mut kept = self.lock();
        kept.themes.clear();
        kept.forgets += 1;
    }

    /// The themes found in `DATA_DIR/themes`, by name.
    pub fn installed(&self) -> Vec<String> {
        self.dir.as_deref().map(read::names).unwrap_or_default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}
