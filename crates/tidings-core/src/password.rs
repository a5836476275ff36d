//! Passwords: the rules a new one must meet, and Argon2id hashes.
//!
//! Hashing is pure computation, so it lives here beside the rules, and the
//! CLI, the setup page and the admin all use the same code.

use argon2::{Argon2, PasswordHasher, PasswordVerifier};

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// Passwords so common that guessing starts with them. Refused outright.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "password1234",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "12345678",
    "123456789",
    "1234567890",
    "12345678910",
    "87654321",
    "11111111",
    "00000000",
    "88888888",
    "99999999",
    "12341234",
    "11223344",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "qwerty12",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1qaz2wsx",
    "zaq12wsx",
    "asdfghjk",
    "asdfghjkl",
    "zxcvbnm1",
    "iloveyou",
    "iloveyou1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "basketball",
    "superman",
    "batman123",
    "starwars",
    "trustno1",
    "letmein1",
    "welcome1",
    "welcome123",
    "admin123",
    "administrator",
    "changeme",
    "abcd1234",
    "abc12345",
    "abcdefgh",
    "monkey123",
    "dragon123",
    "master123",
    "whatever",
    "computer",
    "internet",
    "michelle",
    "jennifer",
    "jordan23",
    "charlie1",
    "shadow123",
    "freedom1",
    "blahblah",
    "aaaaaaaa",
    "loveyou1",
    "mustang1",
    "access14",
    "1234qwer",
    "qazwsxedc",
    "q1w2e3r4",
    "q1w2e3r4t5",
    "passport",
    "corvette",
    "mercedes",
    "secret123",
    "test1234",
    "testtest",
    "hello123",
    "helloworld",
    "samsung1",
    "pokemon1",
    "liverpool",
    "chelsea1",
    "arsenal1",
    "manchester",
    "tidings123",
    "blogger1",
    "wordpress",
];

/// Why a new password is refused, as a message for a person.
pub fn check(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(format!("A password needs at least {MIN_CHARS} characters."));
    }
    if n > MAX_CHARS {
        return Err(format!(
            "A password can have at most {MAX_CHARS} characters."
        ));
    }
    if password.contains('\0') {
        return Err("A password cannot contain NUL characters.".into());
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str())
        || lower
            .chars()
            .all(|c| c == lower.chars().next().unwrap_or(' '))
    {
        return Err("That password is one of the most common ones; choose another.".into());
    }
    Ok(())
}

/// Why a post's password is refused. Readers are given it by the owner, so
/// it may be short or common (WordPress takes any); only what no form can
/// carry is refused.
pub fn check_post_password(password: &str) -> Result<(), String> {
    if password.chars().count() > MAX_CHARS {
        return Err(format!("password can have at most {MAX_CHARS} characters"));
    }
    if password.contains('\0') {
        return Err("password cannot contain NUL characters".into());
    }
    Ok(())
}

/// Whether `text` is already an Argon2 hash in PHC form (as our exports
/// write a post's password), rather than a password to hash.
pub fn is_hash(text: &str) -> bool {
    text.starts_with("$argon2") && argon2::password_hash::phc::PasswordHash::new(text).is_ok()
}

/// An Argon2id hash in PHC string form, with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the password: {e}"))
}

/// Whether `password` matches a stored hash; a malformed hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    argon2::password_hash::phc::PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash nobody's password matches, made with the parameters of real ones.
static DUMMY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash("the account you asked about does not exist").expect("Argon2 hashes a short password")
});

/// Whether `password` matches the stored hash of an account, or `None` when
/// there is no such account. Either way the check costs one Argon2 hash
/// (against a dummy when there is no account), so how long a sign-in takes
/// does not tell whether an address has an account.
pub fn verify_account(password: &str, stored: Option<&str>) -> bool {
    match stored {
        Some(stored) => verify(password, stored),
        None => {
            let _ = verify(password, &DUMMY);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(check("short").is_err());
        assert!(check(&"x".repeat(129)).is_err());
        assert!(check("Password123").is_err());
        assert!(check("zzzzzzzzzz").is_err());
        assert!(check("correct horse battery").is_ok());
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, hash("correct horse").unwrap());
        assert!(verify("correct horse", &a));
        assert!(!verify("wrong horse", &a));
        assert!(!verify("correct horse", "not a hash"));
        assert!(verify_account("correct horse", Some(&a)));
        assert!(!verify_account("correct horse", None));
    }
}
