//! Mail's use cases against a real SQLite store with the clock fixed: the
//! outbox's claims and leases, the words and links a queued mail becomes,
//! and when those links stop working (expired, spent, for another act).

mod common;

use std::net::{IpAddr, Ipv4Addr};

use chrono::Duration;
use tidings_app::Error;
use tidings_app::comments::Decision;
use tidings_app::mail::compose::{self, Composed, Shared};
use tidings_app::mail::{HELD_COMMENT, Mail, Mailer, SmtpSettings, moderate, reset};
use tidings_core::CommentStatus;
use tidings_store::{MailOutcome, NewComment, NewMail, Store};

use common::t0;

/// Mail on, through a server nobody listens on: these tests never send.
async fn mail_on(store: &Store) -> Mail {
    let settings = SmtpSettings::parse("smtp://127.0.0.1:9", "blog@example.org").unwrap();
    Mail::open(store, Some(Mailer::new(settings).unwrap()))
        .await
        .unwrap()
}

/// The path and query of the link to `path` in `text`.
fn token_of(text: &str, path: &str) -> String {
    let start = text.find(&format!("{path}?token=")).expect(path) + path.len() + 7;
    text[start..].split_whitespace().next().unwrap().to_owned()
}

fn letter_text(composed: Composed) -> String {
    match composed {
        Composed::Letter(letter) => letter.text,
        Composed::Nothing(why) => panic!("nothing to send: {why}"),
    }
}

#[tokio::test]
async fn a_held_comments_links_are_claimed_once_expire_and_are_spent() {
    let (store, dir) = common::open("mail-held").await;
    let (blog_id, owner) = common::owner(&store).await;
    let post = common::post(&store, blog_id, &owner, "held").await;
    let to_owner = NewMail {
        blog_id,
        kind: HELD_COMMENT.into(),
        subject_id: 0,
        event: String::new(),
        recipient: owner.email.clone(),
        user_id: Some(owner.id),
    };
    let comment = store
        .insert_comment(&NewComment {
            blog_id,
            post_id: post.id,
            parent_id: None,
            author_name: "Ann".into(),
            author_email: None,
            author_url: None,
            body: "Hold me.".into(),
            status: CommentStatus::Pending,
            hold_reasons: "held for moderation".into(),
            ip: "192.0.2.1".into(),
            created_at: t0(),
            user_id: None,
            mail_if_held: vec![to_owner],
            watch_replies: false,
        })
        .await
        .unwrap();

    // One node's claim keeps the others off until its lease runs out.
    let lease = Duration::minutes(2);
    let claimed = store.claim_mail("one", t0(), lease, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].subject_id, comment.id);
    assert!(
        store
            .claim_mail("two", t0(), lease, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let again = store
        .claim_mail("two", t0() + Duration::minutes(3), lease, 10)
        .await
        .unwrap();
    assert_eq!(
        (again.len(), again[0].attempts),
        (1, 2),
        "a dead node's lease ran out"
    );

    let mail = mail_on(&store).await;
    let text = letter_text(
        compose::letter(&store, &mail, &mut Shared::default(), &again[0], t0())
            .await
            .unwrap(),
    );
    assert!(
        text.contains("Hold me.") && text.contains("held for moderation"),
        "{text}"
    );
    let approve = token_of(&text, "/admin/mail/approve");
    let spam = token_of(&text, "/admin/mail/spam");
    let open = |decision, token: String, at| {
        let (store, mail) = (store.clone(), mail.clone());
        async move { moderate::open(&store, &mail, blog_id, decision, &token, at).await }
    };
    assert!(matches!(
        open(Decision::Approve, approve.clone(), t0() + Duration::days(8)).await,
        Err(Error::Forbidden(m)) if m.contains("expired")
    ));
    assert!(matches!(
        open(Decision::Spam, approve.clone(), t0()).await,
        Err(Error::Malformed(_))
    ));
    assert!(
        matches!(
            moderate::open(
                &store,
                &Mail::off(),
                blog_id,
                Decision::Approve,
                &approve,
                t0()
            )
            .await,
            Err(Error::Malformed(_))
        ),
        "another instance's key signs nothing here"
    );
    assert_eq!(
        open(Decision::Approve, approve.clone(), t0())
            .await
            .unwrap()
            .comment
            .id,
        comment.id,
        "opening changes nothing"
    );
    let done = moderate::apply(&store, &mail, blog_id, Decision::Approve, &approve, t0())
        .await
        .unwrap();
    assert_eq!(done.comment.status, CommentStatus::Published);
    for (decision, token) in [(Decision::Approve, approve), (Decision::Spam, spam)] {
        assert!(matches!(
            open(decision, token, t0()).await,
            Err(Error::Conflict(m)) if m.contains("already approved")
        ));
    }
    assert!(
        matches!(
            compose::letter(&store, &mail, &mut Shared::default(), &again[0], t0())
                .await
                .unwrap(),
            Composed::Nothing(_)
        ),
        "a comment decided before its mail left is not mailed"
    );
    let given_up = MailOutcome::GivenUp {
        error: "decided".into(),
    };
    store
        .mail_outcomes("two", &[(again[0].id, given_up)], t0())
        .await
        .unwrap();
    assert_eq!(store.prune_mail(t0()).await.unwrap(), 0, "kept a while");
    assert_eq!(
        store.prune_mail(t0() + Duration::days(31)).await.unwrap(),
        1
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_reset_link_works_once_within_the_hour() {
    let (store, dir) = common::open("mail-reset").await;
    let (blog_id, owner) = common::owner(&store).await;
    let from = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7));
    assert!(matches!(
        reset::request(&store, &Mail::off(), blog_id, &owner.email, from, t0()).await,
        Err(Error::Conflict(m)) if m.contains("Mail is off")
    ));
    let mail = mail_on(&store).await;
    assert!(matches!(
        reset::request(&store, &mail, blog_id, "no address", from, t0()).await,
        Err(Error::Invalid { field: "email", .. })
    ));
    reset::request(&store, &mail, blog_id, "nobody@example.org", from, t0())
        .await
        .unwrap();
    reset::request(&store, &mail, blog_id, " O@Example.org ", from, t0())
        .await
        .unwrap();
    let queued = store
        .claim_mail("one", t0(), Duration::minutes(2), 10)
        .await
        .unwrap();
    assert_eq!(queued.len(), 1, "only the account's address is mailed");
    assert_eq!(queued[0].recipient, owner.email);
    for _ in 0..2 {
        reset::request(&store, &mail, blog_id, &owner.email, from, t0())
            .await
            .unwrap();
    }
    assert!(
        matches!(
            reset::request(&store, &mail, blog_id, &owner.email, from, t0()).await,
            Err(Error::Throttled { .. })
        ),
        "three an hour per email address"
    );

    let text = letter_text(
        compose::letter(&store, &mail, &mut Shared::default(), &queued[0], t0())
            .await
            .unwrap(),
    );
    let token = token_of(&text, "/admin/reset");
    assert!(matches!(
        reset::check(&store, &mail, &token, t0() + Duration::minutes(61)).await,
        Err(Error::Forbidden(m)) if m.contains("expired")
    ));
    let later = t0() + Duration::minutes(10);
    let new = "another long passphrase";
    assert!(matches!(
        reset::complete(&store, &mail, &token, new, "differs", later).await,
        Err(Error::Invalid {
            field: "password_again",
            ..
        })
    ));
    reset::complete(&store, &mail, &token, new, new, later)
        .await
        .unwrap();
    assert!(matches!(
        reset::complete(&store, &mail, &token, new, new, later).await,
        Err(Error::Conflict(m)) if m.contains("already used")
    ));
    assert!(
        matches!(
            compose::letter(
                &store,
                &mail,
                &mut Shared::default(),
                &queued[0],
                t0() + Duration::hours(2)
            )
            .await
            .unwrap(),
            Composed::Nothing(_)
        ),
        "a reset link is not mailed past its hour"
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
