//! Comments: what a reader may send, and whether it shows, waits, or is spam.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{BlogSettings, Moderation, UnknownValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    Pending,
    Published,
    Spam,
    Deleted,
}

impl CommentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Published => "published",
            Self::Spam => "spam",
            Self::Deleted => "deleted",
        }
    }
}

impl std::str::FromStr for CommentStatus {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pending" => Ok(Self::Pending),
            "published" => Ok(Self::Published),
            "spam" => Ok(Self::Spam),
            "deleted" => Ok(Self::Deleted),
            _ => Err(UnknownValue {
                what: "status",
                allowed: "pending, published, spam, deleted",
                got: s.to_owned(),
            }),
        }
    }
}

/// A stored comment. `body` is exactly what the commenter sent; it is rendered
/// to HTML only on the way out, by the escaping renderer.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: i64,
    pub post_id: i64,
    pub parent_id: Option<i64>,
    pub author_name: String,
    pub author_url: Option<String>,
    pub body: String,
    /// An imported comment's own markup, within the comment allowlist, shown
    /// instead of `body`; empty for comments written here (plain text).
    pub body_html: String,
    pub status: CommentStatus,
    pub created_at: DateTime<Utc>,
    /// Why it was held, for the owner; empty when it was published at once.
    pub hold_reasons: String,
    /// Written by a member of the blog (signed in, or replying from the
    /// queue): its page marks it as the author's, as Blogger does.
    pub by_member: bool,
}

/// Field limits. Input over a limit is refused, never truncated and stored.
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_URL_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 4_096;

/// The name shown when a commenter leaves the field empty, as Blogger does.
pub const ANONYMOUS: &str = "Anonymous";

/// A comment as a reader submitted it, checked and normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub author_name: String,
    pub author_email: Option<String>,
    pub author_url: Option<String>,
    pub body: String,
    pub parent_id: Option<i64>,
}

/// A field of a submission that cannot be accepted, with a message for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn field_error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

fn optional(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl Submission {
    /// Checks a submission's fields: the body is required, every field has a
    /// length limit, and a URL must be `http` or `https` so it can never carry script.
    pub fn parse(
        name: Option<&str>,
        email: Option<&str>,
        url: Option<&str>,
        body: Option<&str>,
        parent_id: Option<i64>,
    ) -> Result<Self, FieldError> {
        // One-line fields hold no control characters at all; the body keeps
        // line breaks and tabs but nothing XML cannot carry (NUL among them,
        // which no database stores as text): comments go into feeds and exports.
        for (field, value, label, one_line) in [
            ("name", name, "Your name", true),
            ("email", email, "The email address", true),
            ("url", url, "The web address", true),
            ("body", body, "A comment", false),
        ] {
            let Some(value) = value else { continue };
            if one_line && value.chars().any(char::is_control) {
                return Err(field_error(
                    field,
                    format!("{label} cannot contain control characters."),
                ));
            }
            if let Err(e) = crate::xml_chars::check(label, value) {
                return Err(field_error(field, e.to_string()));
            }
        }
        let author_name = optional(name).unwrap_or(ANONYMOUS).to_owned();
        if author_name.chars().count() > MAX_NAME_CHARS {
            return Err(field_error(
                "name",
                format!("Your name can be at most {MAX_NAME_CHARS} characters."),
            ));
        }
        let author_email = optional(email).map(str::to_owned);
        if let Some(e) = &author_email
            && (e.chars().count() > MAX_EMAIL_CHARS || !e.contains('@'))
        {
            return Err(field_error(
                "email",
                "That email address does not look right.",
            ));
        }
        let author_url = optional(url).map(str::to_owned);
        if let Some(u) = &author_url
            && (u.chars().count() > MAX_URL_CHARS || !is_web_url(u))
        {
            return Err(field_error(
                "url",
                "A web address must start with http:// or https://.",
            ));
        }
        let body = body.unwrap_or("").replace("\r\n", "\n");
        if body.trim().is_empty() {
            return Err(field_error("body", "Please write a comment."));
        }
        if body.chars().count() > MAX_BODY_CHARS {
            return Err(field_error(
                "body",
                format!("A comment can be at most {MAX_BODY_CHARS} characters."),
            ));
        }
        Ok(Self {
            author_name,
            author_email,
            author_url,
            body,
            parent_id,
        })
    }

    /// How many web links the body carries; many links is the mark of spam.
    pub fn link_count(&self) -> usize {
        self.body.matches("http://").count() + self.body.matches("https://").count()
    }
}

/// Whether `s` is an absolute `http`/`https` URL with a host.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Why a comment did not show at once.
#[derive(Debug, Clone, PartialEq)]
pub enum HoldReason {
    /// The blog holds every comment, or comments on posts this old.
    Moderation,
    /// The blog holds a commenter's comments until the owner has published
    /// one by the same name and email address, and this is the first.
    FirstTime,
    /// The form came back sooner than a person could fill it.
    TooFast { seconds: f64 },
    /// The field hidden from people was filled: a bot.
    Honeypot,
    /// More links than a conversation needs.
    Links { count: usize },
    /// The same text was sent recently to `posts` other posts of the blog;
    /// `spam` when the owner already marked one of those copies as spam.
    Repeated { posts: i64, spam: bool },
    /// The address sent `count` comments in the last `minutes`: not refused
    /// yet (that is the rate limit), but it adds weight to other signs.
    BusyAddress { count: i64, minutes: i64 },
    /// The learning filter's score ([`crate::spam`]), 0 ham to 1 spam.
    Filter { score: f64 },
}

impl HoldReason {
    /// How much this sign counts towards calling a comment spam: see [`judge`].
    fn weight(&self) -> u32 {
        match self {
            Self::Moderation | Self::FirstTime => 0,
            Self::Honeypot => SPAM_AT_WEIGHT,
            Self::TooFast { .. } | Self::Links { .. } | Self::BusyAddress { .. } => 1,
            Self::Repeated { spam, .. } => 1 + u32::from(*spam),
            Self::Filter { score } => 1 + u32::from(*score >= FILTER_SURE_AT),
        }
    }

    /// Whether this sign alone holds a comment. A busy address does not:
    /// people in one office or behind one phone network share an address.
    fn holds(&self) -> bool {
        !matches!(self, Self::BusyAddress { .. })
    }
}

impl std::fmt::Display for HoldReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Moderation => f.write_str("held for moderation"),
            Self::FirstTime => f.write_str("first comment by this name and email"),
            Self::TooFast { seconds } => {
                write!(f, "posted {seconds:.1} s after the form loaded")
            }
            Self::Honeypot => f.write_str("filled the hidden field"),
            Self::Links { count } => write!(f, "{count} links"),
            Self::Repeated { spam: true, .. } => {
                f.write_str("same text as a comment on another post marked spam")
            }
            Self::Repeated { posts: 1, .. } => {
                f.write_str("same text as a comment on another post")
            }
            Self::Repeated { posts, .. } => {
                write!(f, "same text as comments on {posts} other posts")
            }
            Self::BusyAddress { count, minutes } => {
                write!(f, "{count} comments from this address in {minutes} minutes")
            }
            // Rounded down, so a score shown as 0.99 never hides a 0.989.
            Self::Filter { score } => {
                write!(f, "filter score {:.2}", (score * 100.0).floor() / 100.0)
            }
        }
    }
}

/// The outcome for one submission, with the reasons an owner is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentVerdict {
    pub status: CommentStatus,
    pub reasons: Vec<HoldReason>,
}

impl CommentVerdict {
    pub fn reasons_text(&self) -> String {
        self.reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Links at or above this count hold a comment for review.
pub const HOLD_AT_LINKS: usize = 3;
/// A filter score at or above this holds a comment…
pub const FILTER_HOLD_AT: f64 = 0.9;
/// …and at or above this counts double: the filter is sure.
pub const FILTER_SURE_AT: f64 = 0.99;
/// Signs weighing this much together make a comment spam; less only holds
/// it. Spam is hidden from the owner's queue, so it takes more than any one
/// sign alone (the honeypot aside): a person's comment must almost never go there.
pub const SPAM_AT_WEIGHT: u32 = 3;
/// Bodies shorter than this ("Thanks!", "+1") are sent to many posts by
/// people too, so repeating them is no sign.
pub const REPEAT_MIN_CHARS: usize = 30;

/// Whether a body is long enough that sending it to several posts is a sign.
pub fn repeat_matters(body: &str) -> bool {
    body.trim().chars().count() >= REPEAT_MIN_CHARS
}

/// Copies of the same body on other posts of the blog, recently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repeats {
    /// How many other posts hold a comment with this exact body.
    pub other_posts: i64,
    /// Whether the owner marked any of those copies as spam.
    pub marked_spam: bool,
}

/// How busy the sender's address has been, against the rate limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressRate {
    /// Comments from the address within the window, before this one.
    pub recent: i64,
    /// How many the rate limit allows within the window.
    pub limit: i64,
    pub window_minutes: i64,
}

/// What the signals say about a submission, gathered by the web layer.
#[derive(Debug, Clone, Copy)]
pub struct Signals {
    pub honeypot_filled: bool,
    /// Seconds between serving the form and receiving it.
    pub fill_seconds: f64,
    pub links: usize,
    pub post_published_at: DateTime<Utc>,
    pub now: DateTime<Utc>,
    /// The learning filter's score, 0.5 when it knows nothing.
    pub filter_score: f64,
    pub repeats: Repeats,
    pub address: AddressRate,
    /// A member of the blog, or a commenter whose name and email address
    /// already have a comment the owner published: first-time moderation
    /// lets them through.
    pub known_commenter: bool,
}

/// Decides a submission's status. A bot's honeypot makes it spam. Otherwise
/// every sign found is a reason shown to the owner, each with a weight:
/// haste, many links, a busy address, a repeated body and a suspicious
/// filter score weigh 1; a body the owner already marked spam elsewhere and a
/// sure filter score weigh 2. Together reaching [`SPAM_AT_WEIGHT`] is spam;
/// less holds the comment (a busy address alone does not), as does the
/// blog's moderation setting; with no reason it is published.
pub fn judge(settings: &BlogSettings, s: Signals) -> CommentVerdict {
    if s.honeypot_filled {
        return CommentVerdict {
            status: CommentStatus::Spam,
            reasons: vec![HoldReason::Honeypot],
        };
    }
    let mut reasons = Vec::new();
    let post_age_days = (s.now - s.post_published_at).num_days();
    let moderated = match settings.comment_moderation {
        Moderation::Never => None,
        Moderation::Always => Some(HoldReason::Moderation),
        Moderation::OlderThan => {
            (post_age_days >= i64::from(settings.moderation_days)).then_some(HoldReason::Moderation)
        }
        Moderation::FirstTime => (!s.known_commenter).then_some(HoldReason::FirstTime),
    };
    reasons.extend(moderated);
    if s.links >= HOLD_AT_LINKS {
        reasons.push(HoldReason::Links { count: s.links });
    }
    if s.fill_seconds < f64::from(settings.comment_min_seconds) {
        reasons.push(HoldReason::TooFast {
            seconds: s.fill_seconds.max(0.0),
        });
    }
    if s.repeats.other_posts > 0 {
        reasons.push(HoldReason::Repeated {
            posts: s.repeats.other_posts,
            spam: s.repeats.marked_spam,
        });
    }
    if s.address.limit > 0 && s.address.recent * 2 >= s.address.limit {
        reasons.push(HoldReason::BusyAddress {
            count: s.address.recent + 1,
            minutes: s.address.window_minutes,
        });
    }
    if s.filter_score >= FILTER_HOLD_AT {
        reasons.push(HoldReason::Filter {
            score: s.filter_score,
        });
    }
    let weight: u32 = reasons.iter().map(HoldReason::weight).sum();
    let status = if weight >= SPAM_AT_WEIGHT {
        CommentStatus::Spam
    } else if reasons.iter().any(HoldReason::holds) {
        CommentStatus::Pending
    } else {
        reasons.clear();
        CommentStatus::Published
    };
    CommentVerdict { status, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn settings(m: Moderation) -> BlogSettings {
        BlogSettings {
            comment_moderation: m,
            ..BlogSettings::new(1, "h", "t")
        }
    }

    fn signals(post_age_days: i64, fill: f64) -> Signals {
        let now = Utc.with_ymd_and_hms(2020, 6, 1, 0, 0, 0).unwrap();
        Signals {
            honeypot_filled: false,
            fill_seconds: fill,
            links: 0,
            post_published_at: now - Duration::days(post_age_days),
            now,
            filter_score: 0.5,
            repeats: Repeats::default(),
            address: AddressRate {
                recent: 0,
                limit: 20,
                window_minutes: 10,
            },
            known_commenter: false,
        }
    }

    #[test]
    fn moderation_modes() {
        let never = judge(&settings(Moderation::Never), signals(100, 10.0));
        assert_eq!(never.status, CommentStatus::Published);
        let always = judge(&settings(Moderation::Always), signals(0, 10.0));
        assert_eq!(always.status, CommentStatus::Pending);
        let young = judge(&settings(Moderation::OlderThan), signals(3, 10.0));
        assert_eq!(young.status, CommentStatus::Published);
        let old = judge(&settings(Moderation::OlderThan), signals(30, 10.0));
        assert_eq!(old.status, CommentStatus::Pending);
    }

    #[test]
    fn first_time_holds_strangers_only() {
        let first = judge(&settings(Moderation::FirstTime), signals(0, 10.0));
        assert_eq!(first.status, CommentStatus::Pending);
        assert_eq!(first.reasons_text(), "first comment by this name and email");
        let mut known = signals(0, 10.0);
        known.known_commenter = true;
        let again = judge(&settings(Moderation::FirstTime), known);
        assert_eq!(again.status, CommentStatus::Published);
        // Other signs still hold a known commenter's comment.
        known.fill_seconds = 0.5;
        let hasty = judge(&settings(Moderation::FirstTime), known);
        assert_eq!(hasty.status, CommentStatus::Pending);
        let never = judge(&settings(Moderation::Never), signals(0, 10.0));
        assert_eq!(never.status, CommentStatus::Published);
    }

    #[test]
    fn haste_links_and_honeypot() {
        let fast = judge(&settings(Moderation::Never), signals(0, 0.8));
        assert_eq!(fast.status, CommentStatus::Pending);
        assert_eq!(fast.reasons_text(), "posted 0.8 s after the form loaded");
        let mut s = signals(0, 10.0);
        s.links = 3;
        assert_eq!(
            judge(&settings(Moderation::Never), s).reasons,
            vec![HoldReason::Links { count: 3 }]
        );
        s.honeypot_filled = true;
        assert_eq!(
            judge(&settings(Moderation::Never), s).status,
            CommentStatus::Spam
        );
    }

    #[test]
    fn signs_add_up_to_spam() {
        let set = settings(Moderation::Never);
        let mut s = signals(0, 10.0);
        s.filter_score = 0.97;
        let held = judge(&set, s);
        assert_eq!(held.status, CommentStatus::Pending);
        assert_eq!(held.reasons_text(), "filter score 0.97");

        s.links = 3;
        s.fill_seconds = 0.8;
        let spam = judge(&set, s);
        assert_eq!(spam.status, CommentStatus::Spam);
        assert_eq!(
            spam.reasons_text(),
            "3 links, posted 0.8 s after the form loaded, filter score 0.97"
        );

        let mut s = signals(0, 10.0);
        s.filter_score = 0.995;
        assert_eq!(judge(&set, s).status, CommentStatus::Pending);
        assert_eq!(judge(&set, s).reasons_text(), "filter score 0.99");
        s.repeats = Repeats {
            other_posts: 2,
            marked_spam: false,
        };
        let repeated = judge(&set, s);
        assert_eq!(repeated.status, CommentStatus::Spam);
        assert_eq!(
            repeated.reasons_text(),
            "same text as comments on 2 other posts, filter score 0.99"
        );
    }

    #[test]
    fn a_busy_address_only_adds_weight() {
        let set = settings(Moderation::Never);
        let mut s = signals(0, 10.0);
        s.address.recent = 12;
        let busy = judge(&set, s);
        assert_eq!(busy.status, CommentStatus::Published);
        assert!(
            busy.reasons.is_empty(),
            "a published comment has no reasons"
        );
        s.repeats = Repeats {
            other_posts: 1,
            marked_spam: true,
        };
        let spam = judge(&set, s);
        assert_eq!(spam.status, CommentStatus::Spam);
        assert_eq!(
            spam.reasons_text(),
            "same text as a comment on another post marked spam, \
             13 comments from this address in 10 minutes"
        );
        assert!(!repeat_matters("Thanks!"));
        assert!(repeat_matters(
            "Thanks, this was the clearest explanation so far."
        ));
    }

    #[test]
    fn submission_fields() {
        let ok = Submission::parse(Some(" "), None, Some(""), Some("hi\r\nthere"), None).unwrap();
        assert_eq!(ok.author_name, ANONYMOUS);
        assert_eq!(ok.body, "hi\nthere");
        assert_eq!(ok.author_url, None);
        let bad_url = Submission::parse(None, None, Some("javascript:alert(1)"), Some("x"), None);
        assert_eq!(bad_url.unwrap_err().field, "url");
        let nul = Submission::parse(Some("a\0b"), None, None, Some("x"), None);
        assert_eq!(nul.unwrap_err().field, "name");
        let nul = Submission::parse(None, None, None, Some("x\0"), None);
        assert_eq!(nul.unwrap_err().field, "body");
        // What XML cannot carry, as feeds and exports must.
        let vt = Submission::parse(None, None, None, Some("a\u{B}b"), None).unwrap_err();
        assert_eq!(vt.field, "body");
        assert!(vt.message.contains("U+000B"), "{}", vt.message);
        let nonchar = Submission::parse(Some("A\u{FFFE}"), None, None, Some("x"), None);
        assert_eq!(nonchar.unwrap_err().field, "name");
        assert!(Submission::parse(None, None, None, Some("tab\tand\r\nlines"), None).is_ok());
        let empty = Submission::parse(None, None, None, Some("  "), None);
        assert_eq!(empty.unwrap_err().field, "body");
        let long = "x".repeat(MAX_BODY_CHARS + 1);
        assert_eq!(
            Submission::parse(None, None, None, Some(&long), None)
                .unwrap_err()
                .field,
            "body"
        );
    }

    #[test]
    fn web_urls_only() {
        assert!(is_web_url("https://example.com/x"));
        assert!(is_web_url("HTTP://example.com"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("http://"));
        assert!(!is_web_url("http://a b"));
        assert!(!is_web_url("//evil.test"));
    }
}
