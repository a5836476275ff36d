//! Outgoing mail: where it goes (`--smtp-url`, [`Mailer`]), what it is
//! ([`Letter`], built into a message by lettre's typed builders) and the
//! DKIM key that signs it ([`Dkim`]).
//!
//! Nothing here knows our domain or our database: the queue and the words of
//! each mail are `tidings_app::mail`'s. A header is never written as text:
//! names, subjects and addresses go through lettre's builders, which encode
//! what a header cannot carry (a CR or LF in a commenter's name becomes an
//! encoded word, never a new header line), and control characters are
//! turned into spaces before that, so a name reads the same everywhere.

mod dkim;
mod letter;
mod smtp;

pub use dkim::Dkim;
pub use letter::Letter;
pub use smtp::{CONNECTIONS, Mailer, SendError, Sent, SmtpSettings};

/// Why a setting or an address was refused, in words a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("{0}")]
    Settings(String),
    #[error("{0:?} is not an email address")]
    Address(String),
    #[error("the message cannot be built: {0}")]
    Build(String),
}

/// Whether `address` is one we can send to (lettre's own parser): the check
/// every way in applies before an address is stored or mailed.
pub fn is_address(address: &str) -> bool {
    address.parse::<lettre::Address>().is_ok()
}
