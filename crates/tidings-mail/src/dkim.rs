//! DKIM signing (RFC 6376) with the domain's own key: `--dkim-key FILE`
//! and `--dkim-selector`, the domain being `--mail-from`'s.
//!
//! lettre signs (its `dkim` feature); this module loads and checks the key
//! once at start, so a key that does not load stops `serve` and shows in
//! `tidings doctor` instead of failing each mail. RSA keys only: the ones
//! every receiver checks (Ed25519, RFC 8463, is not checked by all). A key
//! may be PKCS#1 (`BEGIN RSA PRIVATE KEY`, `openssl genrsa -traditional`)
//! or PKCS#8 (`BEGIN PRIVATE KEY`, what OpenSSL 3's `genrsa` writes).

use std::path::Path;
use std::sync::Arc;

use base64::prelude::{BASE64_STANDARD, Engine as _};
use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::HeaderName;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::{DecodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};

use crate::MailError;

/// The headers a signature covers. `List-Unsubscribe` and
/// `List-Unsubscribe-Post` among them: large receivers honour one-click
/// unsubscribing only when the signature covers both. A header a message
/// lacks is signed as absent, so nobody can add it on the way. Not
/// `Content-Type`: lettre writes it with the body's part, outside the
/// message's headers it signs, so it would be signed as absent.
const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
];

/// Keys shorter than this are refused: receivers treat them as unsigned
/// (RFC 8301 requires 1024 bits at least; 2048 is the usual).
const MIN_BITS: usize = 1024;

/// A loaded signing key with its selector.
#[derive(Clone)]
pub struct Dkim {
    selector: String,
    /// The key as PKCS#1 PEM, the form lettre reads.
    pkcs1_pem: Arc<str>,
    /// The public half as DNS publishes it: base64 of its DER.
    public_base64: String,
}

impl std::fmt::Debug for Dkim {
    /// Never the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dkim")
            .field("selector", &self.selector)
            .finish_non_exhaustive()
    }
}

impl Dkim {
    /// Reads and checks the key in `path`, to sign as `selector`.
    pub fn load(path: &Path, selector: &str) -> Result<Self, MailError> {
        let bad =
            |why: String| MailError::Settings(format!("--dkim-key {}: {why}", path.display()));
        let selector = selector.trim();
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        };
        if !selector.split('.').all(label_ok) {
            return Err(MailError::Settings(format!(
                "--dkim-selector: {selector:?} is not a DNS name (letters, digits, \
                 hyphens; the name before ._domainkey. in the TXT record)"
            )));
        }
        let text =
            std::fs::read_to_string(path).map_err(|e| bad(format!("cannot read it ({e})")))?;
        let key = RsaPrivateKey::from_pkcs1_pem(&text)
            .or_else(|_| RsaPrivateKey::from_pkcs8_pem(&text))
            .map_err(|_| {
                bad(
                    "not an RSA private key in PEM (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY); \
                     make one with `openssl genrsa -out dkim.pem 2048`"
                        .into(),
                )
            })?;
        let bits = key.size() * 8;
        if bits < MIN_BITS {
            return Err(bad(format!(
                "a {bits}-bit key is too short; receivers want {MIN_BITS} bits at least (2048 is usual)"
            )));
        }
        let pkcs1_pem = key
            .to_pkcs1_pem(LineEnding::LF)
            .map_err(|e| bad(format!("cannot be re-encoded ({e})")))?;
        let public = RsaPublicKey::from(&key)
            .to_public_key_der()
            .map_err(|e| bad(format!("its public key cannot be encoded ({e})")))?;
        let dkim = Self {
            selector: selector.to_owned(),
            pkcs1_pem: Arc::from(pkcs1_pem.as_str()),
            public_base64: BASE64_STANDARD.encode(public.as_bytes()),
        };
        // What lettre will read at each start: proven now.
        dkim.config("example.org")?;
        Ok(dkim)
    }

    pub fn selector(&self) -> &str {
        &self.selector
    }

    /// The TXT record to publish at `SELECTOR._domainkey.DOMAIN`.
    pub fn dns_record(&self) -> String {
        format!("v=DKIM1; k=rsa; p={}", self.public_base64)
    }

    /// lettre's signing configuration for mail from `domain`: relaxed
    /// canonicalization of headers and body, which survives the folding
    /// and trailing spaces relays change.
    pub(crate) fn config(&self, domain: &str) -> Result<DkimConfig, MailError> {
        let key = DkimSigningKey::new(&self.pkcs1_pem, DkimSigningAlgorithm::Rsa)
            .map_err(|e| MailError::Settings(format!("--dkim-key: {e}")))?;
        Ok(DkimConfig::new(
            self.selector.clone(),
            domain.to_owned(),
            key,
            SIGNED_HEADERS
                .iter()
                .copied()
                .map(HeaderName::new_from_ascii_str)
                .collect(),
            DkimCanonicalization {
                header: DkimCanonicalizationType::Relaxed,
                body: DkimCanonicalizationType::Relaxed,
            },
        ))
    }
}
