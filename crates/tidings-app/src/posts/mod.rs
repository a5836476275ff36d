//! Posts and pages: [`save`] (create or change; publishing, scheduling and
//! taking back to a draft are saves with a status), [`delete`], and the
//! editor's [`preview`]. The editor, the API and `--demo` call these, so a
//! post is refused, rendered and given its address one way, whoever sent it.
//!
//! The order of the work is the point: the role first, so a refused writer
//! costs nothing; then every field's cheap checks; then the body, rendered on
//! the work pool ([`crate::work`]); then the address and the write.

mod address;
mod body;
mod fields;
mod order;
pub(crate) mod pictures;
pub mod revisions;
pub mod trash;
pub mod unlock;

use chrono::{DateTime, Utc};
use tidings_core::{BlogSettings, Post, PostComments, PostKind, PostStatus, Role, permission};
use tidings_store::{NewPost, Store, StoreError};

use crate::Error;
use crate::mail::Mail;

pub use body::{MAX_BODY_BYTES, preview};
pub use order::MENU_ORDER_RANGE;
pub(crate) use pictures::{picture, responsive};

/// Who is saving: their role on the blog decides what they may do, their
/// account and name make the byline of a new post.
#[derive(Debug, Clone)]
pub struct Writer {
    /// `None` for content no account wrote (`--demo`).
    pub id: Option<i64>,
    pub name: String,
    pub role: Role,
}

impl Writer {
    fn wrote(&self, post: &Post) -> bool {
        self.id.is_some() && post.author_id == self.id
    }
}

/// The fields an author sets; `None` keeps the stored value (or the default).
#[derive(Debug, Default, Clone)]
pub struct PostInput {
    pub kind: Option<PostKind>,
    pub title: Option<String>,
    pub slug: Option<String>,
    /// Markdown; or else `body_html`, never both.
    pub body: Option<String>,
    pub body_html: Option<String>,
    pub labels: Option<Vec<String>>,
    pub status: Option<PostStatus>,
    pub published_at: Option<DateTime<Utc>>,
    pub sticky: Option<bool>,
    /// For search results and link previews; empty: the post's summary.
    pub description: Option<String>,
    /// Asks search engines not to index the post's page.
    pub noindex: Option<bool>,
    /// `false`: "don't mail this one": Follow by Email's subscribers are
    /// not mailed the post when it is first published. A new post is mailed.
    pub mail_subscribers: Option<bool>,
    /// Whether it takes and shows comments; a new post takes the blog's
    /// default, a new page none (as in WordPress).
    pub comments: Option<PostComments>,
    /// The password readers must give to read the post: set by a new one,
    /// taken away by an empty one, kept when `None`. Never read back.
    pub password: Option<String>,
    /// A page's parent page: `Some(None)` puts it at the top of the list
    /// of pages, `None` keeps where it is.
    pub parent_id: Option<Option<i64>>,
    /// A page's place among its sibling pages, lowest first.
    pub menu_order: Option<i64>,
    /// The featured image's address (a path on the blog or a web
    /// address): shown atop the post and its share image; empty: none.
    pub featured_image: Option<String>,
}

impl PostInput {
    /// The status the post will have: the one asked for, else the one it
    /// has, else a draft. Known before any work, so roles are checked first.
    fn status(&self, existing: Option<&Post>, now: DateTime<Utc>) -> PostStatus {
        self.status
            .or(existing.map(|p| p.status_at(now)))
            .unwrap_or(PostStatus::Draft)
    }
}

/// The post with id `id` on blog `blog_id`, whatever its status but the
/// trash (see [`find_in_trash`]); the caller decides who may see it
/// (`tidings_core::permission::may_read_post`).
pub async fn find(store: &Store, blog_id: i64, id: i64) -> Result<Post, Error> {
    match store.post_by_id(blog_id, id).await {
        Ok(p) if p.is_trashed() => Err(Error::NotFound(format!(
            "The post with the id {id} is in the trash; restore it first."
        ))),
        Err(StoreError::NotFound) => Err(Error::NotFound(format!("No post has the id {id}."))),
        other => Ok(other?),
    }
}

/// The post with id `id` on blog `blog_id`, if it is in the trash: a post
/// that is not there is a conflict with its state (409), one that does not
/// exist is not found (404).
pub async fn find_in_trash(store: &Store, blog_id: i64, id: i64) -> Result<Post, Error> {
    match store.post_by_id(blog_id, id).await {
        Ok(p) if p.is_trashed() => Ok(p),
        Ok(_) => Err(Error::Conflict(format!(
            "The post with the id {id} is not in the trash."
        ))),
        Err(StoreError::NotFound) => Err(Error::NotFound(format!("No post has the id {id}."))),
        Err(e) => Err(e.into()),
    }
}

/// Whether `writer` may change or delete `post` at all; the editor asks it
/// before it shows a post's delete page, [`save`] and [`delete`] always.
pub fn may_change(writer: &Writer, post: &Post) -> Result<(), Error> {
    let own = writer.wrote(post);
    if permission::may_edit(writer.role, own, post.draft) {
        return Ok(());
    }
    let what = if own {
        "change a published post"
    } else {
        "change other people's posts"
    };
    Err(Error::Forbidden(format!(
        "Your role ({}) may not {what}.",
        writer.role.as_str()
    )))
}

/// Refuses what the writer's role may not do, before anything is rendered.
fn check_role(writer: &Writer, existing: Option<&Post>, status: PostStatus) -> Result<(), Error> {
    if !status.is_unpublished() && !permission::may_publish(writer.role) {
        return Err(Error::Forbidden(
            "Contributors save drafts and submit them for review; an author or admin \
             publishes them."
                .into(),
        ));
    }
    existing.map_or(Ok(()), |p| may_change(writer, p))
}

/// Creates a post (`existing` none) or changes `existing` as `input` asks,
/// and answers it as stored. Refused: by role ([`Error::Forbidden`]) before
/// any work, a field that will not do ([`Error::Invalid`] naming it), a
/// body over [`MAX_BODY_BYTES`] ([`Error::TooLarge`]), an address another
/// post holds when the author chose it ([`Error::Conflict`]); an address
/// made from the title takes the first free `-N` suffix. Mails nothing:
/// see [`save_mailing`].
pub async fn save(
    store: &Store,
    blog: &BlogSettings,
    writer: &Writer,
    existing: Option<&Post>,
    input: PostInput,
    now: DateTime<Utc>,
) -> Result<Post, Error> {
    save_mailing(store, &Mail::off(), blog, writer, existing, input, now).await
}

/// [`save`], and a post that becomes [`PostStatus::Pending`] is announced
/// to the blog's reviewers through `mail` (while mail is on), in the
/// transaction that stores it.
pub async fn save_mailing(
    store: &Store,
    mail: &Mail,
    blog: &BlogSettings,
    writer: &Writer,
    existing: Option<&Post>,
    input: PostInput,
    now: DateTime<Utc>,
) -> Result<Post, Error> {
    let status = input.status(existing, now);
    check_role(writer, existing, status)?;
    let submitted = status == PostStatus::Pending && existing.is_none_or(|p| !p.pending);
    let review_mail = if submitted {
        crate::mail::if_submitted(store, mail, blog, writer.id).await?
    } else {
        Vec::new()
    };
    let (parent_id, menu_order) = (input.parent_id, input.menu_order);
    let fields = fields::check(blog, existing, input, status, now)?;
    let order = order::check(store, blog.id, fields.kind, existing, parent_id, menu_order).await?;
    let mut body = fields.body.render().await?;
    body.html = pictures::responsive(store, blog.id, body.html).await?;
    let teaser_html = body::teaser(&body.html).await?;
    let password_hash = fields.password.hashed(existing).await?;
    let featured_image_html = featured_html(store, blog.id, &fields.featured_image).await?;
    let new = NewPost {
        blog_id: blog.id,
        kind: fields.kind,
        title: fields.title,
        // Chosen by `address::write`.
        slug: String::new(),
        path: String::new(),
        body_text: body.text,
        body_markdown: body.markdown,
        body_html: body.html,
        teaser_html,
        labels: fields.labels,
        draft: status.is_unpublished(),
        pending: status == PostStatus::Pending,
        review_mail,
        published_at: fields.published_at,
        author_id: writer.id,
        author_name: existing.map_or_else(|| writer.name.clone(), |p| p.author_name.clone()),
        sticky: fields.sticky,
        description: fields.description,
        noindex: fields.noindex,
        mail_subscribers: fields.mail_subscribers,
        comments: fields.comments,
        password_hash,
        featured_image: fields.featured_image,
        featured_image_html,
        saved_by: writer.name.clone(),
        parent_id: order.parent_id,
        menu_order: order.menu_order,
    };
    address::write(store, blog, existing, new, fields.slug, now).await
}

/// The `<img>` a post's page shows of its featured image, made responsive
/// as the body's pictures are; empty for none.
async fn featured_html(store: &Store, blog_id: i64, address: &str) -> Result<String, Error> {
    if address.is_empty() {
        return Ok(String::new());
    }
    let html = tidings_render::featured_image(address);
    pictures::responsive(store, blog_id, html).await
}

/// Moves `post` to the trash at `now`, if `writer` may change it: gone
/// from the blog (its address answers 410), restorable for
/// [`Post::TRASH_DAYS`] days, then removed by [`trash::run`].
pub async fn delete(
    store: &Store,
    writer: &Writer,
    post: &Post,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    may_change(writer, post)?;
    Ok(store.trash_post(post.blog_id, post.id, now).await?)
}

/// Brings `post` back from the trash with the status it had, if `writer`
/// may change it.
pub async fn restore(store: &Store, writer: &Writer, post: &Post) -> Result<(), Error> {
    may_change(writer, post)?;
    Ok(store.restore_post(post.blog_id, post.id).await?)
}
