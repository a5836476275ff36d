//! Secrets we hand out (API tokens, session cookies, setup links): random,
//! shown once; only their SHA-256 is stored.
//!
//! A token has 256 random bits, so a fast hash is enough: there is nothing to
//! guess, unlike a password, which gets Argon2id.

use sha2::{Digest, Sha256};

/// Recognisable in logs and secret scanners.
const PREFIX: &str = "tdg_";

/// A new token to show its owner once.
pub fn generate() -> String {
    format!("{PREFIX}{}", random_hex())
}

/// 256 random bits, hex-encoded: session tokens, CSRF tokens, setup links.
pub fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source is available");
    crate::form_token::hex(&bytes)
}

/// What the store keeps of a token.
pub fn hash(token: &str) -> String {
    crate::form_token::hex(&Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_unique_and_hashed() {
        let a = super::generate();
        assert!(a.starts_with("tdg_") && a.len() == 68);
        assert_ne!(a, super::generate());
        assert_eq!(super::hash(&a).len(), 64);
        assert_ne!(super::hash(&a), a);
    }
}
