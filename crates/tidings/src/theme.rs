//! `tidings theme export NAME`: the built-in theme written out as files, a
//! starting point for a theme of one's own (docs/themes.md).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::cli::ThemeExportArgs;

/// Writes the built-in theme to `DATA/themes/NAME/`, printing each file.
/// A new theme's files are written to a folder aside and moved in whole,
/// so a failure leaves no half theme; `--force` writes each file aside and
/// moves it over the old one.
pub fn export(data: &Path, args: &ThemeExportArgs) -> anyhow::Result<()> {
    tidings_core::blog::check_theme_name(&args.name).map_err(anyhow::Error::msg)?;
    let themes = data.join("themes");
    let target = themes.join(&args.name);
    if target.exists() && !args.force {
        bail!(
            "{} exists already: pass --force to write the built-in theme's files over it",
            target.display()
        );
    }
    let staging = themes.join(format!(".{}.partial", args.name));
    let _ = std::fs::remove_dir_all(&staging);
    let written = write_all(&staging).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&staging);
    })?;
    if target.exists() {
        for path in &written {
            let to = target.join(path);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::rename(staging.join(path), &to)
                .with_context(|| format!("cannot write {}", to.display()))?;
        }
        let _ = std::fs::remove_dir_all(&staging);
    } else {
        std::fs::rename(&staging, &target)
            .with_context(|| format!("cannot create {}", target.display()))?;
    }
    for path in &written {
        println!("wrote {}", target.join(path).display());
    }
    println!(
        "theme {name}: {} files in {}; set the blog's theme to {name} (admin settings, or PATCH /api/v1/blog) to use it",
        written.len(),
        target.display(),
        name = args.name
    );
    Ok(())
}

/// Writes every file of the built-in theme under `dir`; answers their
/// paths in the theme.
fn write_all(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (path, body) in tidings_theme::builtin_files() {
        let file = dir.join(&path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&file, body).with_context(|| format!("cannot write {}", file.display()))?;
        written.push(PathBuf::from(path));
    }
    Ok(written)
}
