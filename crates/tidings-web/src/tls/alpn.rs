//! TLS-ALPN-01 (RFC 8737): the challenge a CA checks in the TLS handshake
//! on `--listen-https`, for servers whose port 80 the CA cannot reach.
//!
//! The ordering node publishes the challenge's digest in the database;
//! every node loads it ([`super::follow`]) and, to a client that asks for
//! the `acme-tls/1` protocol under the host's name, presents a self-signed
//! certificate carrying that digest instead of the host's own. The
//! handshake is all the CA wants: such a connection is closed after it.

use std::sync::Arc;

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rustls::crypto::ring::sign::any_supported_type;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::ClientHello;
use rustls::sign::CertifiedKey;

/// The protocol a CA asks for when it checks TLS-ALPN-01.
pub const PROTOCOL: &[u8] = b"acme-tls/1";

/// Whether a client hello is a CA checking a challenge.
pub fn asks_for_challenge(hello: &ClientHello<'_>) -> bool {
    hello
        .alpn()
        .is_some_and(|mut protocols| protocols.any(|p| p == PROTOCOL))
}

/// The certificate that answers a challenge for `host`: self-signed, for
/// that name alone, with the key authorization's SHA-256 (`answer`,
/// base64url as ACME's `dns_value` writes it) in the critical
/// acmeIdentifier extension.
pub fn challenge_certificate(host: &str, answer: &str) -> anyhow::Result<Arc<CertifiedKey>> {
    let digest = URL_SAFE_NO_PAD
        .decode(answer)
        .context("the stored TLS-ALPN-01 answer is not base64url")?;
    anyhow::ensure!(
        digest.len() == 32,
        "a TLS-ALPN-01 answer is a SHA-256 digest"
    );
    let mut params = rcgen::CertificateParams::new(vec![host.to_owned()])?;
    params.custom_extensions = vec![rcgen::CustomExtension::new_acme_identifier(&digest)];
    let key = rcgen::KeyPair::generate()?;
    let cert = params.self_signed(&key)?;
    let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let signing = any_supported_type(&key_der).map_err(|e| anyhow::anyhow!("the key: {e}"))?;
    Ok(Arc::new(CertifiedKey::new(
        vec![CertificateDer::from(cert.der().to_vec())],
        signing,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_certificate_names_the_host_and_carries_the_digest() {
        let digest = [7u8; 32];
        let certified =
            challenge_certificate("blog.example.org", &URL_SAFE_NO_PAD.encode(digest)).unwrap();
        let (_, parsed) = x509_parser::parse_x509_certificate(&certified.cert[0]).unwrap();
        let acme_identifier =
            x509_parser::oid_registry::Oid::from(&[1, 3, 6, 1, 5, 5, 7, 1, 31]).unwrap();
        let extension = parsed
            .extensions()
            .iter()
            .find(|e| e.oid == acme_identifier)
            .expect("the acmeIdentifier extension");
        assert!(extension.critical);
        // An OCTET STRING of the 32-byte digest.
        assert_eq!(&extension.value[..2], &[0x04, 32]);
        assert_eq!(&extension.value[2..], &digest);
        let names = super::super::dns_names(&certified.cert[0]).unwrap();
        assert_eq!(names, ["blog.example.org"]);
    }

    #[test]
    fn an_answer_that_is_not_a_digest_is_refused() {
        assert!(challenge_certificate("blog.example.org", "not base64!").is_err());
        assert!(
            challenge_certificate("blog.example.org", &URL_SAFE_NO_PAD.encode([1u8; 5])).is_err()
        );
    }
}
