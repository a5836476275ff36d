//! What each role may do: one place, so the API and the admin agree.
//!
//! admin: everything. author: own posts and pages, publish, moderate comments
//! on own posts, read every post and the comment queue. contributor: own
//! drafts only, never publish; reads their own posts and published ones, and
//! no comment that readers cannot see.

use crate::Role;

/// Whether `role` may leave a post in a published (or scheduled) state.
pub fn may_publish(role: Role) -> bool {
    role >= Role::Author
}

/// Whether `role` may change or delete a post. `own` says whether the caller
/// wrote it; `draft` whether it is (still) a draft.
pub fn may_edit(role: Role, own: bool, draft: bool) -> bool {
    match role {
        Role::Admin => true,
        Role::Author => own,
        Role::Contributor => own && draft,
    }
}

/// Whether `role` reviews what others submit for review: it may publish
/// and change any post (the admin), so a submitted draft is announced to it.
pub fn may_review(role: Role) -> bool {
    may_publish(role) && may_edit(role, false, true)
}

/// Whether `role` may approve, mark spam, delete or reply as the author.
pub fn may_moderate(role: Role, own_post: bool) -> bool {
    match role {
        Role::Admin => true,
        Role::Author => own_post,
        Role::Contributor => false,
    }
}

/// Whether `role` may read a post (its text, title and status, in the API,
/// the editor and the admin's lists). `own` says whether the caller wrote
/// it, `visible` whether readers see it now; a draft or a scheduled post is
/// not visible. `may_read_post(role, false, false)` says whether `role`
/// reads every post, so lists need not be narrowed.
pub fn may_read_post(role: Role, own: bool, visible: bool) -> bool {
    visible
        || match role {
            Role::Admin | Role::Author => true,
            Role::Contributor => own,
        }
}

/// Whether `role` may read the comment queue: comments held, marked spam or
/// deleted, with why they were held. The roles that moderate some comments.
pub fn may_read_queue(role: Role) -> bool {
    may_moderate(role, true)
}

/// Whether `role` may upload pictures: every role, contributors too (their
/// drafts need pictures as much as anyone's posts).
pub fn may_upload(role: Role) -> bool {
    role >= Role::Contributor
}

/// Whether `role` may change the alt text of an upload or delete it: the
/// admin any, everyone else their own.
pub fn may_change_media(role: Role, own: bool) -> bool {
    role == Role::Admin || own
}

/// Whether `role` may see the blog's page views (the Stats page): those
/// who publish, as readers' interest is what they write for.
pub fn may_see_stats(role: Role) -> bool {
    role >= Role::Author
}

/// Settings, users and roles are the admin's alone.
pub fn may_administer(role: Role) -> bool {
    role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_table() {
        assert!(may_publish(Role::Author) && !may_publish(Role::Contributor));
        assert!(may_review(Role::Admin) && !may_review(Role::Author));
        assert!(may_edit(Role::Admin, false, false));
        assert!(may_edit(Role::Author, true, false) && !may_edit(Role::Author, false, true));
        assert!(
            may_edit(Role::Contributor, true, true) && !may_edit(Role::Contributor, true, false)
        );
        assert!(may_moderate(Role::Author, true) && !may_moderate(Role::Author, false));
        assert!(!may_moderate(Role::Contributor, true));
        assert!(may_administer(Role::Admin) && !may_administer(Role::Author));
        assert!(may_read_post(Role::Author, false, false));
        assert!(may_read_post(Role::Contributor, true, false));
        assert!(may_read_post(Role::Contributor, false, true));
        assert!(!may_read_post(Role::Contributor, false, false));
        assert!(may_read_queue(Role::Author) && !may_read_queue(Role::Contributor));
        assert!(may_upload(Role::Contributor));
        assert!(may_change_media(Role::Admin, false) && may_change_media(Role::Contributor, true));
        assert!(!may_change_media(Role::Author, false));
        assert!(may_see_stats(Role::Author) && !may_see_stats(Role::Contributor));
    }
}
