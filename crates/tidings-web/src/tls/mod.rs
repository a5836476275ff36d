//! HTTPS: the certificates this node serves, by host, and how it gets them.
//!
//! Either one certificate of the owner's (`--tls-cert`/`--tls-key`) serves
//! every host, or each blog's host gets its own by ACME ([`acme`]): ordered
//! by whichever node claims it, kept in the database, loaded by every node
//! ([`follow`]). rustls asks [`Certificates`] for the one matching each
//! client's SNI. While a host has none, its readers keep plain HTTP
//! ([`plain`]: the `--listen` side, which answers ACME's HTTP-01 and sends
//! everything else to HTTPS once the host has a certificate). A CA that
//! checks TLS-ALPN-01 instead is answered in the handshake ([`alpn`]).

pub mod acme;
pub mod alpn;
pub mod plain;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rustls::crypto::ring::sign::any_supported_type;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use tidings_store::Store;

pub use acme::{AcmeSettings, ChallengeChoice};

/// How long a node waits between looks for certificates other nodes stored
/// (and challenges they published).
const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// The certificates this node serves. Cheap to clone; every clone sees the
/// same set.
#[derive(Clone, Debug)]
pub struct Certificates(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    /// The owner's own certificate, for every host, and the names it is
    /// for (its DNS subject alternative names, `*.` wildcards kept).
    own: Option<(Arc<CertifiedKey>, Vec<String>)>,
    /// ACME's, by host (lowercase, no port).
    by_host: RwLock<HashMap<String, Arc<CertifiedKey>>>,
    /// The TLS-ALPN-01 challenges being answered, by host: the published
    /// answer and the certificate made for it.
    challenges: RwLock<HashMap<String, (String, Arc<CertifiedKey>)>>,
    /// The HTTPS port, for redirects (left out of the address when 443).
    https_port: u16,
}

impl Certificates {
    /// The owner's certificate chain and key, read from PEM files.
    pub fn own(cert: &Path, key: &Path, https_port: u16) -> anyhow::Result<Self> {
        let pem = std::fs::read(cert)
            .map_err(|e| anyhow::anyhow!("--tls-cert {}: {e}", cert.display()))?;
        let key_pem =
            std::fs::read(key).map_err(|e| anyhow::anyhow!("--tls-key {}: {e}", key.display()))?;
        let certified = certified_key(&pem, &key_pem)
            .map_err(|e| anyhow::anyhow!("--tls-cert/--tls-key: {e}"))?;
        let names = dns_names(&certified.cert[0])
            .map_err(|e| anyhow::anyhow!("--tls-cert {}: {e}", cert.display()))?;
        Ok(Self(Arc::new(Inner {
            own: Some((Arc::new(certified), names)),
            by_host: RwLock::default(),
            challenges: RwLock::default(),
            https_port,
        })))
    }

    /// None yet: ACME fills it in, host by host.
    pub fn acme(https_port: u16) -> Self {
        Self(Arc::new(Inner {
            own: None,
            by_host: RwLock::default(),
            challenges: RwLock::default(),
            https_port,
        }))
    }

    /// Whether `host` is served over HTTPS with a certificate for its name:
    /// its plain-HTTP readers are sent there.
    pub fn covers(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        match &self.0.own {
            Some((_, names)) => names.iter().any(|name| name_matches(name, &host)),
            None => self.map().contains_key(&host),
        }
    }

    /// The HTTPS port readers are sent to.
    pub fn https_port(&self) -> u16 {
        self.0.https_port
    }

    /// The rustls configuration that serves these certificates, HTTP/1.1
    /// (and the handshake alone to a CA checking TLS-ALPN-01).
    pub fn server_config(&self) -> Arc<rustls::ServerConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(self.clone()));
        config.alpn_protocols = vec![b"http/1.1".to_vec(), alpn::PROTOCOL.to_vec()];
        Arc::new(config)
    }

    fn map(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<CertifiedKey>>> {
        // Every change is one insert: a panic elsewhere leaves it whole.
        self.0.by_host.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Serves `host` with the stored PEM chain and key from now on.
    fn insert(&self, host: &str, cert_pem: &str, key_pem: &str) -> anyhow::Result<()> {
        let certified = certified_key(cert_pem.as_bytes(), key_pem.as_bytes())?;
        self.0
            .by_host
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(host.to_ascii_lowercase(), Arc::new(certified));
        Ok(())
    }

    /// Answers TLS-ALPN-01 for `host` with `answer` from now on.
    fn answer_challenge(&self, host: &str, answer: &str) -> anyhow::Result<()> {
        let certified = alpn::challenge_certificate(host, answer)?;
        self.challenges_mut()
            .insert(host.to_ascii_lowercase(), (answer.to_owned(), certified));
        Ok(())
    }

    /// Answers exactly the challenges published now, `(host, answer)`:
    /// certificates are made only for answers not already held.
    fn answer_challenges(&self, published: Vec<(String, String)>) {
        let held = std::mem::take(&mut *self.challenges_mut());
        let mut next = HashMap::with_capacity(published.len());
        for (host, answer) in published {
            let host = host.to_ascii_lowercase();
            match held.get(&host) {
                Some((same, certified)) if *same == answer => {
                    next.insert(host, (answer, certified.clone()));
                }
                _ => match alpn::challenge_certificate(&host, &answer) {
                    Ok(certified) => {
                        next.insert(host, (answer, certified));
                    }
                    Err(e) => tracing::warn!("https: {host}'s TLS-ALPN-01 answer: {e}"),
                },
            }
        }
        *self.challenges_mut() = next;
    }

    fn forget_challenge(&self, host: &str) {
        self.challenges_mut().remove(&host.to_ascii_lowercase());
    }

    fn challenges_mut(
        &self,
    ) -> std::sync::RwLockWriteGuard<'_, HashMap<String, (String, Arc<CertifiedKey>)>> {
        // Every change is one insert, remove or swap: a panic elsewhere leaves it whole.
        self.0.challenges.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether a finished handshake was a CA checking TLS-ALPN-01: nothing
/// follows it, so the connection is closed.
pub fn was_challenge(connection: &rustls::ServerConnection) -> bool {
    connection.alpn_protocol() == Some(alpn::PROTOCOL)
}

impl ResolvesServerCert for Certificates {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        if alpn::asks_for_challenge(&hello) {
            let host = hello.server_name()?.to_ascii_lowercase();
            let challenges = self.0.challenges.read().unwrap_or_else(|e| e.into_inner());
            return challenges
                .get(&host)
                .map(|(_, certified)| certified.clone());
        }
        if let Some((own, _)) = &self.0.own {
            return Some(own.clone());
        }
        let host = hello.server_name()?.to_ascii_lowercase();
        self.map().get(&host).cloned()
    }
}

/// The DNS names a certificate is for, lowercase.
fn dns_names(cert: &CertificateDer<'_>) -> anyhow::Result<Vec<String>> {
    use x509_parser::extensions::GeneralName;
    let (_, parsed) = x509_parser::parse_x509_certificate(cert)
        .map_err(|e| anyhow::anyhow!("the certificate is unreadable: {e}"))?;
    let names = parsed
        .subject_alternative_name()
        .map_err(|e| anyhow::anyhow!("its subject alternative names are unreadable: {e}"))?
        .map(|san| {
            san.value
                .general_names
                .iter()
                .filter_map(|n| match n {
                    GeneralName::DNSName(name) => Some(name.to_ascii_lowercase()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(names)
}

/// Whether a certificate's `name` covers `host`: the same, or a `*.`
/// wildcard standing for its first label alone.
fn name_matches(name: &str, host: &str) -> bool {
    match name.strip_prefix("*.") {
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest == parent),
        None => name == host,
    }
}

/// A chain and its private key from PEM, checked to belong together.
fn certified_key(cert_pem: &[u8], key_pem: &[u8]) -> anyhow::Result<CertifiedKey> {
    let chain = CertificateDer::pem_slice_iter(cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("the certificate is not PEM: {e}"))?;
    if chain.is_empty() {
        anyhow::bail!("no certificate in the PEM");
    }
    let key = PrivateKeyDer::from_pem_slice(key_pem)
        .map_err(|e| anyhow::anyhow!("the key is not a PEM private key: {e}"))?;
    let key = any_supported_type(&key).map_err(|e| anyhow::anyhow!("the key: {e}"))?;
    let certified = CertifiedKey::new(chain, key);
    certified
        .keys_match()
        .map_err(|e| anyhow::anyhow!("the key does not match the certificate: {e}"))?;
    Ok(certified)
}

/// The task every ACME node runs: loads the certificates any node stored
/// since its last look (a minute back, for a node whose clock is behind or
/// a write that committed late), so each host is served wherever its
/// readers land; and the TLS-ALPN-01 challenges any node published, so
/// whichever node the CA reaches answers.
pub async fn follow(store: Store, certificates: Certificates) {
    let mut loaded: HashMap<String, DateTime<Utc>> = HashMap::new();
    loop {
        match store.acme_alpn_challenges(Utc::now()).await {
            Ok(published) => certificates.answer_challenges(published),
            Err(e) => tracing::warn!("https: cannot read the TLS-ALPN-01 challenges: {e}"),
        }
        let since = loaded
            .values()
            .max()
            .map(|t| *t - chrono::Duration::minutes(1));
        match store.certificates_since(since).await {
            Ok(stored) => {
                for c in stored {
                    if loaded.get(&c.host) == Some(&c.updated_at) {
                        continue;
                    }
                    match certificates.insert(&c.host, &c.cert_pem, &c.key_pem) {
                        Ok(()) => tracing::info!("https: serving {}'s certificate", c.host),
                        Err(e) => tracing::warn!("https: {}'s stored certificate: {e}", c.host),
                    }
                    loaded.insert(c.host, c.updated_at);
                }
            }
            Err(e) => tracing::warn!("https: cannot read the stored certificates: {e}"),
        }
        tokio::time::sleep(FOLLOW_EVERY).await;
    }
}

#[cfg(test)]
mod tests {
    use super::name_matches;

    #[test]
    fn a_wildcard_stands_for_one_label() {
        assert!(name_matches("blog.example.com", "blog.example.com"));
        assert!(name_matches("*.example.com", "blog.example.com"));
        assert!(!name_matches("*.example.com", "example.com"));
        assert!(!name_matches("*.example.com", "a.blog.example.com"));
        assert!(!name_matches("blog.example.com", "example.com"));
    }
}
