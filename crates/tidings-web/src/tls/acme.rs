//! Certificates by ACME (RFC 8555), through `instant-acme`: the task every
//! `serve --tls-acme` node runs.
//!
//! Each blog's host gets a row when the task first sees it; whichever node
//! claims a due row orders its certificate (a lease, so one node at a time),
//! publishes the challenge's answer in the database so any node the CA
//! reaches can answer it (HTTP-01 on `--listen`, [`super::plain`];
//! TLS-ALPN-01 on `--listen-https`, [`super::alpn`]), stores the chain and
//! key, and every node serves them
//! ([`super::follow`]). A certificate is renewed at two thirds of its life,
//! or when less than `--acme-renew-seconds` is left. A failed order keeps the
//! host on plain HTTP (or its old certificate), logs the reason, shows it on
//! the admin's settings page, and is tried again after 1 minute, doubling up
//! to a day.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, Utc};
use instant_acme::{
    Account, AccountBuilder, AccountCredentials, AuthorizationStatus, ChallengeType, Identifier,
    NewAccount, NewOrder, OrderStatus, RetryPolicy,
};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tidings_store::{ALPN_PREFIX, Store};

use super::{Certificates, FOLLOW_EVERY};

/// Let's Encrypt's production directory, the default `--acme-directory`.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

/// How often a node looks for new hosts and due orders.
const TICK: Duration = Duration::from_secs(5);
/// How long a claimed order is the claiming node's alone; an order gives up
/// well before ([`ORDER_TIMEOUT`]).
const LEASE: Duration = Duration::from_secs(600);
const ORDER_TIMEOUT: Duration = Duration::from_secs(300);
/// The first retry after a failure; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(60);
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);
/// No certificate is renewed sooner than this after it was stored, whatever
/// `--acme-renew-seconds` says, so a knob larger than a certificate's life
/// cannot order in a loop.
const MIN_RENEWAL_GAP: Duration = Duration::from_secs(10);

/// `--tls-acme`'s settings.
#[derive(Debug, Clone)]
pub struct AcmeSettings {
    /// The ACME directory's URL.
    pub directory: String,
    /// The address the CA writes to about expiring certificates.
    pub email: Option<String>,
    /// A root to trust for the directory instead of the system's (a test CA).
    pub ca_root: Option<PathBuf>,
    /// Renew when less than this is left; default: at two thirds of its life.
    pub renew_before: Option<Duration>,
    /// Which challenges may prove a host is ours.
    pub challenge: ChallengeChoice,
}

/// Which challenge proves to the CA that a host is ours (`--acme-challenge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChallengeChoice {
    /// HTTP-01 first, then each in turn after a failure: a server whose
    /// port 80 or port 443 the CA cannot reach still gets its certificate.
    #[default]
    Any,
    /// Only HTTP-01, answered on `--listen` (port 80).
    Http01,
    /// Only TLS-ALPN-01, answered on `--listen-https` (port 443).
    TlsAlpn01,
}

impl ChallengeChoice {
    /// The challenge to answer in an order after `failures` failed ones.
    fn for_attempt(self, failures: i64) -> ChallengeType {
        match self {
            Self::Http01 => ChallengeType::Http01,
            Self::TlsAlpn01 => ChallengeType::TlsAlpn01,
            Self::Any if failures % 2 == 0 => ChallengeType::Http01,
            Self::Any => ChallengeType::TlsAlpn01,
        }
    }
}

/// Orders and renews every blog host's certificate, for as long as the
/// process runs.
pub async fn run(store: Store, certificates: Certificates, settings: AcmeSettings) {
    let node = node_name();
    let mut account: Option<Account> = None;
    loop {
        if let Err(e) = add_hosts(&store).await {
            tracing::warn!("https: cannot list the blogs' hosts: {e}");
        }
        let claimed = match store
            .claim_certificate(&node, Utc::now(), delta(LEASE))
            .await
        {
            Ok(claimed) => claimed,
            Err(e) => {
                tracing::warn!("https: cannot claim an order: {e}");
                None
            }
        };
        let Some(claimed) = claimed else {
            tokio::time::sleep(TICK).await;
            continue;
        };
        let host = claimed.host;
        tracing::info!("https: ordering a certificate for {host}");
        let ordered = tokio::time::timeout(ORDER_TIMEOUT, async {
            if account.is_none() {
                account = Some(open_account(&store, &settings).await?);
            }
            let account = account.as_ref().expect("opened above");
            let kind = settings.challenge.for_attempt(claimed.failures);
            order(&store, &certificates, account, &host, kind).await
        })
        .await
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the order took over {ORDER_TIMEOUT:?}")));
        let now = Utc::now();
        let kept = match ordered {
            Ok((chain, key)) => keep(&store, &certificates, &settings, &host, &chain, &key, now)
                .await
                .map(|not_after| {
                    tracing::info!("https: {host} has a certificate until {not_after}");
                }),
            Err(e) => Err(e),
        };
        if let Err(e) = kept {
            let reason = format!("{e:#}");
            let wait = backoff(claimed.failures);
            let retry_at = now + delta(wait);
            tracing::warn!(
                "https: no certificate for {host}: {reason}; it stays on plain HTTP, next try at {retry_at}"
            );
            if let Err(e) = store.certificate_failed(&host, &reason, retry_at).await {
                tracing::warn!("https: cannot record the failure for {host}: {e}");
            }
        }
    }
}

/// Gives every blog host a certificate row. Hosts a public CA cannot
/// certify (IP addresses, `localhost`, names without a dot) are left out.
async fn add_hosts(store: &Store) -> anyhow::Result<()> {
    let hosts: Vec<String> = store
        .list_blogs()
        .await?
        .into_iter()
        .map(|b| b.host.to_ascii_lowercase())
        .filter(|h| certifiable(h))
        .collect();
    store.add_certificate_hosts(&hosts, Utc::now()).await?;
    Ok(())
}

fn certifiable(host: &str) -> bool {
    host.contains('.')
        && host.parse::<IpAddr>().is_err()
        && !host.ends_with(".localhost")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// The account every node shares for the directory: the stored one, or a
/// new one stored unless another node stored one first.
async fn open_account(store: &Store, settings: &AcmeSettings) -> anyhow::Result<Account> {
    if let Some(stored) = store.acme_account(&settings.directory).await? {
        return from_credentials(settings, &stored).await;
    }
    let contact = settings.email.as_ref().map(|e| format!("mailto:{e}"));
    let contacts: Vec<&str> = contact.iter().map(String::as_str).collect();
    let (account, credentials) = builder(settings)?
        .create(
            &NewAccount {
                contact: &contacts,
                terms_of_service_agreed: true,
                only_return_existing: false,
            },
            settings.directory.clone(),
            None,
        )
        .await
        .with_context(|| format!("cannot open an account at {}", settings.directory))?;
    let ours = serde_json::to_string(&credentials)?;
    let kept = store.keep_acme_account(&settings.directory, &ours).await?;
    if kept == ours {
        tracing::info!("https: opened an ACME account at {}", settings.directory);
        Ok(account)
    } else {
        from_credentials(settings, &kept).await
    }
}

async fn from_credentials(settings: &AcmeSettings, stored: &str) -> anyhow::Result<Account> {
    let credentials: AccountCredentials =
        serde_json::from_str(stored).context("the stored ACME account is unreadable")?;
    Ok(builder(settings)?.from_credentials(credentials).await?)
}

fn builder(settings: &AcmeSettings) -> anyhow::Result<AccountBuilder> {
    Ok(match &settings.ca_root {
        Some(root) => Account::builder_with_root(root)
            .with_context(|| format!("--acme-ca-root {}", root.display()))?,
        None => Account::builder()?,
    })
}

/// One order for `host`, answered by the challenge of type `kind`: the
/// chain and its new key, PEM.
async fn order(
    store: &Store,
    certificates: &Certificates,
    account: &Account,
    host: &str,
    kind: ChallengeType,
) -> anyhow::Result<(String, String)> {
    let identifiers = [Identifier::Dns(host.to_owned())];
    let mut order = account.new_order(&NewOrder::new(&identifiers)).await?;
    let mut keys = Vec::new();
    let mut authorizations = order.authorizations();
    while let Some(authorization) = authorizations.next().await {
        let mut authorization = authorization?;
        match authorization.status {
            AuthorizationStatus::Pending => {}
            AuthorizationStatus::Valid => continue,
            other => anyhow::bail!("the CA's authorization for {host} is {other:?}"),
        }
        let mut challenge = authorization
            .challenge(kind.clone())
            .with_context(|| format!("the CA offers no {kind:?} challenge"))?;
        let expires = Utc::now() + delta(LEASE);
        let key_authorization = challenge.key_authorization();
        if kind == ChallengeType::TlsAlpn01 {
            let key = format!("{ALPN_PREFIX}{host}");
            let answer = key_authorization.dns_value();
            store.put_acme_challenge(&key, &answer, expires).await?;
            certificates.answer_challenge(host, &answer)?;
            keys.push(key);
            // Every node loads published answers every FOLLOW_EVERY: the CA
            // may reach any of them.
            tokio::time::sleep(2 * FOLLOW_EVERY + Duration::from_secs(1)).await;
        } else {
            let token = challenge.token.clone();
            store
                .put_acme_challenge(&token, key_authorization.as_str(), expires)
                .await?;
            keys.push(token);
        }
        challenge.set_ready().await?;
    }
    let patient = RetryPolicy::new().timeout(Duration::from_secs(120));
    let status = order.poll_ready(&patient).await;
    for key in &keys {
        if let Err(e) = store.remove_acme_challenge(key, Utc::now()).await {
            tracing::warn!("https: cannot remove a challenge: {e}");
        }
    }
    certificates.forget_challenge(host);
    match status? {
        OrderStatus::Ready => {}
        other => anyhow::bail!(
            "the CA could not check that this server answers for {host} by {kind:?} (order \
             {other:?}): does the name's DNS point here, and does port {} reach {}?",
            if kind == ChallengeType::TlsAlpn01 {
                443
            } else {
                80
            },
            if kind == ChallengeType::TlsAlpn01 {
                "--listen-https"
            } else {
                "--listen"
            },
        ),
    }
    let key = order.finalize().await?;
    let chain = order.poll_certificate(&patient).await?;
    Ok((chain, key))
}

/// Stores a new certificate, due for renewal per the settings, and serves
/// it on this node at once; answers when it expires.
async fn keep(
    store: &Store,
    certificates: &Certificates,
    settings: &AcmeSettings,
    host: &str,
    chain: &str,
    key: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<DateTime<Utc>> {
    let (not_before, not_after) = validity(chain)?;
    let renew_at = renew_at(not_before, not_after, settings.renew_before, now);
    certificates.insert(host, chain, key)?;
    store
        .store_certificate(host, chain, key, not_after, renew_at, now)
        .await?;
    Ok(not_after)
}

/// The first certificate's validity in a PEM chain.
fn validity(chain: &str) -> anyhow::Result<(DateTime<Utc>, DateTime<Utc>)> {
    let first = CertificateDer::pem_slice_iter(chain.as_bytes())
        .next()
        .context("the CA sent no certificate")??;
    let (_, parsed) = x509_parser::parse_x509_certificate(&first)
        .map_err(|e| anyhow::anyhow!("the CA's certificate is unreadable: {e}"))?;
    let time = |t: i64| DateTime::from_timestamp(t, 0).context("a certificate date out of range");
    let validity = parsed.validity();
    Ok((
        time(validity.not_before.timestamp())?,
        time(validity.not_after.timestamp())?,
    ))
}

/// When to renew: `renew_before` ahead of expiry, else at two thirds of its
/// life; never within [`MIN_RENEWAL_GAP`] of `now`.
fn renew_at(
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    renew_before: Option<Duration>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let at = match renew_before {
        Some(before) => not_after - delta(before),
        None => not_before + (not_after - not_before) * 2 / 3,
    };
    at.max(now + delta(MIN_RENEWAL_GAP))
}

/// The wait after the `failures`+1st failure in a row: 1 minute, doubling,
/// at most a day.
fn backoff(failures: i64) -> Duration {
    let doublings = u32::try_from(failures.clamp(0, 20)).unwrap_or(20);
    FIRST_BACKOFF
        .saturating_mul(1 << doublings)
        .min(MAX_BACKOFF)
}

fn delta(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

/// This process's name in claims: for the log of whoever reads the table.
fn node_name() -> String {
    let mut bytes = [0u8; 6];
    // Only a label: a node that cannot draw one is still `node-0`.
    let _ = getrandom::fill(&mut bytes);
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("node-{}-{id}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn renewal_comes_at_two_thirds_of_the_life_or_the_knob() {
        let (from, to) = (at("2026-01-01T00:00:00Z"), at("2026-04-01T00:00:00Z"));
        let now = at("2026-01-01T00:01:00Z");
        assert_eq!(renew_at(from, to, None, now), at("2026-03-02T00:00:00Z"));
        let week = Duration::from_secs(7 * 86400);
        assert_eq!(
            renew_at(from, to, Some(week), now),
            at("2026-03-25T00:00:00Z")
        );
        let decade = Duration::from_secs(3650 * 86400);
        assert_eq!(
            renew_at(from, to, Some(decade), now),
            now + delta(MIN_RENEWAL_GAP)
        );
    }

    #[test]
    fn with_both_allowed_each_challenge_is_tried_in_turn() {
        let any = ChallengeChoice::Any;
        assert_eq!(any.for_attempt(0), ChallengeType::Http01);
        assert_eq!(any.for_attempt(1), ChallengeType::TlsAlpn01);
        assert_eq!(any.for_attempt(2), ChallengeType::Http01);
        for failures in 0..3 {
            let only = ChallengeChoice::TlsAlpn01.for_attempt(failures);
            assert_eq!(only, ChallengeType::TlsAlpn01);
        }
    }

    #[test]
    fn failures_back_off_from_a_minute_to_a_day() {
        assert_eq!(backoff(0), Duration::from_secs(60));
        assert_eq!(backoff(3), Duration::from_secs(480));
        assert_eq!(backoff(40), MAX_BACKOFF);
    }

    #[test]
    fn only_names_a_public_ca_can_certify_are_ordered() {
        assert!(certifiable("blog.example.org"));
        for host in [
            "localhost",
            "127.0.0.1",
            "::1",
            "a.localhost",
            "under_score.org",
        ] {
            assert!(!certifiable(host), "{host}");
        }
    }
}
