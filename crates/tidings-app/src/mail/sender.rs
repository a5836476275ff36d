//! The sender each `serve` node runs: claim a batch of due mail, write
//! each, send them side by side over the SMTP server's kept connections,
//! record what became of them all in one transaction; wait for new mail or
//! the next poll; again.
//!
//! A mail committed on this node wakes the sender at once
//! (`Store::mail_committed`); on PostgreSQL so does one committed on any
//! other node (`Store::mail_listener`); otherwise it is found at the next
//! poll, within [`POLL`], so any mail is first tried within seconds.
//! A claim is a lease: a node that dies mid-send leaves its mail to be
//! claimed again when the lease runs out, so at most the batch it had in
//! flight is sent twice. A mail the server did not take is
//! tried again after [`retry_delay`] (doubling from 20 seconds up to a day)
//! until [`GIVE_UP_AFTER`]; one the server refused for good (a 5xx reply)
//! is given up at once.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tidings_mail::{SendError, Sent};
use tidings_store::{ChangeListener, MailOutcome, QueuedMail, Store};

use super::compose::{self, Composed, Shared};
use super::{Mail, Mailer};

/// How often a node looks for mail other nodes queued, or that is due again.
pub const POLL: StdDuration = StdDuration::from_secs(5);

/// How long a claim keeps other nodes off a mail: longer than a batch
/// takes to send (each step of an SMTP conversation times out in 30 s).
const LEASE: Duration = Duration::minutes(2);

/// Mails claimed at once: a few for each connection to the server
/// (`tidings_mail::CONNECTIONS`), so the connections stay busy while a
/// batch's last mails finish, and one transaction records a batch's
/// outcomes. It bounds what a node killed mid-send leaves to be sent twice.
pub const BATCH: u32 = 4 * tidings_mail::CONNECTIONS as u32;

/// Subscribers one step of a post's mailing queues, in one short
/// transaction (`Store::mail_new_posts`): ten thousand take twenty steps,
/// each a moment of the writer's lock.
const FAN_OUT_BATCH: u32 = 500;

/// The first retry comes this long after a failed try; each next one
/// twice as long after, up to [`MAX_RETRY_DELAY`].
const FIRST_RETRY: Duration = Duration::seconds(20);
const MAX_RETRY_DELAY: Duration = Duration::days(1);

/// A mail not sent this long after it was queued is given up.
pub const GIVE_UP_AFTER: Duration = Duration::days(3);

/// Mail sent or given up is forgotten this long after.
const KEEP: Duration = Duration::days(30);

/// How often a node forgets old mail.
const PRUNE_EVERY: StdDuration = StdDuration::from_secs(3600);

/// How long to wait before the next try, after `attempts` tries.
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = attempts.clamp(1, 20) - 1;
    let delay = FIRST_RETRY * 2_i32.pow(doublings as u32);
    delay.min(MAX_RETRY_DELAY)
}

/// Runs until the process ends. Does nothing while mail is off.
pub async fn run(store: Store, mail: Mail) {
    let Some(mailer) = mail.mailer().cloned() else {
        return;
    };
    let node = crate::secrets::random_hex()[..16].to_owned();
    let mut pruned = tokio::time::Instant::now();
    let mut listener = None;
    loop {
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = tokio::time::Instant::now();
            if let Err(e) = store.prune_mail(Utc::now() - KEEP).await {
                tracing::warn!("mail: cannot forget old mail: {e}");
            }
        }
        let fanned = fan_out(&store).await;
        let full = send_batch(&store, &mail, &mailer, &node).await;
        if !full && !fanned {
            wait(&store, &mut listener).await;
        }
    }
}

/// Waits for mail committed by this process, or by any node where the
/// database announces it (`listener`, opened again after a lost
/// connection), or for the next poll.
async fn wait(store: &Store, listener: &mut Option<ChangeListener>) {
    if listener.is_none() {
        *listener = store.mail_listener().await.unwrap_or_else(|e| {
            tracing::warn!("mail: cannot listen for other nodes' mail: {e}");
            None
        });
    }
    let announced = async {
        match listener.as_mut() {
            Some(l) => l.wait().await.is_ok(),
            None => std::future::pending().await,
        }
    };
    let connected = tokio::select! {
        () = store.mail_committed() => true,
        heard = announced => heard,
        () = tokio::time::sleep(POLL) => true,
    };
    if !connected {
        // Announcements may have been lost with the connection: the next
        // claim looks anyway; listen again after it.
        *listener = None;
    }
}

/// Queues the next batch of a new post's mail to its subscribers, if one
/// is due; answers whether there was work (more may follow at once).
/// A mailing older than [`GIVE_UP_AFTER`] is closed unsent.
async fn fan_out(store: &Store) -> bool {
    let now = Utc::now();
    match store
        .mail_new_posts(now, now - GIVE_UP_AFTER, FAN_OUT_BATCH)
        .await
    {
        Ok(queued) => queued > 0,
        Err(e) => {
            tracing::warn!("mail: cannot queue a new post's mail: {e}");
            false
        }
    }
}

/// Claims a batch, writes and sends each of its mails, and records their
/// outcomes together; answers whether the batch was full (more may be
/// due at once).
async fn send_batch(store: &Store, mail: &Mail, mailer: &Mailer, node: &str) -> bool {
    let batch = match store.claim_mail(node, Utc::now(), LEASE, BATCH).await {
        Ok(batch) => batch,
        Err(e) => {
            tracing::warn!("mail: cannot claim queued mail: {e}");
            return false;
        }
    };
    let full = batch.len() == BATCH as usize;
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut sends = tokio::task::JoinSet::new();
    let mut shared = Shared::default();
    for queued in batch {
        // Each is sent as soon as it is written: the mailer keeps as many
        // going at once as it has connections.
        let now = Utc::now();
        match compose::letter(store, mail, &mut shared, &queued, now).await {
            Ok(Composed::Letter(letter)) => {
                let mailer = mailer.clone();
                sends.spawn(async move {
                    let sent = mailer.send(&letter).await;
                    (queued, sent)
                });
            }
            Ok(Composed::Nothing(why)) => {
                tracing::info!("mail {} ({}) not sent: {why}", queued.id, queued.kind);
                let error = why.to_owned();
                outcomes.push((queued.id, MailOutcome::GivenUp { error }));
            }
            Err(e) => {
                tracing::warn!("mail {}: cannot write it: {e}", queued.id);
                outcomes.push((queued.id, failed(&queued, false, e.to_string(), now)));
            }
        }
    }
    while let Some(done) = sends.join_next().await {
        match done {
            Ok((queued, sent)) => outcomes.push((queued.id, outcome(&queued, sent))),
            // A send that panicked: its claim runs out and it is tried again.
            Err(e) => tracing::warn!("mail: a send did not finish: {e}"),
        }
    }
    if let Err(e) = store.mail_outcomes(node, &outcomes, Utc::now()).await {
        // The claims run out and the mails are tried again.
        tracing::warn!(
            "mail: cannot record what became of {} mails: {e}",
            outcomes.len()
        );
    }
    full
}

/// What became of `queued`, from what the server said.
fn outcome(queued: &QueuedMail, sent: Result<Sent, SendError>) -> MailOutcome {
    match sent {
        Ok(sent) => {
            tracing::info!(
                "mail {} ({}) sent to {}: {}",
                queued.id,
                queued.kind,
                queued.recipient,
                sent.reply
            );
            MailOutcome::Sent
        }
        Err(e) => failed(queued, e.permanent, e.message, Utc::now()),
    }
}

/// A try of `queued` that failed at `now`: tried again later unless the
/// failure is `permanent` or the mail has waited [`GIVE_UP_AFTER`].
fn failed(queued: &QueuedMail, permanent: bool, error: String, now: DateTime<Utc>) -> MailOutcome {
    let retry = (!permanent).then(|| next_try(queued, now)).flatten();
    tracing::warn!(
        "mail {} to {} not sent ({}): {error}",
        queued.id,
        queued.recipient,
        retry.map_or_else(|| "given up".to_owned(), |at| format!("next try at {at}")),
    );
    match retry {
        Some(at) => MailOutcome::Retry { at, error },
        None => MailOutcome::GivenUp { error },
    }
}

/// When `queued` is tried again after a failure at `now`; `None` once it
/// has waited [`GIVE_UP_AFTER`].
fn next_try(queued: &QueuedMail, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let at = now + retry_delay(queued.attempts);
    (at < queued.created_at + GIVE_UP_AFTER).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_double_from_twenty_seconds_to_a_day() {
        assert_eq!(retry_delay(1), Duration::seconds(20));
        assert_eq!(retry_delay(2), Duration::seconds(40));
        assert_eq!(retry_delay(3), Duration::seconds(80));
        assert_eq!(retry_delay(13), Duration::seconds(20 * 4096));
        assert_eq!(retry_delay(14), Duration::days(1));
        assert_eq!(retry_delay(1_000), Duration::days(1));
    }
}
