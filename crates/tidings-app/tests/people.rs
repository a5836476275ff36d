//! The people use cases against a real SQLite store: who may add, change and
//! remove people, what adding an existing address does (nothing to its
//! account), and that a blog's acts stay on that blog.

use std::path::PathBuf;

use tidings_app::people::{self, Newcomer};
use tidings_app::{Actor, Error};
use tidings_core::{BlogSettings, Role};
use tidings_store::{Store, User};

struct Instance {
    store: Store,
    dir: PathBuf,
    /// Two blogs, each with its own admin.
    blogs: [(BlogSettings, User); 2],
}

impl Instance {
    async fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("tidings-people-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Store::sqlite_url(&dir)).await.unwrap();
        let mut blogs = Vec::new();
        for host in ["one.example", "two.example"] {
            let blog = store.create_blog(host, host).await.unwrap();
            let email = format!("admin@{host}");
            let admin = store
                .create_user(blog.id, &email, "Admin", "-", Role::Admin)
                .await
                .unwrap();
            blogs.push((blog, admin));
        }
        let blogs = blogs.try_into().ok().unwrap();
        Self { store, dir, blogs }
    }

    fn admin(&self, i: usize) -> Actor<'_> {
        Actor::Member(&self.blogs[i].1, Role::Admin)
    }

    /// `by` adds `email` to blog `i` through the whole use case.
    async fn add(&self, i: usize, by: Actor<'_>, email: &str, role: &str) -> Result<(), Error> {
        let new = newcomer(email, role);
        let checked = people::check(by, self.blogs[i].0.id, &new)?;
        let hash = format!("hash of {}", checked.password());
        people::add(&self.store, checked, &hash).await
    }

    async fn role_of(&self, i: usize, email: &str) -> Option<Role> {
        let members = self.store.members(self.blogs[i].0.id).await.unwrap();
        members
            .into_iter()
            .find(|(u, _)| u.email == email)
            .map(|(_, r)| r)
    }

    async fn user(&self, email: &str) -> User {
        self.store.user_by_email(email).await.unwrap().unwrap()
    }

    async fn close(self) {
        self.store.close().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn newcomer(email: &str, role: &str) -> Newcomer {
    Newcomer {
        email: email.into(),
        name: "Newcomer".into(),
        role: role.into(),
        password: "a long enough password".into(),
    }
}

fn field_of<T>(r: Result<T, Error>) -> &'static str {
    match r {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("refused with a field to fix, not {:?}", other.err()),
    }
}

fn forbidden<T>(r: Result<T, Error>) {
    let r = r.err();
    assert!(matches!(r, Some(Error::Forbidden(_))), "{r:?}");
}

#[tokio::test]
async fn only_an_admin_manages_people() {
    let it = Instance::new("roles").await;
    it.add(0, it.admin(0), "writer@example.org", "author")
        .await
        .unwrap();
    let writer = it.user("writer@example.org").await;
    let as_author = Actor::Member(&writer, Role::Author);
    let blog = it.blogs[0].0.id;

    forbidden(it.add(0, as_author, "friend@example.org", "admin").await);
    assert!(
        it.store
            .user_by_email("friend@example.org")
            .await
            .unwrap()
            .is_none()
    );
    forbidden(people::list(&it.store, blog, as_author).await);
    let admin_id = it.blogs[0].1.id;
    forbidden(people::change_role(&it.store, blog, as_author, admin_id, "contributor").await);
    forbidden(people::remove(&it.store, blog, as_author, admin_id).await);
    assert_eq!(it.role_of(0, "admin@one.example").await, Some(Role::Admin));

    // Nor does an admin demote or remove themselves.
    forbidden(people::change_role(&it.store, blog, it.admin(0), admin_id, "author").await);
    forbidden(people::remove(&it.store, blog, it.admin(0), admin_id).await);
    forbidden(it.add(0, it.admin(0), "ADMIN@one.example", "author").await);
    assert_eq!(it.role_of(0, "admin@one.example").await, Some(Role::Admin));
    it.close().await;
}

#[tokio::test]
async fn adding_an_existing_address_keeps_its_name_and_password() {
    let it = Instance::new("existing").await;
    let before = it.user("admin@two.example").await;
    let mut new = newcomer(" Admin@Two.example ", "contributor");
    new.name = "Someone Else".into();
    new.password = "a password of my choosing".into();
    let checked = people::check(it.admin(0), it.blogs[0].0.id, &new).unwrap();
    people::add(&it.store, checked, "another hash")
        .await
        .unwrap();

    let after = it.user("admin@two.example").await;
    assert_eq!(
        (after.name, after.password_hash),
        (before.name, before.password_hash)
    );
    assert_eq!(
        it.role_of(0, "admin@two.example").await,
        Some(Role::Contributor)
    );
    assert_eq!(it.role_of(1, "admin@two.example").await, Some(Role::Admin));
    it.close().await;
}

#[tokio::test]
async fn each_field_is_checked_and_named_known_address_or_not() {
    let it = Instance::new("fields").await;
    let blog = it.blogs[0].0.id;
    for email in ["new@example.org", "admin@two.example"] {
        let mut bad = newcomer(email, "owner");
        assert_eq!(field_of(people::check(it.admin(0), blog, &bad)), "role");
        bad.role = "author".into();
        bad.name = "  ".into();
        assert_eq!(field_of(people::check(it.admin(0), blog, &bad)), "name");
        bad.name = "Fine".into();
        bad.password = "short".into();
        assert_eq!(field_of(people::check(it.admin(0), blog, &bad)), "password");
    }
    let bad = newcomer("not-an-email", "author");
    assert_eq!(field_of(people::check(it.admin(0), blog, &bad)), "email");
    assert_eq!(it.role_of(0, "admin@two.example").await, None);
    assert!(
        it.store
            .user_by_email("new@example.org")
            .await
            .unwrap()
            .is_none()
    );
    it.close().await;
}

#[tokio::test]
async fn removal_and_role_changes_leave_other_blogs_untouched() {
    let it = Instance::new("removal").await;
    for i in 0..2 {
        it.add(i, it.admin(i), "both@example.org", "author")
            .await
            .unwrap();
    }
    let both = it.user("both@example.org").await;
    let one = it.blogs[0].0.id;

    people::change_role(&it.store, one, it.admin(0), both.id, "contributor")
        .await
        .unwrap();
    assert_eq!(
        it.role_of(0, "both@example.org").await,
        Some(Role::Contributor)
    );
    assert_eq!(it.role_of(1, "both@example.org").await, Some(Role::Author));

    people::remove(&it.store, one, it.admin(0), both.id)
        .await
        .unwrap();
    assert_eq!(it.role_of(0, "both@example.org").await, None);
    assert_eq!(it.role_of(1, "both@example.org").await, Some(Role::Author));
    assert_eq!(
        it.user("both@example.org").await.id,
        both.id,
        "the account stays"
    );

    // Blog one's admin reaches nobody who is not on blog one.
    let other_admin = it.blogs[1].1.id;
    let r = people::change_role(&it.store, one, it.admin(0), other_admin, "author").await;
    assert!(matches!(r, Err(Error::NotFound(_))), "{r:?}");
    let r = people::remove(&it.store, one, it.admin(0), other_admin).await;
    assert!(matches!(r, Err(Error::NotFound(_))), "{r:?}");
    assert_eq!(it.role_of(1, "admin@two.example").await, Some(Role::Admin));
    it.close().await;
}

#[tokio::test]
async fn the_operator_creates_accounts_and_is_told_when_one_exists() {
    let it = Instance::new("operator").await;
    let blog = it.blogs[0].0.id;
    let new = newcomer("first@example.org", "admin");
    let checked = people::check(Actor::Operator, blog, &new).unwrap();
    let user = people::create(&it.store, checked, "h").await.unwrap();
    assert_eq!(user.email, "first@example.org");
    assert_eq!(it.role_of(0, "first@example.org").await, Some(Role::Admin));

    let again = newcomer("FIRST@example.org", "author");
    let checked = people::check(Actor::Operator, blog, &again).unwrap();
    let r = people::create(&it.store, checked, "h").await;
    assert!(
        matches!(&r, Err(Error::Conflict(m)) if m.contains("exists")),
        "{r:?}"
    );
    assert_eq!(it.role_of(0, "first@example.org").await, Some(Role::Admin));

    // A member adds; only the operator creates outright.
    let checked = people::check(it.admin(0), blog, &newcomer("x@example.org", "author")).unwrap();
    forbidden(people::create(&it.store, checked, "h").await);
    it.close().await;
}
