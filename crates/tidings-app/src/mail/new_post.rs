//! A new post's mail to Follow by Email's subscribers, in plain text and
//! HTML, with the one-click way out. A post is mailed to thousands at
//! once, so it is read and written out once for a batch of its mails
//! ([`PostMail`], kept in the batch's [`Shared`]); each subscriber's mail
//! adds only its own way out.

use chrono::{DateTime, Utc};
use tidings_store::{QueuedMail, Store, StoreError, Subscriber};

use super::compose::{Composed, Shared};
use super::follow::UNSUBSCRIBE_LINK_LIFETIME;
use super::links::{self, Purpose};
use super::words::Words;
use super::{Letter, Mail, blog_url};
use crate::Error;

/// Post `queued.subject_id`, to the subscriber it was queued for.
pub(super) async fn letter(
    store: &Store,
    mail: &Mail,
    shared: &mut Shared,
    queued: &QueuedMail,
    now: DateTime<Utc>,
) -> Result<Composed, Error> {
    let s = store
        .subscriber_by_email(queued.blog_id, &queued.recipient)
        .await?;
    let Some(s) = s.filter(|s| s.state == "confirmed") else {
        return Ok(Composed::Nothing(
            "the subscriber left before it was mailed",
        ));
    };
    match shared
        .post_mail(store, queued.blog_id, queued.subject_id, now)
        .await?
    {
        Ok(post) => Ok(Composed::Letter(post.letter(mail, &s, now))),
        Err(why) => Ok(Composed::Nothing(why)),
    }
}

/// A post's mail as every subscriber gets it, but for the way out.
pub(super) struct PostMail {
    words: Words,
    base: String,
    subject: String,
    /// The plain text up to the way out, which ends it.
    text: String,
    /// The HTML part up to the way out's address, and after it.
    html: (String, String),
}

impl PostMail {
    /// Post `post_id` of blog `blog_id` written out, or why it is not
    /// mailed (any more).
    pub(super) async fn read(
        store: &Store,
        blog_id: i64,
        post_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Result<Self, &'static str>, Error> {
        let post = match store.post_by_id(blog_id, post_id).await {
            Err(StoreError::NotFound) => return Ok(Err("the post is gone")),
            found => found?,
        };
        if !post.is_visible_at(now) {
            return Ok(Err("the post was taken back before it was mailed"));
        }
        let blog = store.blog_by_id(blog_id).await?;
        let base = blog_url(&blog);
        let url = format!("{base}{}", post.path);
        let words = Words::of(&blog);
        let following = words.t("mail-post-following", &[("blog", &blog.title)]);
        let text = format!(
            "{title}\n{by}\n\n{body_text}\n\n{read}\n\n----\n{following} ",
            title = post.title,
            by = post.author_name,
            body_text = tidings_render::html_to_text(&post.body_html),
            read = words.t("mail-post-read", &[("link", &url)]),
        );
        Ok(Ok(Self {
            words,
            subject: format!("{}: {}", blog.title, post.title),
            text,
            html: post_html(words, &following, &post, &base, &url),
            base,
        }))
    }

    /// The mail to subscriber `s`, whose way out is made at `now`.
    fn letter(&self, mail: &Mail, s: &Subscriber, now: DateTime<Utc>) -> Letter {
        let token = links::issue(
            mail.key(),
            Purpose::Unsubscribe,
            s.id,
            0,
            "",
            now + UNSUBSCRIBE_LINK_LIFETIME,
        );
        let leave = format!("{}/unsubscribe?token={token}", self.base);
        let leave_it = self.words.t("mail-post-leave", &[("link", &leave)]);
        let (before, after) = &self.html;
        Letter {
            to: s.email.clone(),
            to_name: None,
            subject: self.subject.clone(),
            text: format!("{}{leave_it}\n", self.text),
            html: Some(format!(
                "{before}{}{after}",
                tidings_render::escape_html(&leave)
            )),
            list_unsubscribe: Some(leave),
        }
    }
}

/// The HTML part, around the way out's address: the post's own sanitised
/// HTML, its site-relative links and pictures made absolute (a mail has
/// no site to be relative to), and every other text escaped; in the
/// blog's language and direction.
fn post_html(
    w: Words,
    following: &str,
    post: &tidings_core::Post,
    base: &str,
    url: &str,
) -> (String, String) {
    use tidings_render::escape_html as e;
    let body = post
        .body_html
        .replace(" href=\"/", &format!(" href=\"{base}/"))
        .replace(" src=\"/", &format!(" src=\"{base}/"));
    let (lang, dir) = w.html_lang();
    let before = format!(
        "<!doctype html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\
         <body><h1><a href=\"{url}\">{title}</a></h1><p>{by}</p>\n{body}\n\
         <hr><p>{following} <a href=\"",
        title = e(&post.title),
        url = e(url),
        by = e(&post.author_name),
        following = e(following),
    );
    let after = format!(
        "\">{unsubscribe}</a></p></body></html>\n",
        unsubscribe = e(&w.t("mail-post-unsubscribe", &[])),
    );
    (before, after)
}
