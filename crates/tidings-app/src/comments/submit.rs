//! A reader's comment, from its arrival to its row: who may comment, the
//! signed form, the fields, the rate limits, the verdict (publish, hold,
//! spam) and the insert.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use tidings_core::comment::{self, AddressRate, Repeats, Signals, Submission};
use tidings_core::{
    BlogSettings, Comment, CommentStatus, CommentsAllowed, Moderation, Post, PostComments, spam,
};
use tidings_store::{NewComment, Store, StoreError};

use crate::Error;
use crate::form_token::{self, Purpose, TokenError};
use crate::limits::{self, COMMENTS_PER_ADDRESS, COMMENTS_PER_POST, Limit};
use crate::mail::Mail;

/// A body sent to other posts within this many days counts as repeated.
const REPEAT_WINDOW: Duration = Duration::days(30);

/// A signed-in member of the blog, as a comment form sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub name: String,
}

/// A comment as it arrived, before any rule was applied to it.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// The signed-in member of the blog sending it: they comment under
    /// their name, marked as the author's; only they may where the blog
    /// says `signed_in`; first-time moderation does not hold them.
    pub member: Option<Member>,
    /// The comment form's signed token (`form_token`): which post's form,
    /// served when.
    pub token: String,
    /// The comment this one answers.
    pub parent_id: Option<i64>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub body: Option<String>,
    /// The "notify me of replies" box was ticked.
    pub notify_replies: bool,
    /// The honeypot field, hidden from people and filled by bots.
    pub honeypot: Option<String>,
    /// Where it came from, for the per-address limit.
    pub address: IpAddr,
    /// The cookie value that opened a password-protected post
    /// (`posts::unlock`): without it such a post takes no comment.
    pub post_pass: Option<String>,
}

/// Judges and stores a comment on `post` (which the caller found visible on
/// `blog`) and answers it as stored: its status says whether it shows now
/// (published), waits for the owner (pending) or was taken for spam.
/// `form_key` signs the blog's comment forms. A held comment queues mail
/// to the members who may moderate it, in the insert's transaction.
pub async fn submit(
    store: &Store,
    mail: &Mail,
    form_key: &[u8],
    blog: &BlogSettings,
    post: &Post,
    arrival: Arrival,
    now: DateTime<Utc>,
) -> Result<Comment, Error> {
    may_comment(blog, arrival.member.is_some())?;
    post_takes_comments(post)?;
    if !crate::posts::unlock::opens(form_key, post, arrival.post_pass.as_deref(), now) {
        return Err(Error::Forbidden(
            "This post is protected by a password; give it on the post's page first.".into(),
        ));
    }
    let served_at = form_served_at(form_key, &arrival.token, post.id, now)?;
    // A signed-in member comments under their own name.
    let name = arrival
        .member
        .as_ref()
        .map(|m| m.name.as_str())
        .or(arrival.name.as_deref());
    let submission = Submission::parse(
        name,
        arrival.email.as_deref(),
        arrival.url.as_deref(),
        arrival.body.as_deref(),
        arrival.parent_id,
    )
    .map_err(|e| Error::invalid(e.field, e.message))?;
    let watch_replies = watch_replies(mail, arrival.notify_replies, &submission)?;
    let ip = arrival.address.to_string();
    let address = address_rate(store, &ip, now).await?;
    post_rate(store, post.id, now).await?;
    let signals = Signals {
        honeypot_filled: arrival
            .honeypot
            .as_deref()
            .is_some_and(|w| !w.trim().is_empty()),
        fill_seconds: (now - served_at).num_milliseconds() as f64 / 1000.0,
        links: submission.link_count(),
        post_published_at: post.published_at,
        now,
        filter_score: filter_score(store, blog.id, &submission).await?,
        repeats: repeats(store, blog.id, post.id, &submission.body, now).await?,
        address,
        known_commenter: arrival.member.is_some() || known(store, blog, &submission).await?,
    };
    let verdict = comment::judge(blog, signals);
    let mail_if_held = match verdict.status {
        CommentStatus::Pending => crate::mail::if_held(store, mail, blog, post).await?,
        _ => Vec::new(),
    };
    let new = NewComment {
        blog_id: blog.id,
        post_id: post.id,
        parent_id: submission.parent_id,
        author_name: submission.author_name,
        author_email: submission.author_email,
        author_url: submission.author_url,
        body: submission.body,
        status: verdict.status,
        hold_reasons: verdict.reasons_text(),
        ip,
        created_at: now,
        user_id: arrival.member.map(|m| m.id),
        mail_if_held,
        watch_replies,
    };
    match store.insert_comment(&new).await {
        Err(StoreError::NotFound) => Err(Error::invalid(
            "parent",
            "The comment you replied to is no longer there. Your comment was not sent.",
        )),
        stored => Ok(stored?),
    }
}

/// Whether the owner already published a comment by this name and email
/// address, asked only where first-time moderation wants it. Without an
/// address a commenter is never known, as in WordPress: anyone may type a
/// name.
async fn known(store: &Store, blog: &BlogSettings, s: &Submission) -> Result<bool, Error> {
    let email = s.author_email.as_deref().map(str::trim).unwrap_or("");
    if blog.comment_moderation != Moderation::FirstTime || email.is_empty() {
        return Ok(false);
    }
    Ok(store
        .approved_commenter(blog.id, &s.author_name, email)
        .await?)
}

/// Whether to write a watch for replies: the box ticked, with an address
/// to mail (refused without one, naming the field), while mail is on (the
/// box is not shown while it is off).
fn watch_replies(mail: &Mail, ticked: bool, s: &Submission) -> Result<bool, Error> {
    if !ticked || !mail.is_on() {
        return Ok(false);
    }
    match s.author_email.as_deref() {
        Some(email) if tidings_mail::is_address(email.trim()) => Ok(true),
        Some(_) => Err(Error::invalid(
            "email",
            "That email address does not look right, so replies cannot be mailed to it.",
        )),
        None => Err(Error::invalid(
            "email",
            "Give your email address to be told of replies.",
        )),
    }
}

/// Whether the blog takes comments from this reader at all.
fn may_comment(blog: &BlogSettings, member: bool) -> Result<(), Error> {
    match (blog.comments_allowed, member) {
        (CommentsAllowed::Anyone, _) | (CommentsAllowed::SignedIn, true) => Ok(()),
        (CommentsAllowed::SignedIn, false) => Err(Error::Forbidden(
            "Only signed-in members of this blog may comment.".into(),
        )),
        (CommentsAllowed::Nobody, _) => {
            Err(Error::Forbidden("Comments are closed on this blog.".into()))
        }
    }
}

/// Whether this post takes comments: a closed or hidden one refuses them
/// whatever the blog allows, so a form kept from before it closed, or sent
/// by a script, adds nothing.
fn post_takes_comments(post: &Post) -> Result<(), Error> {
    match post.comments {
        PostComments::Open => Ok(()),
        PostComments::Closed | PostComments::Hidden => {
            Err(Error::Forbidden("Comments are closed on this post.".into()))
        }
    }
}

/// When the form was served, if we served it for this post: the proof
/// that a page was loaded first, and the fill time the verdict weighs.
fn form_served_at(
    key: &[u8],
    token: &str,
    post_id: i64,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Error> {
    form_token::verify(key, Purpose::Comment, token, post_id, now).map_err(|e| {
        Error::Malformed(
            match e {
                TokenError::Expired => {
                    "This comment form has expired. Reload the page, then send your comment again."
                }
                TokenError::Malformed => {
                    "This comment form is incomplete. Reload the page, then send your comment again."
                }
            }
            .into(),
        )
    })
}

/// The address's comments in the window: refused past the limit, and
/// otherwise a sign the verdict weighs.
async fn address_rate(store: &Store, ip: &str, now: DateTime<Utc>) -> Result<AddressRate, Error> {
    let Limit { count, window } = COMMENTS_PER_ADDRESS;
    let since = now - window;
    let recent = store.comments_from_ip_since(ip, since).await?;
    if recent >= count {
        let oldest = store
            .oldest_comment_from_ip_since(ip, since)
            .await?
            .unwrap_or(now);
        let minutes = window.num_minutes();
        return Err(limits::throttled(oldest + window, now, |wait| {
            format!(
                "You have sent {count} comments in {minutes} minutes. \
                 Please wait {wait} seconds before sending another."
            )
        }));
    }
    Ok(AddressRate {
        recent,
        limit: count,
        window_minutes: window.num_minutes(),
    })
}

/// Counts this comment against its post, refused past the post's limit.
async fn post_rate(store: &Store, post_id: i64, now: DateTime<Utc>) -> Result<(), Error> {
    let key = format!("comments:post:{post_id}");
    let window = COMMENTS_PER_POST.window.num_seconds();
    let (on_post, window_end) = store.hit(&key, window, now).await?;
    if on_post > COMMENTS_PER_POST.count {
        return Err(limits::throttled(window_end, now, |wait| {
            format!(
                "This post is receiving a flood of comments. \
                 Please wait {wait} seconds and send yours again."
            )
        }));
    }
    Ok(())
}

/// Copies of this body on the blog's other posts lately (short bodies such
/// as "Thanks!" repeat innocently and are not looked up).
async fn repeats(
    store: &Store,
    blog_id: i64,
    post_id: i64,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Repeats, Error> {
    if !comment::repeat_matters(body) {
        return Ok(Repeats::default());
    }
    let since = now - REPEAT_WINDOW;
    Ok(store
        .repeats_elsewhere(blog_id, post_id, body, since)
        .await?)
}

/// The blog's learning filter on this submission (`tidings_core::spam`).
async fn filter_score(store: &Store, blog_id: i64, s: &Submission) -> Result<f64, Error> {
    let tokens = spam::tokens(&spam::Text {
        author_name: &s.author_name,
        author_url: s.author_url.as_deref(),
        body: &s.body,
    });
    Ok(store.spam_model(blog_id, &tokens).await?.score(&tokens))
}
