//! Mail: what each event mails, to whom, and the sender every `serve` node
//! runs.
//!
//! An event queues its mail in its own transaction (a held comment in
//! `comments::submit`'s insert, a reset request in [`reset::request`], a
//! post submitted for review in `posts::save_mailing`'s write); a
//! queued row names what to say about what, and the words and links are
//! written when it is sent ([`compose`]), so a link's lifetime starts when
//! it is mailed. [`sender::run`] claims due mail, sends it through the
//! SMTP server (`tidings_mail`) and marks it, retrying with backoff.
//!
//! Without `--smtp-url` mail is off: nothing is queued (mail queued while
//! it is off would go out, stale, the day someone turns it on), and the
//! pages where it matters say so.

pub mod compose;
pub mod follow;
pub mod links;
pub mod moderate;
mod new_post;
pub mod prefs;
pub mod replies;
pub mod reset;
pub mod review;
pub mod sender;
mod words;

use std::sync::Arc;

use tidings_core::{BlogSettings, Post, permission};
use tidings_store::{NewMail, Store, StoreError};

pub(crate) use review::if_submitted;
pub use tidings_mail::{Dkim, Letter, Mailer, SmtpSettings, is_address};

use crate::Error;

/// What a queued row says: a comment held for the owners.
pub const HELD_COMMENT: &str = "held_comment";
/// What a queued row says: a link that sets a new password.
pub const PASSWORD_RESET: &str = "password_reset";

/// Mail as this node sends it: the SMTP server (none: mail is off) and the
/// key that signs the links mail carries, shared by every node.
#[derive(Clone)]
pub struct Mail {
    mailer: Option<Mailer>,
    key: Arc<[u8]>,
}

impl Mail {
    /// Mail through `mailer` (or off), with the instance's link key.
    pub async fn open(store: &Store, mailer: Option<Mailer>) -> Result<Self, StoreError> {
        let key = store
            .secret("mail_link_key", crate::form_token::fresh_key)
            .await?;
        Ok(Self {
            mailer,
            key: key.into_bytes().into(),
        })
    }

    /// Mail off, for callers that never send (tests of other acts).
    pub fn off() -> Self {
        Self {
            mailer: None,
            key: Arc::from(&b"mail is off"[..]),
        }
    }

    pub fn is_on(&self) -> bool {
        self.mailer.is_some()
    }

    /// The SMTP server's `host:port`, while mail is on.
    pub fn server(&self) -> Option<String> {
        self.mailer.as_ref().map(|m| m.settings().server())
    }

    pub(crate) fn key(&self) -> &[u8] {
        &self.key
    }

    pub(crate) fn mailer(&self) -> Option<&Mailer> {
        self.mailer.as_ref()
    }
}

/// The mail a comment on `post` queues if it is held: one to each member
/// who may moderate it (the blog's admins, and its author when their role
/// moderates their own posts' comments) and has not turned it off. None
/// while mail is off.
pub async fn if_held(
    store: &Store,
    mail: &Mail,
    blog: &BlogSettings,
    post: &Post,
) -> Result<Vec<NewMail>, Error> {
    if !mail.is_on() {
        return Ok(Vec::new());
    }
    // A member who turned this mail off (`prefs`) is left out.
    let members = store.members_mailed_held_comments(blog.id).await?;
    Ok(members
        .into_iter()
        .filter(|(user, role)| permission::may_moderate(*role, post.author_id == Some(user.id)))
        .map(|(user, _)| NewMail {
            blog_id: blog.id,
            kind: HELD_COMMENT.to_owned(),
            subject_id: 0,
            event: String::new(),
            recipient: user.email,
            user_id: Some(user.id),
        })
        .collect())
}

/// The address a blog's links in mail start with. The blog's host is the
/// one name we know it by; a blog on this machine is reached over plain
/// HTTP, any other over HTTPS.
pub fn blog_url(blog: &BlogSettings) -> String {
    let host = blog.host.as_str();
    let local = host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<std::net::IpAddr>().is_ok()
        || host.starts_with('[');
    if local {
        format!("http://{host}")
    } else {
        format!("https://{host}")
    }
}
