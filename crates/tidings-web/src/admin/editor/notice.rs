//! What the editor says after each action: the status a save left the post
//! in, told apart from the one it had ("Updated" for a published post
//! changed, not a stale "Published."), and a restore from the trash.

use tidings_core::{Post, PostStatus};

use crate::admin::session::Signed;

/// What a save (or a restore) did, as the editor then says it: a post
/// changed while published is "Updated", not "Published" again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Done {
    Draft,
    /// Submitted for review.
    Submitted,
    Unpublished,
    Scheduled,
    Published,
    Updated,
    Restored,
    /// A revision's title, body and labels put back.
    RevisionRestored,
}

impl Done {
    /// What a save that turned `before` (none: a new post) into `after` did.
    pub(super) fn of(before: Option<PostStatus>, after: PostStatus) -> Self {
        match (before, after) {
            (Some(PostStatus::Published | PostStatus::Scheduled), PostStatus::Draft) => {
                Self::Unpublished
            }
            (_, PostStatus::Draft) => Self::Draft,
            (_, PostStatus::Pending) => Self::Submitted,
            (_, PostStatus::Scheduled) => Self::Scheduled,
            (Some(PostStatus::Published), PostStatus::Published) => Self::Updated,
            (_, PostStatus::Published) => Self::Published,
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Unpublished => "unpublished",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
            Self::Updated => "updated",
            Self::Restored => "restored",
            Self::RevisionRestored => "revision",
        }
    }

    pub(super) fn notice(self, post: &Post, signed: &Signed) -> String {
        let tz = signed.site.blog.timezone;
        match self {
            Self::Draft => "Saved as a draft.".to_owned(),
            Self::Submitted => {
                "Submitted for review: an admin is told, and publishes it or sends it back."
                    .to_owned()
            }
            Self::Unpublished => "Unpublished: saved as a draft.".to_owned(),
            Self::Scheduled => format!(
                "Scheduled for {}.",
                post.published_at
                    .with_timezone(&tz)
                    .format("%A, %B %-d, %Y at %H:%M")
            ),
            Self::Published => "Published.".to_owned(),
            Self::Updated => "Updated.".to_owned(),
            Self::Restored => "Restored from the trash.".to_owned(),
            Self::RevisionRestored => {
                "Revision restored; the version it replaced is kept under Revisions.".to_owned()
            }
        }
    }
}

impl std::str::FromStr for Done {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        [
            Self::Draft,
            Self::Submitted,
            Self::Unpublished,
            Self::Scheduled,
            Self::Published,
            Self::Updated,
            Self::Restored,
            Self::RevisionRestored,
        ]
        .into_iter()
        .find(|d| d.as_str() == s)
        .ok_or(())
    }
}
