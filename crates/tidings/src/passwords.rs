//! Passwords: Argon2id hashes, and the rules a new password must meet.

use anyhow::{Context, bail};
use argon2::{Argon2, PasswordHasher};

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// Reads a password from standard input: the first line, without its newline.
pub fn read_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    let n = password.chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&n) {
        bail!("the password must be {MIN_CHARS} to {MAX_CHARS} characters long, not {n}");
    }
    Ok(password)
}

/// An Argon2id hash in PHC string form, with a fresh random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let hash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_are_argon2id_and_salted() {
        let a = super::hash("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, super::hash("correct horse").unwrap());
    }
}
