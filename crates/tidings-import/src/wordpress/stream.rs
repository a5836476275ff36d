//! A WordPress export imported without holding it: read twice from start
//! to end. The first reading ([`outline`]) keeps the channel (its title,
//! language and authors), the attachments, which posts' galleries and
//! featured images name and which may come after them, and the nav menus;
//! the second ([`stream`]) hands each post and its comments over as it is
//! read, then the attachments, then the menus as gadgets.

use std::io::Read;

use chrono::Utc;
use tidings_core::BlogSettings;
use tidings_store::{ImportHead, ImportItem};

use super::batch::{Items, import_attachment};
use super::{Authors, WxrExport, by_author, read};
use crate::ParseError;

/// The first reading of a WordPress export: everything but its posts and
/// pages (its `items` are empty).
#[derive(Debug, Clone, Default)]
pub struct WxrOutline {
    pub export: WxrExport,
    authors: Authors,
    /// How many posts, pages, comments and attachments the import will write.
    pub items: u64,
}

/// Reads a WordPress export for its [`WxrOutline`], refusing it (with the
/// line) as [`super::parse`] would.
pub fn outline(input: impl Read) -> Result<WxrOutline, ParseError> {
    let mut authors = Authors::default();
    let mut items = 0;
    let export = read(input, &mut authors, |export| {
        for item in export.items.drain(..) {
            items += 1 + item.comments.len() as u64;
        }
        Ok(())
    })?;
    items += export.attachments.len() as u64;
    Ok(WxrOutline {
        export,
        authors,
        items,
    })
}

impl WxrOutline {
    /// What the store writes into `blog` before the items, and notes for
    /// the owner.
    pub fn head(&self, blog: &BlogSettings) -> (ImportHead, Vec<String>) {
        self.export.head(blog)
    }
}

/// Reads a WordPress export a second time, handing `send` each post or
/// page and then its comments as soon as it is read, then the attachments
/// and the nav menus' gadgets; what the conversion of posts says, for the
/// owner. An error of `send`
/// (the writer stopped) stops the reading.
pub fn stream(
    input: impl Read,
    outline: &WxrOutline,
    blog: &BlogSettings,
    mut send: impl FnMut(ImportItem) -> Result<(), ParseError>,
) -> Result<Vec<String>, ParseError> {
    let now = Utc::now();
    let mut notes = Vec::new();
    let mut items = Items::new(&outline.export, blog, now);
    // The first reading kept the authors, and said what the file has.
    let mut authors = Authors::default();
    read(input, &mut authors, |export| {
        for mut item in export.items.drain(..) {
            by_author(&mut item, &outline.authors);
            let (post, comments) = items.item(&item, &mut notes);
            send(ImportItem::Post(Box::new(post)))?;
            for c in comments {
                send(ImportItem::Comment(c))?;
            }
        }
        Ok(())
    })?;
    for a in &outline.export.attachments {
        send(ImportItem::Attachment(import_attachment(a, now)))?;
    }
    let gadgets = items.finish(&mut notes);
    if !gadgets.is_empty() {
        send(ImportItem::Gadgets(gadgets))?;
    }
    Ok(notes)
}
