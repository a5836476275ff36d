//! Why a use case did not do what it was asked, in the words a person can act
//! on. The web crate maps each kind to a status once (`tidings-web`'s
//! `error.rs`); the CLI prints the message.

use tidings_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input will not do: `field` names what to fix (422).
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The request is not one our own pages or clients send: a form we never
    /// served, or one altered on the way (400). Unlike [`Error::Invalid`]
    /// there is no field a person can fix, only a page to reload, so the
    /// form is not shown again with their text.
    #[error("{0}")]
    Malformed(String),
    /// A file of a type we do not take, whatever it was named (415).
    #[error("{0}")]
    Unsupported(String),
    /// The input is larger than we take (413).
    #[error("{0}")]
    TooLarge(String),
    /// Who is asking could not be proven: an email and password that do
    /// not match (401). The message never tells which of the two was wrong.
    #[error("{0}")]
    Unauthorized(String),
    /// The person may not do this here (403).
    #[error("{0}")]
    Forbidden(String),
    /// Nothing of that name or id, or nothing this person may see (404).
    #[error("{0}")]
    NotFound(String),
    /// It would break a uniqueness rule, e.g. a path already taken (409).
    #[error("{0}")]
    Conflict(String),
    /// Too many of these from this person or address lately (429).
    #[error("{message}")]
    Throttled { message: String, retry_after: u64 },
    /// Too much of this work is under way; try again shortly (503).
    #[error("{message}")]
    Busy { message: String, retry_after: u64 },
    /// The store failed; its own error says how.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field,
            message: message.into(),
        }
    }
}
