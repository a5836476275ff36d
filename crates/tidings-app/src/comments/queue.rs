//! The comment queue: what the owner's side reads and decides. Opening a
//! [`Queue`] is the check that the person may moderate at all; each comment
//! is then checked against its post (an author moderates their own posts'
//! comments only).

use tidings_core::{CommentStatus, Role, permission};
use tidings_store::{CommentFilter, CommentListing, Store, StoreError, User};

use crate::Error;

/// The member acting on the queue, with their role on this blog.
#[derive(Debug, Clone, Copy)]
pub struct Moderator<'a> {
    pub user: &'a User,
    pub role: Role,
}

/// An owner's decision on a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Spam,
    /// Kept as `deleted`, so replies keep their thread and the owner can
    /// see what was removed.
    Delete,
}

impl Decision {
    fn status(self) -> CommentStatus {
        match self {
            Self::Approve => CommentStatus::Published,
            Self::Spam => CommentStatus::Spam,
            Self::Delete => CommentStatus::Deleted,
        }
    }
}

/// One blog's comment queue, opened by someone who may read it.
pub struct Queue<'a> {
    pub(super) store: &'a Store,
    pub(super) blog_id: i64,
    pub(super) by: Moderator<'a>,
}

impl<'a> Queue<'a> {
    /// The queue of `blog_id` for `by`, refused unless their role moderates
    /// some comments. Refused before any lookup, so a refusal does not tell
    /// which comments exist either.
    pub fn open(store: &'a Store, blog_id: i64, by: Moderator<'a>) -> Result<Self, Error> {
        if !permission::may_read_queue(by.role) {
            return Err(Error::Forbidden(format!(
                "Your role ({}) may not moderate comments.",
                by.role.as_str()
            )));
        }
        Ok(Self { store, blog_id, by })
    }

    /// The comments `filter` selects (its blog is the queue's), newest first,
    /// and how many there are in all.
    pub async fn list(&self, filter: CommentFilter) -> Result<(Vec<CommentListing>, i64), Error> {
        let filter = CommentFilter {
            blog_id: self.blog_id,
            ..filter
        };
        let items = self.store.list_comments(&filter).await?;
        let total = self.store.count_comments(&filter).await?;
        Ok((items, total))
    }

    /// Comment `id`, if this person may moderate it (it may be held).
    pub async fn comment(&self, id: i64) -> Result<CommentListing, Error> {
        let found = match self.store.comment_by_id(self.blog_id, id).await {
            Err(StoreError::NotFound) => {
                return Err(Error::NotFound(format!("No comment has the id {id}.")));
            }
            found => found?,
        };
        let post = self
            .store
            .post_by_id(self.blog_id, found.comment.post_id)
            .await?;
        let own_post = post.author_id == Some(self.by.user.id);
        if !permission::may_moderate(self.by.role, own_post) {
            return Err(Error::Forbidden(format!(
                "Your role ({}) may not moderate comments on other people's posts.",
                self.by.role.as_str()
            )));
        }
        Ok(found)
    }

    /// Approves, marks spam or deletes comment `id`. An owner's decision
    /// also teaches the blog's spam filter (`Store::moderate_comment`).
    pub async fn moderate(&self, id: i64, decision: Decision) -> Result<CommentListing, Error> {
        self.comment(id).await?;
        Ok(self
            .store
            .moderate_comment(self.blog_id, id, decision.status())
            .await?)
    }
}
