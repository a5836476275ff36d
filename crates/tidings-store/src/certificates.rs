//! Automatic HTTPS's state, shared by every node: each blog host's
//! certificate (`tls_certificates`), the ACME account of each directory
//! (`acme_accounts`) and the challenges being answered (`acme_challenges`).
//!
//! One node orders a host's certificate at a time: it claims the row for a
//! lease ([`Store::claim_certificate`]), as the outbox's sender claims mail;
//! if the node dies, the lease runs out and another takes it. Every node
//! loads what changed since its last look ([`Store::certificates_since`])
//! and serves it.

use chrono::{DateTime, Duration, Utc};

use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, from_micros, micros};

/// The key prefix of a TLS-ALPN-01 answer in `acme_challenges` (an HTTP-01
/// token never holds a `:`).
pub const ALPN_PREFIX: &str = "alpn:";

/// A host's certificate as kept: the chain and its key, in PEM.
#[derive(Debug, Clone)]
pub struct StoredCertificate {
    pub host: String,
    pub cert_pem: String,
    pub key_pem: String,
    pub updated_at: DateTime<Utc>,
}

/// Where a host's certificate stands, for the admin and the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateStatus {
    /// When the certificate served now expires; `None` before the first.
    pub not_after: Option<DateTime<Utc>>,
    /// When the next order (first, renewal or retry) is due.
    pub due_at: DateTime<Utc>,
    /// Orders failed in a row, and the last one's reason.
    pub failures: i64,
    pub last_error: Option<String>,
}

/// A host claimed for ordering, with the failures before this try.
#[derive(Debug, Clone)]
pub struct ClaimedHost {
    pub host: String,
    pub failures: i64,
}

impl Store {
    /// Gives each of `hosts` a row, due at once, unless it has one: a blog's
    /// host is ordered for when it is first seen.
    pub async fn add_certificate_hosts(&self, hosts: &[String], now: DateTime<Utc>) -> Result<()> {
        for host in hosts {
            self.execute(
                &Sql::new(
                    "INSERT INTO tls_certificates (host, due_at, updated_at) VALUES ($1, $2, $2) \
                     ON CONFLICT (host) DO NOTHING",
                )
                .bind(host.as_str())
                .bind(micros(now)),
            )
            .await?;
        }
        Ok(())
    }

    /// Claims one host whose order is due and that no node holds, for
    /// `lease`; `None` when there is none.
    pub async fn claim_certificate(
        &self,
        node: &str,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<Option<ClaimedHost>> {
        let mut sql = Sql::new(
            "UPDATE tls_certificates SET claimed_by = $1, claimed_until = $2 \
             WHERE host IN (SELECT host FROM tls_certificates WHERE due_at <= $3 \
             AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY due_at LIMIT 1",
        )
        .bind(node)
        .bind(micros(now + lease))
        .bind(micros(now));
        sql.push(self.backend.skip_locked())
            .push(") RETURNING host, failures");
        let mut claimed = self
            .execute_returning(&sql, |r| {
                Ok(ClaimedHost {
                    host: r.try_get("host")?,
                    failures: r.try_get("failures")?,
                })
            })
            .await?;
        Ok(claimed.pop())
    }

    /// Keeps a host's new certificate, due again at `renew_at`, and lets
    /// the claim go.
    pub async fn store_certificate(
        &self,
        host: &str,
        cert_pem: &str,
        key_pem: &str,
        not_after: DateTime<Utc>,
        renew_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.execute(
            &Sql::new(
                "UPDATE tls_certificates SET cert_pem = $2, key_pem = $3, not_after = $4, \
                 due_at = $5, failures = 0, last_error = NULL, claimed_by = NULL, \
                 claimed_until = NULL, updated_at = $6 WHERE host = $1",
            )
            .bind(host)
            .bind(cert_pem)
            .bind(key_pem)
            .bind(micros(not_after))
            .bind(micros(renew_at))
            .bind(micros(now)),
        )
        .await?;
        Ok(())
    }

    /// Records a failed order: its reason, one more failure, the next try
    /// at `retry_at`; the claim goes. A certificate already kept stays.
    pub async fn certificate_failed(
        &self,
        host: &str,
        error: &str,
        retry_at: DateTime<Utc>,
    ) -> Result<()> {
        self.execute(
            &Sql::new(
                "UPDATE tls_certificates SET failures = failures + 1, last_error = $2, \
                 due_at = $3, claimed_by = NULL, claimed_until = NULL WHERE host = $1",
            )
            .bind(host)
            .bind(error)
            .bind(micros(retry_at)),
        )
        .await?;
        Ok(())
    }

    /// The certificates stored or replaced after `after` (every one when
    /// `None`), oldest change first.
    pub async fn certificates_since(
        &self,
        after: Option<DateTime<Utc>>,
    ) -> Result<Vec<StoredCertificate>> {
        let sql = Sql::new(
            "SELECT host, cert_pem, key_pem, updated_at FROM tls_certificates \
             WHERE cert_pem IS NOT NULL AND updated_at > $1 ORDER BY updated_at",
        )
        .bind(after.map_or(i64::MIN, micros));
        self.read_all(&sql, |r| {
            Ok(StoredCertificate {
                host: r.try_get("host")?,
                cert_pem: r.try_get("cert_pem")?,
                key_pem: r.try_get("key_pem")?,
                updated_at: from_micros(r.try_get("updated_at")?)?,
            })
        })
        .await
    }

    /// Where `host`'s certificate stands; `None` when HTTPS never saw it.
    pub async fn certificate_status(&self, host: &str) -> Result<Option<CertificateStatus>> {
        let sql = Sql::new(
            "SELECT not_after, due_at, failures, last_error FROM tls_certificates WHERE host = $1",
        )
        .bind(host);
        self.read_optional(&sql, |r| {
            Ok(CertificateStatus {
                not_after: r
                    .try_get::<Option<i64>>("not_after")?
                    .map(from_micros)
                    .transpose()?,
                due_at: from_micros(r.try_get("due_at")?)?,
                failures: r.try_get("failures")?,
                last_error: r.try_get("last_error")?,
            })
        })
        .await
    }

    /// The ACME account kept for `directory`, as its serialized credentials.
    pub async fn acme_account(&self, directory: &str) -> Result<Option<String>> {
        let sql =
            Sql::new("SELECT credentials FROM acme_accounts WHERE directory = $1").bind(directory);
        self.read_optional(&sql, |r| r.try_get("credentials")).await
    }

    /// Keeps a new account for `directory` unless a node kept one first;
    /// answers the one kept, which every node then uses.
    pub async fn keep_acme_account(&self, directory: &str, credentials: &str) -> Result<String> {
        self.execute(
            &Sql::new(
                "INSERT INTO acme_accounts (directory, credentials) VALUES ($1, $2) \
                 ON CONFLICT (directory) DO NOTHING",
            )
            .bind(directory)
            .bind(credentials),
        )
        .await?;
        Ok(self
            .acme_account(directory)
            .await?
            .unwrap_or_else(|| credentials.to_owned()))
    }

    /// Publishes a challenge's answer (HTTP-01: under its token; TLS-ALPN-01:
    /// under [`ALPN_PREFIX`] and the host) until `expires_at`.
    pub async fn put_acme_challenge(
        &self,
        key: &str,
        answer: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        self.execute(
            &Sql::new(
                "INSERT INTO acme_challenges (token, answer, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (token) DO UPDATE SET answer = $2, expires_at = $3",
            )
            .bind(key)
            .bind(answer)
            .bind(micros(expires_at)),
        )
        .await?;
        Ok(())
    }

    /// A challenge's answer, while it has not expired.
    pub async fn acme_challenge(&self, key: &str, now: DateTime<Utc>) -> Result<Option<String>> {
        let sql =
            Sql::new("SELECT answer FROM acme_challenges WHERE token = $1 AND expires_at > $2")
                .bind(key)
                .bind(micros(now));
        self.read_optional(&sql, |r: &ReadRow| r.try_get("answer"))
            .await
    }

    /// The TLS-ALPN-01 answers being published now, as `(host, answer)`:
    /// every node serves them during the handshake, where it cannot wait
    /// for the database, so each loads them ahead.
    pub async fn acme_alpn_challenges(&self, now: DateTime<Utc>) -> Result<Vec<(String, String)>> {
        let sql = Sql::new(
            "SELECT token, answer FROM acme_challenges \
             WHERE token LIKE 'alpn:%' AND expires_at > $1 ORDER BY token",
        )
        .bind(micros(now));
        self.read_all(&sql, |r| {
            let token: String = r.try_get("token")?;
            let host = token.strip_prefix(ALPN_PREFIX).unwrap_or(&token).to_owned();
            Ok((host, r.try_get("answer")?))
        })
        .await
    }

    /// Forgets a challenge answered, and every one expired.
    pub async fn remove_acme_challenge(&self, key: &str, now: DateTime<Utc>) -> Result<()> {
        self.execute(
            &Sql::new("DELETE FROM acme_challenges WHERE token = $1 OR expires_at <= $2")
                .bind(key)
                .bind(micros(now)),
        )
        .await?;
        Ok(())
    }
}
