//! A Blogger export imported without holding it: read twice from start to
//! end. The first reading ([`outline`]) keeps what the items depend on and
//! may come after them (the settings, the template, the trash, how many
//! comments each trashed post has); the second ([`stream`]) hands each post
//! and comment over as it is read.

use std::collections::HashMap;
use std::io::Read;

use tidings_core::BlogSettings;
use tidings_store::{ImportHead, ImportItem};

use super::{BloggerExport, BloggerPlan, read};
use crate::ParseError;

/// The first reading of a Blogger export: everything but the posts and
/// comments it will stream (its `posts` are those in Blogger's trash,
/// without their bodies; its `comments` are empty).
#[derive(Debug, Clone, Default)]
pub struct BloggerOutline {
    pub export: BloggerExport,
    /// How many comments each post has, by post id.
    comments: HashMap<String, usize>,
    /// How many posts and comments the second reading will meet.
    pub items: u64,
}

/// Reads a Blogger export for its [`BloggerOutline`], refusing it (with the
/// line) as [`super::parse`] would.
pub fn outline(input: impl Read) -> Result<BloggerOutline, ParseError> {
    let mut comments: HashMap<String, usize> = HashMap::new();
    let mut trashed = Vec::new();
    let mut items = 0;
    let mut export = read(input, |export| {
        for mut p in export.posts.drain(..) {
            items += 1;
            if p.trashed {
                p.html = String::new();
                trashed.push(p);
            }
        }
        for c in export.comments.drain(..) {
            items += 1;
            *comments.entry(c.post).or_default() += 1;
        }
        Ok(())
    })?;
    export.posts = trashed;
    Ok(BloggerOutline {
        export,
        comments,
        items,
    })
}

impl BloggerOutline {
    /// What the store writes before the items, how each is to be made, and
    /// notes for the owner.
    pub fn plan(&self, blog: &BlogSettings) -> (ImportHead, BloggerPlan, Vec<String>) {
        self.export
            .plan(blog, |id| self.comments.get(id).copied().unwrap_or(0))
    }
}

/// Reads a Blogger export a second time, handing `send` each post and
/// comment as `plan` makes it, as soon as it is read; what the file says
/// about posts, for the owner. An error of `send` (the writer stopped)
/// stops the reading.
pub fn stream(
    input: impl Read,
    plan: &BloggerPlan,
    mut send: impl FnMut(ImportItem) -> Result<(), ParseError>,
) -> Result<Vec<String>, ParseError> {
    let mut notes = Vec::new();
    read(input, |export| {
        for p in export.posts.drain(..) {
            if let Some(post) = plan.post(&p, &mut notes) {
                send(ImportItem::Post(Box::new(post)))?;
            }
        }
        for c in export.comments.drain(..) {
            if let Some(comment) = plan.comment(&c) {
                send(ImportItem::Comment(comment))?;
            }
        }
        Ok(())
    })?;
    Ok(notes)
}
