//! A held comment's links: each opens a page with one button ([`open`],
//! which changes nothing), and the button does what the link says
//! ([`apply`]). The link is the mailed member's authority, checked again
//! when it is used: their role on the blog must still moderate the comment
//! (`comments::Queue`), and the comment must still be held, else the link
//! is spent.

use chrono::{DateTime, Utc};
use tidings_core::CommentStatus;
use tidings_store::{CommentListing, Store};

use super::Mail;
use super::links::{self, Purpose, refusal};
use crate::Error;
use crate::comments::{Decision, Moderator, Queue};

/// The held comment `token` is about, if the link is good for `decision`
/// on `blog_id` at `now`; a refusal says why in words for the page.
pub async fn open(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    decision: Decision,
    token: &str,
    now: DateTime<Utc>,
) -> Result<CommentListing, Error> {
    let (member, id) = checked(store, mail, blog_id, decision, token, now).await?;
    still_held(store, blog_id, &member, id).await
}

/// Comment `id`, if `member` may moderate it and it is still held.
async fn still_held(
    store: &Store,
    blog_id: i64,
    member: &Member,
    id: i64,
) -> Result<CommentListing, Error> {
    let held = Queue::open(store, blog_id, member.as_moderator())?
        .comment(id)
        .await?;
    if held.comment.status != CommentStatus::Pending {
        return Err(Error::Conflict(format!(
            "This link is spent: the comment was already {}. Nothing changed.",
            match held.comment.status {
                CommentStatus::Published => "approved",
                CommentStatus::Spam => "marked as spam",
                _ => "deleted",
            }
        )));
    }
    Ok(held)
}

/// Does what the link says, after every check of [`open`].
pub async fn apply(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    decision: Decision,
    token: &str,
    now: DateTime<Utc>,
) -> Result<CommentListing, Error> {
    let (member, id) = checked(store, mail, blog_id, decision, token, now).await?;
    still_held(store, blog_id, &member, id).await?;
    Queue::open(store, blog_id, member.as_moderator())?
        .moderate(id, decision)
        .await
}

/// The member a link was mailed to, with their role on the blog now.
struct Member {
    user: tidings_store::User,
    role: tidings_core::Role,
}

impl Member {
    fn as_moderator(&self) -> Moderator<'_> {
        Moderator {
            user: &self.user,
            role: self.role,
        }
    }
}

/// The member and the comment of a link whose signature, purpose and
/// lifetime hold.
async fn checked(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    decision: Decision,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Member, i64), Error> {
    let purpose = match decision {
        Decision::Approve => Purpose::Approve,
        Decision::Spam => Purpose::Spam,
        Decision::Delete => return Err(Error::NotFound("No mail links delete comments.".into())),
    };
    let claim = links::read(token)
        .and_then(|claim| links::verify(mail.key(), purpose, &claim, "", now).map(|()| claim))
        .map_err(refusal)?;
    let gone = || {
        Error::Forbidden(
            "The member this link was mailed to no longer moderates this blog's comments.".into(),
        )
    };
    let user = store.user_by_id(claim.user).await?.ok_or_else(gone)?;
    let role = store
        .members(blog_id)
        .await?
        .into_iter()
        .find(|(member, _)| member.id == user.id)
        .map(|(_, role)| role)
        .ok_or_else(gone)?;
    Ok((Member { user, role }, claim.subject))
}
