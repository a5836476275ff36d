//! Comments: a reader's comment arriving ([`submit`]), and the owner's side
//! of them, the queue ([`Queue`]: list, moderate, reply).
//!
//! Who may do what is asked of `tidings_core::permission` here and nowhere
//! else in the comment paths, so the admin, the API and whatever comes next
//! refuse alike.

mod queue;
mod reply;
mod submit;

pub use queue::{Decision, Moderator, Queue};
pub use reply::Reply;
pub use submit::{Arrival, Member, submit};
