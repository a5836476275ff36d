//! People who write: their roles on a blog and what each role may do.

use serde::{Deserialize, Serialize};

use crate::UnknownValue;

/// A person's role on one blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Own drafts only; cannot publish.
    Contributor,
    /// Own posts and pages, publish, moderate comments on them.
    Author,
    /// Everything on the blog.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contributor => "contributor",
            Self::Author => "author",
            Self::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Self::Admin),
            "author" => Ok(Self::Author),
            "contributor" => Ok(Self::Contributor),
            _ => Err(UnknownValue {
                what: "role",
                allowed: "admin, author, contributor",
                got: s.to_owned(),
            }),
        }
    }
}

/// The longest name a person may have here.
pub const MAX_NAME_CHARS: usize = 100;

/// Whether `name` (already trimmed) may be a person's name: 1 to 100
/// characters on one line, none a control character or one XML cannot
/// carry (a name is every post's byline, in feeds and exports too).
pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.chars().any(char::is_control)
        && crate::xml_chars::all_xml_chars(name)
}

/// Accepts addresses of the form `local@domain.tld`, enough to catch typos
/// without pretending to implement RFC 5322.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_and_order() {
        assert_eq!("admin".parse::<Role>().unwrap(), Role::Admin);
        assert!("root".parse::<Role>().is_err());
        assert!(Role::Admin > Role::Author && Role::Author > Role::Contributor);
    }

    #[test]
    fn names() {
        assert!(is_valid_name("Zoë O'Brien"));
        assert!(!is_valid_name(""));
        assert!(!is_valid_name("a\u{B}b"));
        assert!(!is_valid_name("a\u{FFFF}"));
        assert!(!is_valid_name(&"x".repeat(101)));
    }

    #[test]
    fn emails() {
        assert!(is_plausible_email("a@b.org"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("ab.org"));
        assert!(!is_plausible_email("a b@c.org"));
    }
}
