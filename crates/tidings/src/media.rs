//! `tidings import wordpress --fetch-media`: copies of an imported blog's
//! files in the data directory (`media/BLOG_ID/2011/07/img.jpg`), which the
//! web layer serves at `/media/2011/07/img.jpg`.
//!
//! Fetching runs after the import has committed and never undoes it: a file
//! that cannot be fetched is reported on its own line and keeps its old
//! address, in the attachment and in every post. Running the command again
//! fetches only the attachments still without a copy.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use tidings_import::media::{PREFIX, local_path, numbered, old_urls};
use tidings_store::{Attachment, LocalCopy};

/// The largest file fetched: 1 GiB (videos are big; an endless answer is not
/// kept).
const MAX_FILE_BYTES: u64 = 1 << 30;
/// How long one file may take, from connecting to the last byte.
const FILE_TIMEOUT: Duration = Duration::from_secs(600);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// What a fetch did: copies made, and each failure as `URL: why`.
#[derive(Debug, Default)]
pub struct Fetched {
    pub copies: Vec<LocalCopy>,
    pub failed: Vec<String>,
}

/// The directory `blog_id`'s copies live in, under the data directory.
pub fn blog_dir(data: &Path, blog_id: i64) -> PathBuf {
    data.join("media").join(blog_id.to_string())
}

/// Fetches every attachment of `all` that has no copy yet into `dir`,
/// calling `progress` after each. Blocking: run it off the async runtime.
pub fn fetch(dir: &Path, all: &[Attachment], progress: &dyn Fn()) -> Fetched {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(FILE_TIMEOUT))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .user_agent(concat!(
            "Tidings/",
            env!("CARGO_PKG_VERSION"),
            " (moving in)"
        ))
        .build()
        .into();
    let mut taken: HashSet<String> = all.iter().filter_map(|a| a.local_path.clone()).collect();
    let mut out = Fetched::default();
    for a in all.iter().filter(|a| a.local_path.is_none()) {
        let wanted = local_path(&a.url).unwrap_or_else(|| format!("{PREFIX}attachment-{}", a.id));
        let mut path = wanted.clone();
        let mut n = 2;
        while taken.contains(&path) {
            path = numbered(&wanted, n);
            n += 1;
        }
        match fetch_one(&agent, &a.url, &dir.join(&path[PREFIX.len()..])) {
            Ok(mime_type) => {
                taken.insert(path.clone());
                out.copies.push(LocalCopy {
                    attachment_id: a.id,
                    local_path: path,
                    mime_type,
                    old_urls: old_urls(&a.url),
                });
            }
            Err(e) => out.failed.push(format!("{}: {e:#}", a.url)),
        }
        progress();
    }
    out
}

/// Downloads `url` to `file` (through a `.part` file, so a failure never
/// leaves half a file under the real name) and answers the Content-Type the
/// server gave, if any.
fn fetch_one(agent: &ureq::Agent, url: &str, file: &Path) -> anyhow::Result<Option<String>> {
    let mut response = agent.get(url).call()?;
    let mime_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty() && v != "application/octet-stream");
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let mut part = file.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    let written = (|| -> anyhow::Result<()> {
        let mut out = std::fs::File::create(&part)
            .with_context(|| format!("cannot write {}", part.display()))?;
        let mut body = response
            .body_mut()
            .with_config()
            .limit(MAX_FILE_BYTES)
            .reader();
        std::io::copy(&mut body, &mut out)?;
        out.flush()?;
        out.sync_all()?;
        std::fs::rename(&part, file).with_context(|| format!("cannot write {}", file.display()))?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    written.map(|()| mime_type)
}
