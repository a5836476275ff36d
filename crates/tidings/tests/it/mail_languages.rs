//! Every mail readers and owners get is written in the blog's language
//! (issue 16): Follow by Email's confirmation and new posts, a commenter's
//! confirmation and replies, the held comment's mail to the owners and the
//! password reset, here in French and in Arabic, through a real SMTP sink.
//! What the mails quote (titles, names, comments) stays as written, and
//! their links still work.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::admin::Browser;
use crate::smtp::{Sink, app_mailing, link};
use crate::support::TestApp;

/// What a mail in one language says, in part.
struct Expected {
    language: &'static str,
    follow_subject: &'static str,
    confirm_link: &'static str,
    held_subject: &'static str,
    held_text: &'static str,
    replies_subject: &'static str,
    reply_subject: &'static str,
    post_text: &'static str,
    reset_subject: &'static str,
    reset_text: &'static str,
}

const FRENCH: Expected = Expected {
    language: "fr",
    follow_subject: "Confirmez : suivre Carnet par e-mail",
    confirm_link: "Pour confirmer, ouvrez ce lien (valable 7 jours) :",
    held_subject: "Ann a commenté « Le phare » (en attente de modération)",
    held_text: "Chaque lien ouvre une page avec un seul bouton et reste valable 7 jours.",
    replies_subject: "Confirmez : les réponses à votre commentaire sur « Le phare »",
    reply_subject: "Bob a répondu à votre commentaire sur « Le phare »",
    post_text: "Vous suivez Carnet par e-mail. Se désabonner :",
    reset_subject: "Un nouveau mot de passe pour Carnet",
    reset_text: "Un nouveau mot de passe déconnecte ce compte partout.",
};

const ARABIC: Expected = Expected {
    language: "ar",
    follow_subject: "تأكيد: متابعة Carnet عبر البريد الإلكتروني",
    confirm_link: "للتأكيد، افتح هذا الرابط (يعمل لمدة 7 أيام):",
    held_subject: "علّق Ann على «Le phare» (في انتظار الموافقة)",
    held_text: "يفتح كل رابط صفحة فيها زر واحد، ويعمل لمدة 7 أيام.",
    replies_subject: "تأكيد: الردود على تعليقك على «Le phare»",
    reply_subject: "ردّ Bob على تعليقك على «Le phare»",
    post_text: "أنت تتابع Carnet عبر البريد الإلكتروني. إلغاء الاشتراك:",
    reset_subject: "كلمة مرور جديدة لمدونة Carnet",
    reset_text: "تعيين كلمة مرور جديدة يُخرج هذا الحساب من كل مكان.",
};

/// English any of these mails said before they were translated.
const ENGLISH: &[&str] = &[
    "If you did not ask",
    "To confirm",
    "Approve it",
    "Mark it as spam",
    "Why it was held",
    "Read it",
    "Unsubscribe",
    "You follow",
    "replied to your comment",
    "commented on",
    "new password",
    "Stop mail",
];

/// The `n`th mail (from 1) to `address`, once it arrived.
async fn mail_to(sink: &Sink, address: &str, n: usize) -> Value {
    for _ in 0..150 {
        let got: Vec<Value> = sink
            .messages()
            .into_iter()
            .filter(|m| m["rcpt_tos"] == json!([address]))
            .collect();
        if got.len() >= n {
            return got[n - 1].clone();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no mail {n} to {address}");
}

/// Asserts `mail` has `subject` and `text` in it, and no English.
fn speaks(mail: &Value, subject: &str, text: &str) {
    let (got_subject, got_text) = (
        mail["subject"].as_str().unwrap(),
        mail["text"].as_str().unwrap(),
    );
    assert_eq!(got_subject, subject, "{got_text}");
    assert!(got_text.contains(text), "{text:?} in {got_text}");
    for english in ENGLISH {
        assert!(
            !got_subject.contains(english) && !got_text.contains(english),
            "{english:?} in {got_subject}\n{got_text}"
        );
    }
}

/// POSTs a form to `path`; answers the status.
async fn post_form(app: &TestApp, path: &str, body: &str) -> StatusCode {
    app.client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
        .status()
}

/// A link page's button: where it posts.
fn action(page: &str) -> String {
    let open = "<form method=\"post\" action=\"";
    let at = page.find(open).expect("a button") + open.len();
    page[at..at + page[at..].find('"').unwrap()].replace("&amp;", "&")
}

async fn every_mail_speaks(e: &Expected) {
    let sink = Sink::started();
    let mut app = app_mailing(&sink).await;
    app.settings(json!({
        "language": e.language,
        "title": "Carnet",
        "comment_moderation": "always",
        "comment_min_seconds": 0,
    }))
    .await;
    let post = app
        .post(json!({"title": "Le phare", "body": "Texte.", "status": "published"}))
        .await;
    let path = post["url"].as_str().unwrap().to_owned();

    // Follow by Email: the confirmation, then a new post.
    let status = post_form(&app, "/subscribe", "email=reader%40example.org").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let confirm = mail_to(&sink, "reader@example.org", 1).await;
    speaks(&confirm, e.follow_subject, e.confirm_link);
    let page = app
        .page(&link(
            confirm["text"].as_str().unwrap(),
            "/subscribe/confirm",
        ))
        .await;
    assert_eq!(post_form(&app, &action(&page), "").await, StatusCode::OK);
    app.post(json!({"title": "La digue", "body": "Encore.", "status": "published"}))
        .await;
    let new_post = mail_to(&sink, "reader@example.org", 2).await;
    speaks(&new_post, "Carnet: La digue", e.post_text);

    // A held comment: the owner's mail, then the commenter's confirmation
    // once it is approved, then a reply.
    let landed = app
        .comment(
            &path,
            &[
                ("name", "Ann"),
                ("email", "ann@example.org"),
                ("body", "Bonjour."),
                ("notify", "1"),
            ],
        )
        .await
        .unwrap();
    assert!(landed.contains("held=1"), "{landed}");
    let held = mail_to(&sink, "owner@example.com", 1).await;
    speaks(&held, e.held_subject, e.held_text);
    assert!(held["text"].as_str().unwrap().contains("Bonjour."));
    let (_, pending) = app.api(Method::GET, "/comments?status=pending", None).await;
    let ann = pending["items"][0]["id"].to_string();
    app.settings(json!({"comment_moderation": "never"})).await;
    let (status, _) = app
        .api(Method::POST, &format!("/comments/{ann}/approve"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let replies = mail_to(&sink, "ann@example.org", 1).await;
    speaks(&replies, e.replies_subject, e.confirm_link);
    let page = app
        .page(&link(replies["text"].as_str().unwrap(), "/replies/confirm"))
        .await;
    assert_eq!(post_form(&app, &action(&page), "").await, StatusCode::OK);
    app.comment(
        &path,
        &[("name", "Bob"), ("body", "Bienvenue."), ("parent", &ann)],
    )
    .await
    .unwrap();
    let reply = mail_to(&sink, "ann@example.org", 2).await;
    speaks(&reply, e.reply_subject, "Bienvenue.");

    // "Forgot your password?"
    let mut browser = Browser::new(&app);
    let asked = browser
        .post("/admin/forgot", &[("email", "owner@example.com")])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    let reset = mail_to(&sink, "owner@example.com", 2).await;
    speaks(&reset, e.reset_subject, e.reset_text);
    assert!(
        reset["text"]
            .as_str()
            .unwrap()
            .contains("/admin/reset?token=")
    );
}

#[tokio::test]
async fn every_mail_is_in_french_on_a_french_blog() {
    every_mail_speaks(&FRENCH).await;
}

#[tokio::test]
async fn every_mail_is_in_arabic_on_an_arabic_blog() {
    every_mail_speaks(&ARABIC).await;
}
