//! A blog and the settings its owner controls.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::UnknownValue;

/// Who may leave a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentsAllowed {
    Anyone,
    SignedIn,
    Nobody,
}

/// When comments are held for the owner's review before they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    Never,
    Always,
    /// Held on posts older than `BlogSettings::moderation_days`: old posts draw spam.
    OlderThan,
    /// Held until the owner has published one comment by the same name and
    /// email address (WordPress's default): a regular is trusted, a
    /// stranger read first. New blogs start with it.
    FirstTime,
}

impl CommentsAllowed {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Anyone => "anyone",
            Self::SignedIn => "signed_in",
            Self::Nobody => "nobody",
        }
    }
}

impl std::str::FromStr for CommentsAllowed {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "anyone" => Ok(Self::Anyone),
            "signed_in" => Ok(Self::SignedIn),
            "nobody" => Ok(Self::Nobody),
            _ => Err(UnknownValue {
                what: "comments_allowed",
                allowed: "anyone, signed_in, nobody",
                got: s.to_owned(),
            }),
        }
    }
}

impl Moderation {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::Always => "always",
            Self::OlderThan => "older_than",
            Self::FirstTime => "first_time",
        }
    }
}

impl std::str::FromStr for Moderation {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "never" => Ok(Self::Never),
            "always" => Ok(Self::Always),
            "older_than" => Ok(Self::OlderThan),
            "first_time" => Ok(Self::FirstTime),
            _ => Err(UnknownValue {
                what: "comment_moderation",
                allowed: "never, always, older_than, first_time",
                got: s.to_owned(),
            }),
        }
    }
}

/// What a feed entry carries of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedContent {
    /// The whole post.
    #[default]
    Full,
    /// The post up to its jump break, then a link to the rest, as Blogger's
    /// "Until Jump Break" feed does: readers come to the blog for the rest.
    UntilBreak,
}

impl FeedContent {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::UntilBreak => "until_break",
        }
    }
}

impl std::str::FromStr for FeedContent {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "full" => Ok(Self::Full),
            "until_break" => Ok(Self::UntilBreak),
            _ => Err(UnknownValue {
                what: "feed_content",
                allowed: "full, until_break",
                got: s.to_owned(),
            }),
        }
    }
}

/// One blog as the public pages and the API see it.
#[derive(Debug, Clone, PartialEq)]
pub struct BlogSettings {
    pub id: i64,
    pub host: String,
    pub title: String,
    pub description: String,
    pub timezone: Tz,
    pub posts_per_page: u32,
    pub comments_allowed: CommentsAllowed,
    pub comment_moderation: Moderation,
    pub moderation_days: u32,
    pub comment_min_seconds: u32,
    /// A BCP 47 tag, tidied by `language::parse_language`: what reader pages
    /// and feeds are written in.
    pub language: String,
    /// What `/robots.txt` says instead of the built-in rules; empty for them.
    pub robots_txt: String,
    /// The picture a shared link shows for a post that has none of its own
    /// (`og:image`): an `https://` or `http://` address, or a path on the
    /// blog such as an upload's; empty for none.
    pub share_image: String,
    /// The blog's icon in browser tabs and bookmarks: an `https://` or
    /// `http://` address, or a path on the blog such as an upload's; empty
    /// for the built-in one.
    pub favicon: String,
    /// Whether feeds carry whole posts or stop at their jump break.
    pub feed_content: FeedContent,
    /// What a new post does with comments unless its author says otherwise.
    pub default_comments: crate::PostComments,
    /// The theme public pages are drawn with: a directory's name under
    /// `DATA_DIR/themes` (see [`check_theme_name`]); empty for the built-in one.
    pub theme: String,
    /// The picture at the top of every page; its address empty for none.
    pub header_image: crate::HeaderImage,
    /// When anything readers can see on this blog last changed.
    pub changed_at: chrono::DateTime<chrono::Utc>,
}

impl BlogSettings {
    /// Limits that keep a page cheap to render and a setting meaningful.
    pub const MAX_POSTS_PER_PAGE: u32 = 100;
    pub const MAX_MODERATION_DAYS: u32 = 36_500;
    pub const MAX_COMMENT_MIN_SECONDS: u32 = 3_600;
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
    pub const MAX_ROBOTS_TXT_CHARS: usize = 65_536;

    /// The settings a new blog starts with, at `host` under `title`: what
    /// the store writes for every blog it adds, so the defaults are said
    /// once, here. A stranger's first comment is held for the owner
    /// (`first_time`, WordPress's default); the rest is the plainest choice
    /// (UTC, English, 7 posts a page, comments open to anyone).
    pub fn new(id: i64, host: &str, title: &str) -> Self {
        Self {
            id,
            host: host.to_owned(),
            title: title.to_owned(),
            description: String::new(),
            timezone: chrono_tz::UTC,
            posts_per_page: 7,
            comments_allowed: CommentsAllowed::Anyone,
            comment_moderation: Moderation::FirstTime,
            moderation_days: 14,
            comment_min_seconds: 3,
            language: "en".to_owned(),
            robots_txt: String::new(),
            share_image: String::new(),
            favicon: String::new(),
            feed_content: FeedContent::Full,
            default_comments: crate::PostComments::Open,
            theme: String::new(),
            header_image: crate::HeaderImage::default(),
            changed_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    /// Checks every field against its limits, naming the first field that is wrong.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.title.chars().any(char::is_control) {
            return Err(("title", "title must not contain control characters".into()));
        }
        for (field, value) in [("title", &self.title), ("description", &self.description)] {
            crate::xml_chars::check(field, value).map_err(|e| (field, e.to_string()))?;
        }
        let title = self.title.trim();
        if title.is_empty() {
            return Err(("title", "title must not be empty".into()));
        }
        if title.chars().count() > Self::MAX_TITLE_CHARS {
            return Err((
                "title",
                format!("title must be at most {} characters", Self::MAX_TITLE_CHARS),
            ));
        }
        if self.description.chars().count() > Self::MAX_DESCRIPTION_CHARS {
            return Err((
                "description",
                format!(
                    "description must be at most {} characters",
                    Self::MAX_DESCRIPTION_CHARS
                ),
            ));
        }
        crate::xml_chars::check("robots_txt", &self.robots_txt)
            .map_err(|e| ("robots_txt", e.to_string()))?;
        if self.robots_txt.chars().count() > Self::MAX_ROBOTS_TXT_CHARS {
            return Err((
                "robots_txt",
                format!(
                    "robots_txt must be at most {} characters",
                    Self::MAX_ROBOTS_TXT_CHARS
                ),
            ));
        }
        check_picture_address("share_image", &self.share_image).map_err(|e| ("share_image", e))?;
        check_picture_address("favicon", &self.favicon).map_err(|e| ("favicon", e))?;
        self.header_image.check()?;
        if !self.theme.is_empty() {
            check_theme_name(&self.theme).map_err(|e| ("theme", e))?;
        }
        crate::language::parse_language(&self.language).map_err(|e| ("language", e.to_string()))?;
        if !(1..=Self::MAX_POSTS_PER_PAGE).contains(&self.posts_per_page) {
            return Err((
                "posts_per_page",
                format!(
                    "posts_per_page must be between 1 and {}",
                    Self::MAX_POSTS_PER_PAGE
                ),
            ));
        }
        if self.moderation_days > Self::MAX_MODERATION_DAYS {
            return Err((
                "moderation_days",
                format!(
                    "moderation_days must be at most {}",
                    Self::MAX_MODERATION_DAYS
                ),
            ));
        }
        if self.comment_min_seconds > Self::MAX_COMMENT_MIN_SECONDS {
            return Err((
                "comment_min_seconds",
                format!(
                    "comment_min_seconds must be at most {}",
                    Self::MAX_COMMENT_MIN_SECONDS
                ),
            ));
        }
        Ok(())
    }
}

/// Parses an IANA time zone name such as `America/Los_Angeles`.
pub fn parse_timezone(name: &str) -> Result<Tz, UnknownValue> {
    name.parse::<Tz>().map_err(|_| UnknownValue {
        what: "timezone",
        allowed: "IANA time zone names such as Europe/Berlin",
        got: name.to_owned(),
    })
}

/// Longest theme name.
const MAX_THEME_NAME_CHARS: usize = 64;

/// A theme's name is a directory's name under `DATA_DIR/themes`, so it is
/// kept to letters, digits, `-` and `_`: no path a name could climb out of
/// that directory with, and the same name on every file system.
pub fn check_theme_name(name: &str) -> Result<(), String> {
    let well_formed = !name.is_empty()
        && name.len() <= MAX_THEME_NAME_CHARS
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if well_formed {
        Ok(())
    } else {
        Err(format!(
            "theme must be a name of at most {MAX_THEME_NAME_CHARS} letters, digits, - and _, not {name:?}"
        ))
    }
}

/// Longest address of a default share image or an icon.
const MAX_PICTURE_ADDRESS_CHARS: usize = 2_000;

/// A default share image or an icon is empty, an `http(s)://` address or a
/// path on the blog (`/media/u/…`), without spaces or control characters: a
/// link preview or a browser fetches it as it is. `field` names it in the
/// refusal.
fn check_picture_address(field: &str, v: &str) -> Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    let well_formed = (v.starts_with("https://") || v.starts_with("http://") || v.starts_with('/'))
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    if !well_formed {
        return Err(format!(
            "{field} must be an https:// address or a path on the blog such as /media/u/…"
        ));
    }
    if v.chars().count() > MAX_PICTURE_ADDRESS_CHARS {
        return Err(format!(
            "{field} must be at most {MAX_PICTURE_ADDRESS_CHARS} characters"
        ));
    }
    Ok(())
}
