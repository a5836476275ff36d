//! Who asks for an act: a member of the blog with their role, or the
//! operator at the command line, who runs the instance and needs no role
//! (the first admin of a blog is added that way).

use tidings_core::Role;
use tidings_store::User;

use crate::Error;

#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    /// Whoever runs `tidings` on the server: trusted with every blog.
    Operator,
    /// A person signed in (or holding a token) with `Role` on this blog.
    Member(&'a User, Role),
}

impl Actor<'_> {
    /// Refuses unless the operator asks or `may` allows the member's role;
    /// `doing` completes "Your role (…) may not …".
    pub fn require(&self, may: fn(Role) -> bool, doing: &str) -> Result<(), Error> {
        match self {
            Self::Operator => Ok(()),
            Self::Member(_, role) if may(*role) => Ok(()),
            Self::Member(_, role) => Err(Error::Forbidden(format!(
                "Your role ({}) may not {doing}.",
                role.as_str()
            ))),
        }
    }

    /// The member's own account, if a member asks.
    pub fn user(&self) -> Option<&User> {
        match self {
            Self::Operator => None,
            Self::Member(user, _) => Some(user),
        }
    }
}
