//! The owner's reply to a comment, from the queue.

use chrono::{DateTime, Utc};
use tidings_core::{Comment, CommentStatus, Submission};
use tidings_store::NewComment;

use super::Queue;
use crate::Error;

/// A reply as stored, and where its post is.
#[derive(Debug, Clone)]
pub struct Reply {
    pub comment: Comment,
    pub post_path: String,
}

impl Queue<'_> {
    /// Answers comment `id` as the moderator, under their name, published at
    /// once. Answering a held comment approves it: the owner has read it.
    pub async fn reply(
        &self,
        id: i64,
        body: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Reply, Error> {
        let parent = self.comment(id).await?;
        let user = self.by.user;
        let submission = Submission::parse(Some(&user.name), None, None, body, Some(id))
            .map_err(|e| Error::invalid(e.field, e.message))?;
        let stored = self
            .store
            .insert_comment(&NewComment {
                blog_id: self.blog_id,
                post_id: parent.comment.post_id,
                parent_id: Some(id),
                author_name: submission.author_name,
                author_email: Some(user.email.clone()),
                author_url: None,
                body: submission.body,
                status: CommentStatus::Published,
                hold_reasons: String::new(),
                ip: String::new(),
                created_at: now,
                user_id: Some(user.id),
                mail_if_held: Vec::new(),
                watch_replies: false,
            })
            .await?;
        if parent.comment.status == CommentStatus::Pending {
            self.store
                .moderate_comment(self.blog_id, id, CommentStatus::Published)
                .await?;
        }
        Ok(Reply {
            comment: stored,
            post_path: parent.post_path,
        })
    }
}
