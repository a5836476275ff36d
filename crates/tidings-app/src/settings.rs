//! A blog's settings: title, description, language, time zone, paging and
//! the comment rules. Changing them is the admin's alone (`permission::may_administer`),
//! from the settings page and `PATCH /api/v1/blog` alike; every member reads
//! them (the API's `GET /api/v1/blog`). A refusal names the field to fix,
//! so a form sent back with a mistake loses nothing else.

use tidings_core::{
    BlogSettings, CommentsAllowed, FeedContent, HeaderImage, HeaderPlacement, Moderation,
    permission,
};
use tidings_store::Store;

use crate::{Actor, Error};

/// The settings to change; what is `None` stays as it is.
#[derive(Debug, Default, Clone)]
pub struct Change {
    pub title: Option<String>,
    pub description: Option<String>,
    /// An IANA name like `Europe/Berlin`.
    pub timezone: Option<String>,
    pub posts_per_page: Option<u32>,
    pub comments_allowed: Option<CommentsAllowed>,
    pub comment_moderation: Option<Moderation>,
    pub moderation_days: Option<u32>,
    pub comment_min_seconds: Option<u32>,
    /// A BCP 47 tag of a language reader pages can be written in.
    pub language: Option<String>,
    /// Replaces the built-in robots.txt; empty brings it back.
    pub robots_txt: Option<String>,
    /// The picture link previews show for a post without one; empty: none.
    pub share_image: Option<String>,
    /// The blog's icon in browser tabs: an address or a path on the blog
    /// (an upload's); empty: the built-in one.
    pub favicon: Option<String>,
    /// The picture at the top of every page: an upload's path or an
    /// `http(s)` address; empty: none.
    pub header_image: Option<String>,
    /// Whether that picture sits behind the title or takes its place.
    pub header_image_placement: Option<HeaderPlacement>,
    /// Whether feeds carry whole posts or stop at their jump break.
    pub feed_content: Option<FeedContent>,
    /// What new posts do with comments unless their author says otherwise.
    pub default_comments: Option<tidings_core::PostComments>,
    /// The owner's stylesheet, served after the theme's; empty: none.
    pub custom_css: Option<String>,
    /// The theme's name; empty: the built-in theme. It must be one of
    /// `installed_themes`.
    pub theme: Option<String>,
    /// The themes this server found in `DATA_DIR/themes` (the caller reads
    /// the directory: this crate's acts take plain inputs).
    pub installed_themes: Vec<String>,
}

/// Refused unless `by` may change the settings: checked before the page
/// that changes them is shown, and by [`change`] before anything is read.
pub fn may_change(by: Actor<'_>) -> Result<(), Error> {
    by.require(permission::may_administer, "change the blog's settings")
}

/// Applies `change` to `current` and stores the result, answering it; or
/// the first field that will not do and why, with nothing stored.
pub async fn change(
    store: &Store,
    by: Actor<'_>,
    current: &BlogSettings,
    change: Change,
) -> Result<BlogSettings, Error> {
    may_change(by)?;
    // Checked with the rest before anything is stored.
    let css = match &change.custom_css {
        Some(css) => Some(crate::layout::checked_css(css)?),
        None => None,
    };
    let mut blog = applied(current, change)?;
    if blog.header_image.address != current.header_image.address {
        blog.header_image = sized(store, blog.id, blog.header_image).await?;
    }
    store.update_blog(&blog).await?;
    if let Some((css, hash)) = css {
        store.save_custom_css(blog.id, &css, &hash).await?;
    }
    Ok(blog)
}

/// A theme name the blog may take: empty (the built-in theme) or one found
/// on this server. Only a new choice is judged: the blog's current theme
/// stays when a form sends it back, even while its directory is missing
/// (the pages fall back to the built-in theme, and the admin says why).
fn checked_theme(name: &str, installed: &[String]) -> Result<String, Error> {
    if name.is_empty() {
        return Ok(String::new());
    }
    tidings_core::blog::check_theme_name(name).map_err(|e| Error::invalid("theme", e))?;
    if !installed.iter().any(|t| t == name) {
        let found = if installed.is_empty() {
            "none".to_owned()
        } else {
            installed.join(", ")
        };
        return Err(Error::invalid(
            "theme",
            format!(
                "There is no theme {name:?} in the data directory's themes folder \
                 (found: {found}); `tidings theme export {name}` makes one."
            ),
        ));
    }
    Ok(name.to_owned())
}

/// `image` with its size and copies when its address is one of the blog's
/// uploads (its original's path), so its page draws it as posts draw
/// theirs: no jump while it loads, and a phone fetches a narrow copy.
/// Any other address stays of unknown size. (`applied` checked it.)
async fn sized(store: &Store, blog_id: i64, image: HeaderImage) -> Result<HeaderImage, Error> {
    if !image.address.starts_with("/media/u/") {
        return Ok(image);
    }
    let Some(file) = store.media_file_at(blog_id, &image.address).await? else {
        return Ok(image);
    };
    let Some(media) = store.find_media(blog_id, file.media_id).await? else {
        return Ok(image);
    };
    if media.original.path != image.address {
        return Ok(image);
    }
    let picture = crate::posts::pictures::picture(&media);
    let srcset: Vec<String> = picture
        .sources
        .iter()
        .map(|(path, width)| format!("{path} {width}w"))
        .collect();
    Ok(HeaderImage {
        width: picture.width,
        height: picture.height,
        srcset: srcset.join(", "),
        ..image
    })
}

/// `current` with `change` applied and checked (`BlogSettings::validate`).
pub(crate) fn applied(current: &BlogSettings, change: Change) -> Result<BlogSettings, Error> {
    let mut blog = current.clone();
    if let Some(v) = change.title {
        blog.title = v.trim().to_owned();
    }
    if let Some(v) = change.description {
        blog.description = v;
    }
    if let Some(v) = change.timezone {
        blog.timezone = tidings_core::parse_timezone(v.trim()).map_err(|_| {
            Error::invalid(
                "timezone",
                format!("{v:?} is not a time zone name like Europe/Berlin."),
            )
        })?;
    }
    if let Some(v) = change.robots_txt {
        blog.robots_txt = v;
    }
    if let Some(v) = change.share_image {
        blog.share_image = v.trim().to_owned();
    }
    if let Some(v) = change.theme.filter(|v| v.trim() != blog.theme) {
        blog.theme = checked_theme(v.trim(), &change.installed_themes)?;
    }
    if let Some(v) = change.favicon {
        blog.favicon = v.trim().to_owned();
    }
    // A new address forgets the old picture's size and copies; the same
    // one sent back keeps them (a Blogger header's size is known only
    // from the import).
    if let Some(v) = change
        .header_image
        .filter(|v| v.trim() != blog.header_image.address)
    {
        blog.header_image = blog.header_image.at(&v);
    }
    if let Some(v) = change.header_image_placement {
        blog.header_image.placement = v;
    }
    if let Some(v) = change.language {
        blog.language = tidings_core::parse_language(&v)
            .map_err(|e| Error::invalid("language", e.to_string()))?;
    }
    blog.feed_content = change.feed_content.unwrap_or(blog.feed_content);
    blog.posts_per_page = change.posts_per_page.unwrap_or(blog.posts_per_page);
    blog.comments_allowed = change.comments_allowed.unwrap_or(blog.comments_allowed);
    blog.comment_moderation = change.comment_moderation.unwrap_or(blog.comment_moderation);
    blog.moderation_days = change.moderation_days.unwrap_or(blog.moderation_days);
    blog.default_comments = change.default_comments.unwrap_or(blog.default_comments);
    blog.comment_min_seconds = change
        .comment_min_seconds
        .unwrap_or(blog.comment_min_seconds);
    blog.validate()
        .map_err(|(field, message)| Error::invalid(field, message))?;
    Ok(blog)
}
