//! Follow by Email (SPEC 11): the public form's request ([`subscribe`]),
//! the confirmation link's page ([`open`]) and button ([`confirm`]), and
//! the way out ([`unsubscribe`], also the one-click `List-Unsubscribe` of
//! every post mailed). Each post first published through the editor or the
//! API is mailed to every address confirmed by then, once: the store marks
//! it in the publishing save and the senders walk the subscribers
//! (`Store::mail_new_posts`).
//!
//! The form needs no signed token: anyone may ask for any address, and
//! what keeps it from flooding a stranger's inbox is the confirmation (no
//! second one within a day, none to an address already confirmed) and the
//! limits per client, per address and per blog.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use tidings_core::{BlogSettings, Role, permission};
use tidings_store::{QueuedMail, Store, Subscriber, SubscriberCounts};

use super::compose::Composed;
use super::links::{self, Purpose, refusal};
use super::words::Words;
use super::{Letter, Mail, blog_url};
use crate::Error;
use crate::limits::{self, Limit};

/// Requests from one client address (IPv6 by /64).
pub const PER_CLIENT: Limit = Limit {
    count: 10,
    window: Duration::hours(1),
};

/// Requests for one email address, whoever asks.
pub const PER_EMAIL: Limit = Limit {
    count: 3,
    window: Duration::days(1),
};

/// Requests to one blog, from everyone: a flood from many addresses.
pub const PER_BLOG: Limit = Limit {
    count: 300,
    window: Duration::hours(1),
};

/// An address sent a confirmation is sent no other within this time.
pub const QUIET: Duration = Duration::days(1);

/// How long a confirmation link works, from when it is sent.
pub const CONFIRM_LINK_LIFETIME: Duration = Duration::days(7);

/// How long an unsubscribe link works: as long as mail could arrive.
pub const UNSUBSCRIBE_LINK_LIFETIME: Duration = Duration::days(3650);

/// The longest address we keep (RFC 5321's path limit).
const MAX_EMAIL: usize = 254;

/// Asks for `email` to follow `blog`, from `from`. The answer is the same
/// whether a confirmation was mailed or not (already confirmed, or one was
/// sent within a day), so the form tells nobody who follows the blog.
pub async fn subscribe(
    store: &Store,
    mail: &Mail,
    blog: &BlogSettings,
    email: &str,
    from: IpAddr,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if !mail.is_on() {
        return Err(Error::Conflict(
            "This blog cannot send mail, so it cannot be followed by email. Its feeds work.".into(),
        ));
    }
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(Error::invalid("email", "Give your email address."));
    }
    if email.len() > MAX_EMAIL || !tidings_mail::is_address(&email) {
        return Err(Error::invalid(
            "email",
            "That email address does not look right.",
        ));
    }
    let client = limits::client_key(from);
    limit(store, &format!("follow:ip:{client}"), PER_CLIENT, now).await?;
    limit(store, &format!("follow:email:{email}"), PER_EMAIL, now).await?;
    limit(store, &format!("follow:blog:{}", blog.id), PER_BLOG, now).await?;
    store
        .ask_subscription(blog.id, &email, now, now - QUIET)
        .await?;
    Ok(())
}

async fn limit(store: &Store, key: &str, limit: Limit, now: DateTime<Utc>) -> Result<(), Error> {
    let (hits, window_end) = store.hit(key, limit.window.num_seconds(), now).await?;
    if hits > limit.count {
        return Err(limits::throttled(window_end, now, |wait| {
            format!("Too many requests to follow this blog. Please wait {wait} seconds.")
        }));
    }
    Ok(())
}

/// The subscriber `token` is about, if the link is good for `purpose` at
/// `now` (opening it changes nothing).
pub async fn open(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    purpose: Purpose,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Subscriber, Error> {
    let claim = links::read(token).map_err(refusal)?;
    let subscriber = store
        .subscriber(blog_id, claim.subject)
        .await?
        .ok_or_else(|| refusal(links::LinkError::Wrong))?;
    let binding = binding(purpose, &subscriber);
    links::verify(mail.key(), purpose, &claim, &binding, now).map_err(|e| match e {
        // Signed with an older request's time: a newer mail has the link.
        links::LinkError::Wrong if purpose == Purpose::ConfirmSubscription => Error::Conflict(
            "This link is spent: a newer confirmation mail was sent, or this address already \
             confirmed. Nothing changed."
                .into(),
        ),
        e => refusal(e),
    })?;
    if purpose == Purpose::ConfirmSubscription && subscriber.state == "confirmed" {
        return Err(Error::Conflict(
            "This link is spent: this address already follows the blog.".into(),
        ));
    }
    Ok(subscriber)
}

/// A confirmation link is signed with the time of its request, so only the
/// latest one works; an unsubscribe link works whatever happened since.
fn binding(purpose: Purpose, s: &Subscriber) -> String {
    match purpose {
        Purpose::ConfirmSubscription => s.asked_at.timestamp_micros().to_string(),
        _ => String::new(),
    }
}

/// Confirms the subscription `token` is about: posts published from now
/// on are mailed to it.
pub async fn confirm(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Subscriber, Error> {
    let s = open(
        store,
        mail,
        blog_id,
        Purpose::ConfirmSubscription,
        token,
        now,
    )
    .await?;
    if !store
        .confirm_subscriber(blog_id, s.id, s.asked_at, now)
        .await?
    {
        return Err(Error::Conflict(
            "This link was used a moment ago. Nothing changed.".into(),
        ));
    }
    Ok(s)
}

/// Ends the subscription `token` is about. Ending it twice is no error: a
/// mail client's one-click `POST` may come again.
pub async fn unsubscribe(
    store: &Store,
    mail: &Mail,
    blog_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Subscriber, Error> {
    let s = open(store, mail, blog_id, Purpose::Unsubscribe, token, now).await?;
    store.unsubscribe(blog_id, s.id, now).await?;
    Ok(s)
}

/// `blog_id`'s subscribers, oldest first, with how many are in each
/// state: the admin's alone (addresses are readers' private data).
pub async fn subscribers(
    store: &Store,
    role: Role,
    blog_id: i64,
) -> Result<(SubscriberCounts, Vec<Subscriber>), Error> {
    subscribers_of(role)?;
    let counts = store.subscriber_counts(blog_id).await?;
    Ok((counts, store.subscribers(blog_id).await?))
}

/// Most addresses one import takes.
pub const MAX_IMPORT: usize = 50_000;

/// Imports subscribers from CSV `text` (the export's shape: the address
/// first on each line, a header line allowed), the admin's alone. They are
/// confirmed at once only when the owner says they `consented`; otherwise
/// each is mailed a confirmation. One line that is not an address refuses
/// the whole file, naming the line, and nothing changes. Answers how many
/// were new.
pub async fn import(
    store: &Store,
    mail: &Mail,
    role: Role,
    blog_id: i64,
    text: &str,
    consented: bool,
    now: DateTime<Utc>,
) -> Result<u64, Error> {
    subscribers_of(role)?;
    if !consented && !mail.is_on() {
        return Err(Error::invalid(
            "consented",
            "Mail is off, so no confirmation can be sent: tick that these people consented,              or turn mail on first.",
        ));
    }
    let emails = addresses(text)?;
    Ok(store
        .import_subscribers(blog_id, &emails, consented, now)
        .await?)
}

/// The addresses of an imported CSV, lowercased, each checked.
fn addresses(text: &str) -> Result<Vec<String>, Error> {
    let mut emails = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let first = line
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if first.is_empty() || (n == 0 && first.eq_ignore_ascii_case("email")) {
            continue;
        }
        let email = first.to_lowercase();
        if email.len() > MAX_EMAIL || !tidings_mail::is_address(&email) {
            return Err(Error::invalid(
                "csv",
                format!(
                    "Line {}: {first:?} is not an email address. Nothing was imported.",
                    n + 1
                ),
            ));
        }
        emails.push(email);
    }
    if emails.len() > MAX_IMPORT {
        return Err(Error::invalid(
            "csv",
            format!("At most {MAX_IMPORT} addresses at once; split the file."),
        ));
    }
    Ok(emails)
}

fn subscribers_of(role: Role) -> Result<(), Error> {
    if permission::may_administer(role) {
        return Ok(());
    }
    Err(Error::Forbidden(format!(
        "Your role ({}) may not see who follows the blog; an admin may.",
        role.as_str()
    )))
}

/// The confirmation mail of subscriber `queued.subject_id`.
pub(super) async fn confirmation(
    store: &Store,
    mail: &Mail,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let Some(s) = store.subscriber(queued.blog_id, queued.subject_id).await? else {
        return Ok(Composed::Nothing("the subscriber is gone"));
    };
    if s.state != "pending" {
        return Ok(Composed::Nothing(
            "the address was decided before it was mailed",
        ));
    }
    let blog = store.blog_by_id(queued.blog_id).await?;
    let base = blog_url(&blog);
    let token = links::issue(
        mail.key(),
        Purpose::ConfirmSubscription,
        s.id,
        0,
        &binding(Purpose::ConfirmSubscription, &s),
        now + CONFIRM_LINK_LIFETIME,
    );
    let w = Words::of(&blog);
    let text = format!(
        "{intro}\n\n{confirm}\n{base}/subscribe/confirm?token={token}\n\n{not_asked}\n",
        intro = w.t(
            "mail-follow-intro",
            &[("blog", &blog.title), ("url", &base), ("email", &s.email)]
        ),
        confirm = w.t(
            "mail-confirm-link",
            &[("duration", &w.days(CONFIRM_LINK_LIFETIME))]
        ),
        not_asked = w.t("mail-not-asked", &[]),
    );
    Ok(Composed::Letter(Letter {
        to: s.email,
        to_name: None,
        subject: w.t("mail-follow-subject", &[("blog", &blog.title)]),
        text,
        html: None,
        list_unsubscribe: None,
    }))
}
