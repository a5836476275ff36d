//! A member's own choices about the mail the blog sends them: whether a
//! held comment is mailed to them (on unless they turn it off). Each
//! member sets only their own.

use tidings_store::{Store, User};

use crate::Error;

/// Whether held comments on `blog_id` are mailed to `user`.
pub async fn held_comment_mail(store: &Store, blog_id: i64, user: &User) -> Result<bool, Error> {
    store
        .held_comment_mail(blog_id, user.id)
        .await?
        .ok_or_else(not_member)
}

/// Turns held comments' mail to `user` on `blog_id` on or off.
pub async fn set_held_comment_mail(
    store: &Store,
    blog_id: i64,
    user: &User,
    on: bool,
) -> Result<(), Error> {
    held_comment_mail(store, blog_id, user).await?;
    Ok(store.set_held_comment_mail(blog_id, user.id, on).await?)
}

fn not_member() -> Error {
    Error::Forbidden("You are not a member of this blog.".into())
}
