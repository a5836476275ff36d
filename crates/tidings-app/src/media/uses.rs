//! Where uploads are used: the posts whose saved bodies show them, as the
//! media page lists them and a delete warns of them. Titles of posts the
//! asker may not read (a contributor and another's draft) are counted, not
//! named, by the same rule as everywhere else (`permission::may_read_post`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use tidings_core::permission;
use tidings_store::{Media, MediaUse, Store};

use crate::{Actor, Error};

/// A post that shows an upload, one the asker may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub post_id: i64,
    pub title: String,
    /// Readers see it now.
    pub visible: bool,
}

/// The posts that show one upload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uses {
    /// Those the asker may read, newest first.
    pub posts: Vec<Use>,
    /// How many more the asker may not read.
    pub hidden: usize,
}

impl Uses {
    /// No post shows the upload.
    pub fn is_empty(&self) -> bool {
        self.posts.is_empty() && self.hidden == 0
    }
}

/// Where each of `media` (uploads of `blog_id`, one page of the list) is
/// used, by upload id; an upload no post shows has no entry.
pub async fn uses(
    store: &Store,
    by: Actor<'_>,
    blog_id: i64,
    media: &[Media],
    now: DateTime<Utc>,
) -> Result<HashMap<i64, Uses>, Error> {
    let (Some(first), Some(last)) = (
        media.iter().map(|m| m.id).min(),
        media.iter().map(|m| m.id).max(),
    ) else {
        return Ok(HashMap::new());
    };
    let mut out: HashMap<i64, Uses> = HashMap::new();
    for found in store.media_uses(blog_id, first, last, now).await? {
        let entry = out.entry(found.media_id).or_default();
        if may_read(by, &found) {
            entry.posts.push(Use {
                post_id: found.post_id,
                title: found.title,
                visible: found.visible,
            });
        } else {
            entry.hidden += 1;
        }
    }
    Ok(out)
}

fn may_read(by: Actor<'_>, found: &MediaUse) -> bool {
    match by {
        Actor::Operator => true,
        Actor::Member(user, role) => {
            permission::may_read_post(role, found.author_id == Some(user.id), found.visible)
        }
    }
}
