//! The sender each `serve` node runs: claim due mail, write it, send it,
//! mark it; wait for new mail or the next poll; again.
//!
//! A mail committed on this node wakes the sender at once
//! (`Store::mail_committed`); one committed on another node is found at the
//! next poll, within [`POLL`], so any mail is first tried within seconds.
//! A claim is a lease: a node that dies mid-send leaves its mail to be
//! claimed again when the lease runs out. A mail the server did not take is
//! tried again after [`retry_delay`] (doubling from 20 seconds up to a day)
//! until [`GIVE_UP_AFTER`]; one the server refused for good (a 5xx reply)
//! is given up at once.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tidings_store::{QueuedMail, Store};

use super::compose::{self, Composed};
use super::{Mail, Mailer};

/// How often a node looks for mail other nodes queued, or that is due again.
pub const POLL: StdDuration = StdDuration::from_secs(5);

/// How long a claim keeps other nodes off a mail: longer than a batch
/// takes to send (each step of an SMTP conversation times out in 30 s).
const LEASE: Duration = Duration::minutes(2);

/// Mails claimed at once, sent side by side.
const BATCH: u32 = 16;

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
    loop {
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = tokio::time::Instant::now();
            if let Err(e) = store.prune_mail(Utc::now() - KEEP).await {
                tracing::warn!("mail: cannot forget old mail: {e}");
            }
        }
        let fanned = fan_out(&store).await;
        let full = match store.claim_mail(&node, Utc::now(), LEASE, BATCH).await {
            Ok(batch) => {
                let claimed = batch.len();
                let mut sends = tokio::task::JoinSet::new();
                for queued in batch {
                    let (store, mail, mailer, node) =
                        (store.clone(), mail.clone(), mailer.clone(), node.clone());
                    sends
                        .spawn(async move { deliver(&store, &mail, &mailer, &node, queued).await });
                }
                while sends.join_next().await.is_some() {}
                claimed == BATCH as usize
            }
            Err(e) => {
                tracing::warn!("mail: cannot claim queued mail: {e}");
                false
            }
        };
        if !full && !fanned {
            tokio::select! {
                () = store.mail_committed() => {}
                () = tokio::time::sleep(POLL) => {}
            }
        }
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

/// Writes, sends and marks one claimed mail.
async fn deliver(store: &Store, mail: &Mail, mailer: &Mailer, node: &str, queued: QueuedMail) {
    let now = Utc::now();
    let outcome = match compose::letter(store, mail, &queued, now).await {
        Ok(Composed::Letter(letter)) => match mailer.send(&letter).await {
            Ok(sent) => {
                tracing::info!(
                    "mail {} ({}) sent to {}: {}",
                    queued.id,
                    queued.kind,
                    queued.recipient,
                    sent.reply
                );
                store.mail_sent(queued.id, node, Utc::now()).await
            }
            Err(e) => {
                let retry = (!e.permanent)
                    .then(|| next_try(&queued, Utc::now()))
                    .flatten();
                tracing::warn!(
                    "mail {} to {} not sent ({}): {}",
                    queued.id,
                    queued.recipient,
                    retry.map_or_else(|| "given up".to_owned(), |at| format!("next try at {at}")),
                    e.message
                );
                store
                    .mail_failed(queued.id, node, retry, &e.message, Utc::now())
                    .await
            }
        },
        Ok(Composed::Nothing(why)) => {
            tracing::info!("mail {} ({}) not sent: {why}", queued.id, queued.kind);
            store.mail_failed(queued.id, node, None, why, now).await
        }
        Err(e) => {
            tracing::warn!("mail {}: cannot write it: {e}", queued.id);
            let retry = next_try(&queued, now);
            store
                .mail_failed(queued.id, node, retry, &e.to_string(), now)
                .await
        }
    };
    if let Err(e) = outcome {
        // The claim runs out and the mail is tried again.
        tracing::warn!("mail {}: cannot record the outcome: {e}", queued.id);
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
