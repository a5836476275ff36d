//! Posts and pages: how a stored post is read back, its labels, and the
//! shapes the other modules hand out. The writes are in [`mod@write`], the
//! reads by id, path and list in [`read`], which posts a list shows in
//! [`filter`], and search in [`search`].

mod filter;
mod html;
mod read;
mod reindex;
mod revisions;
mod search;
pub(crate) mod words;
mod write;

use chrono::{DateTime, Utc};
use tidings_core::{Post, PostComments, PostKind};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, StoreError, from_micros};

pub use filter::PostFilter;
pub(crate) use filter::{post_page_sql, sticky_sql};
pub use html::PostHtml;
pub use revisions::Revision;
pub use search::SearchHit;

/// Columns of every post query, with its published comment count (kept on
/// the post, see `comments::recount`). `$source` is the Markdown's column,
/// or a NULL in its place.
macro_rules! post_columns {
    ($source:literal) => {
        concat!(
            "SELECT p.id, p.blog_id, p.kind, p.title, p.slug, p.path, ",
            $source,
            ", p.body_html, p.teaser_html, p.labels, p.status, p.published_at, p.updated_at, \
             p.author_id, p.author_name, p.sticky, p.comment_count, p.description, p.noindex, \
             p.mail_subscribers, p.comments, p.password_hash, p.trashed_at, p.trashed_from, \
             p.parent_id, p.menu_order, p.featured_image, p.featured_image_html"
        )
    };
}
/// Everything about a post, its Markdown source too: for authors.
const POST_COLUMNS: &str = post_columns!("p.body_markdown");
/// A post as readers' pages and feeds show it: its HTML, not the Markdown it
/// was made from (`body_markdown` is `None`). The source doubled the bytes
/// PostgreSQL decompressed and sent for a list page, for nothing shown
/// (measured: a home page's list statement answered 8,400 times a second
/// with it, 11,800 without).
const READER_COLUMNS: &str = post_columns!("NULL AS body_markdown");

/// A query selecting posts `p`, ready for its `WHERE` clause.
fn select_posts() -> Sql {
    let mut sql = Sql::new(POST_COLUMNS);
    sql.push(" FROM posts p");
    sql
}

/// A query selecting posts `p` as readers see them ([`READER_COLUMNS`]).
fn select_posts_for_readers() -> Sql {
    let mut sql = Sql::new(READER_COLUMNS);
    sql.push(" FROM posts p");
    sql
}

/// The paths of the visible posts published just after and just before a
/// post: its page's "Newer Post" and "Older Post" links. A page (not a
/// post) has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Neighbours {
    pub newer: Option<String>,
    pub older: Option<String>,
}

/// A post page's rows: the post, its neighbours and the comments readers
/// see on it, oldest first.
#[derive(Debug, Clone)]
pub struct PostPage {
    pub post: Post,
    pub neighbours: Neighbours,
    pub comments: Vec<tidings_core::Comment>,
}

/// Labels are kept twice: in `post_labels` to filter by, and joined with this
/// separator in `posts.labels` so list pages need no second query.
const LABEL_SEPARATOR: char = '\n';

pub(crate) fn post_from_row(row: &ReadRow) -> Result<Post> {
    let labels: String = row.try_get("labels")?;
    // A trashed post's status is the status it had.
    let status = row
        .try_get::<Option<String>>("trashed_from")?
        .unwrap_or(row.try_get::<String>("status")?);
    Ok(Post {
        id: row.try_get("id")?,
        blog_id: row.try_get("blog_id")?,
        kind: row
            .try_get::<String>("kind")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        title: row.try_get("title")?,
        slug: row.try_get("slug")?,
        path: row.try_get("path")?,
        body_markdown: row.try_get("body_markdown")?,
        body_html: row.try_get("body_html")?,
        teaser_html: row.try_get("teaser_html")?,
        draft: status != "published",
        pending: status == "pending",
        published_at: from_micros(row.try_get("published_at")?)?,
        updated_at: from_micros(row.try_get("updated_at")?)?,
        author_id: row.try_get("author_id")?,
        author_name: row.try_get("author_name")?,
        labels: split_labels(&labels),
        comment_count: row.try_get("comment_count")?,
        sticky: row.try_get::<i64>("sticky")? != 0,
        description: row.try_get("description")?,
        noindex: row.try_get::<i64>("noindex")? != 0,
        mail_subscribers: row.try_get::<i64>("mail_subscribers")? != 0,
        comments: row
            .try_get::<String>("comments")?
            .parse()
            .map_err(|e: tidings_core::UnknownValue| StoreError::Corrupt(e.to_string()))?,
        password_hash: row.try_get("password_hash")?,
        featured_image: row.try_get("featured_image")?,
        featured_image_html: row.try_get("featured_image_html")?,
        trashed_at: row
            .try_get::<Option<i64>>("trashed_at")?
            .map(from_micros)
            .transpose()?,
        parent_id: row.try_get("parent_id")?,
        menu_order: row.try_get("menu_order")?,
    })
}

/// Everything stored about a post, as written by an author or an import.
#[derive(Debug, Clone)]
pub struct NewPost {
    pub blog_id: i64,
    pub kind: PostKind,
    pub title: String,
    pub slug: String,
    pub path: String,
    pub body_markdown: Option<String>,
    pub body_html: String,
    /// What list pages show when the body has a jump break; empty: the body.
    pub teaser_html: String,
    /// Plain text of the body, for search and summaries.
    pub body_text: String,
    pub labels: Vec<String>,
    pub draft: bool,
    /// A draft submitted for review (stored as `pending`); only with `draft`.
    pub pending: bool,
    /// The mail announcing it waits for review, queued in the transaction
    /// that stores it (`subject_id` and `event` are filled in there).
    pub review_mail: Vec<crate::NewMail>,
    pub published_at: DateTime<Utc>,
    pub author_id: Option<i64>,
    pub author_name: String,
    /// Shown first on page 1 of the home page.
    pub sticky: bool,
    /// What search results and link previews say of it; empty: its summary.
    pub description: String,
    /// Search engines are asked not to index its page.
    pub noindex: bool,
    /// Mailed to Follow by Email's subscribers when it first shows.
    pub mail_subscribers: bool,
    /// Whether it takes comments and shows them.
    pub comments: PostComments,
    /// The Argon2id hash of its password; `None`: anyone may read it.
    pub password_hash: Option<String>,
    /// Its featured image's address; empty: none.
    pub featured_image: String,
    /// The `<img>` its page shows of that picture; empty: none.
    pub featured_image_html: String,
    /// Who saves this version, named by the revision it becomes when it is
    /// changed.
    pub saved_by: String,
    /// A page's parent page; `None` at the top (always, for posts).
    pub parent_id: Option<i64>,
    /// A page's place among its siblings, lowest first.
    pub menu_order: i64,
}

/// A visible page as the sidebar lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLink {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    pub path: String,
}

/// A visible post or page as a static render needs it: where it is, when, and
/// its labels; no body, no comments.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedPost {
    pub id: i64,
    pub kind: PostKind,
    pub path: String,
    pub published_at: DateTime<Utc>,
    pub labels: Vec<String>,
}

/// A month of the archive sidebar.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveMonth {
    pub year: i32,
    pub month: u32,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LabelCount {
    pub label: String,
    pub count: i64,
}

pub(crate) fn join_labels(labels: &[String]) -> String {
    labels.join(&LABEL_SEPARATOR.to_string())
}

/// The labels [`join_labels`] joined.
pub(crate) fn split_labels(joined: &str) -> Vec<String> {
    joined
        .split(LABEL_SEPARATOR)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) async fn write_labels(
    tx: &mut impl Exec,
    post_id: i64,
    labels: &[String],
) -> Result<()> {
    for label in labels {
        tx.execute(
            &Sql::new("INSERT INTO post_labels (post_id, label) VALUES ($1, $2)")
                .bind(post_id)
                .bind(label),
        )
        .await?;
    }
    Ok(())
}
