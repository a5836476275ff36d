//! Schema migrations, mirrored per backend and embedded in the binary.
//!
//! Each backend has its own folder because DDL differs (identity columns,
//! full-text search), but both must hold the same migrations by version and
//! name; a test below keeps them in step.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AssertSqlSafe, SqlSafeStr};

use crate::{Result, Store};

/// `(version, name, sql)` of each migration.
pub(crate) type Source = (i64, &'static str, &'static str);

pub(crate) const SQLITE: &[Source] = &[
    (
        1,
        "initial",
        include_str!("../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "sessions",
        include_str!("../migrations/sqlite/0002_sessions.sql"),
    ),
    (
        3,
        "imports",
        include_str!("../migrations/sqlite/0003_imports.sql"),
    ),
    (
        5,
        "spam_filter",
        include_str!("../migrations/sqlite/0005_spam_filter.sql"),
    ),
    (
        6,
        "rate_limits",
        include_str!("../migrations/sqlite/0006_rate_limits.sql"),
    ),
    (
        7,
        "pages_sticky_attachments",
        include_str!("../migrations/sqlite/0007_pages_sticky_attachments.sql"),
    ),
    (
        8,
        "changes",
        include_str!("../migrations/sqlite/0008_changes.sql"),
    ),
    (
        9,
        "read_model",
        include_str!("../migrations/sqlite/0009_read_model.sql"),
    ),
    (
        10,
        "listing_order",
        include_str!("../migrations/sqlite/0010_listing_order.sql"),
    ),
    (
        11,
        "signin_addresses",
        include_str!("../migrations/sqlite/0011_signin_addresses.sql"),
    ),
    (
        12,
        "media",
        include_str!("../migrations/sqlite/0012_media.sql"),
    ),
    (
        13,
        "mail",
        include_str!("../migrations/sqlite/0013_mail.sql"),
    ),
    (
        14,
        "post_reads",
        include_str!("../migrations/sqlite/0014_post_reads.sql"),
    ),
    (
        15,
        "language_and_metadata",
        include_str!("../migrations/sqlite/0015_language_and_metadata.sql"),
    ),
    (
        16,
        "subscriptions",
        include_str!("../migrations/sqlite/0016_subscriptions.sql"),
    ),
    (
        17,
        "look",
        include_str!("../migrations/sqlite/0017_look.sql"),
    ),
    (
        18,
        "page_views",
        include_str!("../migrations/sqlite/0018_page_views.sql"),
    ),
    (
        19,
        "post_settings",
        include_str!("../migrations/sqlite/0019_post_settings.sql"),
    ),
    (
        20,
        "content",
        include_str!("../migrations/sqlite/0020_content.sql"),
    ),
    (
        22,
        "search_languages",
        include_str!("../migrations/sqlite/0022_search_languages.sql"),
    ),
    (
        23,
        "post_mailing_switch",
        include_str!("../migrations/sqlite/0023_post_mailing_switch.sql"),
    ),
    (
        24,
        "certificates",
        include_str!("../migrations/sqlite/0024_certificates.sql"),
    ),
    (
        26,
        "revisions",
        include_str!("../migrations/sqlite/0026_revisions.sql"),
    ),
    (
        28,
        "featured_images",
        include_str!("../migrations/sqlite/0028_featured_images.sql"),
    ),
    (
        29,
        "blog_setup_links",
        include_str!("../migrations/sqlite/0029_blog_setup_links.sql"),
    ),
    (
        31,
        "everyday",
        include_str!("../migrations/sqlite/0031_everyday.sql"),
    ),
    (
        32,
        "theme",
        include_str!("../migrations/sqlite/0032_theme.sql"),
    ),
    (
        33,
        "header_image",
        include_str!("../migrations/sqlite/0033_header_image.sql"),
    ),
    (
        35,
        "mail_wake",
        include_str!("../migrations/sqlite/0035_mail_wake.sql"),
    ),
];

pub(crate) const POSTGRES: &[Source] = &[
    (
        1,
        "initial",
        include_str!("../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        "sessions",
        include_str!("../migrations/postgres/0002_sessions.sql"),
    ),
    (
        3,
        "imports",
        include_str!("../migrations/postgres/0003_imports.sql"),
    ),
    (
        5,
        "spam_filter",
        include_str!("../migrations/postgres/0005_spam_filter.sql"),
    ),
    (
        6,
        "rate_limits",
        include_str!("../migrations/postgres/0006_rate_limits.sql"),
    ),
    (
        7,
        "pages_sticky_attachments",
        include_str!("../migrations/postgres/0007_pages_sticky_attachments.sql"),
    ),
    (
        8,
        "changes",
        include_str!("../migrations/postgres/0008_changes.sql"),
    ),
    (
        9,
        "read_model",
        include_str!("../migrations/postgres/0009_read_model.sql"),
    ),
    (
        10,
        "listing_order",
        include_str!("../migrations/postgres/0010_listing_order.sql"),
    ),
    (
        11,
        "signin_addresses",
        include_str!("../migrations/postgres/0011_signin_addresses.sql"),
    ),
    (
        12,
        "media",
        include_str!("../migrations/postgres/0012_media.sql"),
    ),
    (
        13,
        "mail",
        include_str!("../migrations/postgres/0013_mail.sql"),
    ),
    (
        14,
        "post_reads",
        include_str!("../migrations/postgres/0014_post_reads.sql"),
    ),
    (
        15,
        "language_and_metadata",
        include_str!("../migrations/postgres/0015_language_and_metadata.sql"),
    ),
    (
        16,
        "subscriptions",
        include_str!("../migrations/postgres/0016_subscriptions.sql"),
    ),
    (
        17,
        "look",
        include_str!("../migrations/postgres/0017_look.sql"),
    ),
    (
        18,
        "page_views",
        include_str!("../migrations/postgres/0018_page_views.sql"),
    ),
    (
        19,
        "post_settings",
        include_str!("../migrations/postgres/0019_post_settings.sql"),
    ),
    (
        20,
        "content",
        include_str!("../migrations/postgres/0020_content.sql"),
    ),
    (
        22,
        "search_languages",
        include_str!("../migrations/postgres/0022_search_languages.sql"),
    ),
    (
        23,
        "post_mailing_switch",
        include_str!("../migrations/postgres/0023_post_mailing_switch.sql"),
    ),
    (
        24,
        "certificates",
        include_str!("../migrations/postgres/0024_certificates.sql"),
    ),
    (
        26,
        "revisions",
        include_str!("../migrations/postgres/0026_revisions.sql"),
    ),
    (
        28,
        "featured_images",
        include_str!("../migrations/postgres/0028_featured_images.sql"),
    ),
    (
        29,
        "blog_setup_links",
        include_str!("../migrations/postgres/0029_blog_setup_links.sql"),
    ),
    (
        31,
        "everyday",
        include_str!("../migrations/postgres/0031_everyday.sql"),
    ),
    (
        32,
        "theme",
        include_str!("../migrations/postgres/0032_theme.sql"),
    ),
    (
        33,
        "header_image",
        include_str!("../migrations/postgres/0033_header_image.sql"),
    ),
    (
        35,
        "mail_wake",
        include_str!("../migrations/postgres/0035_mail_wake.sql"),
    ),
];

/// Applies every migration the database has not seen yet.
pub(crate) async fn run(store: &Store) -> Result<()> {
    let migrations = store
        .backend
        .migrations()
        .iter()
        .map(|(version, name, sql)| {
            Migration::new(
                *version,
                Cow::Borrowed(*name),
                MigrationType::Simple,
                AssertSqlSafe(*sql).into_sql_str(),
                false,
            )
        })
        .collect();
    let migrator = Migrator::with_migrations(migrations);
    store.pool.migrate(&migrator).await.map_err(|e| {
        tracing::error!(backend = store.backend.name(), "migration failed: {e}");
        sqlx::Error::from(e)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_hold_the_same_migrations() {
        let names = |s: &[Source]| s.iter().map(|(v, n, _)| (*v, *n)).collect::<Vec<_>>();
        assert_eq!(names(SQLITE), names(POSTGRES));
        let files = |dir: &str| {
            let mut f: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            f.sort();
            f
        };
        let root = env!("CARGO_MANIFEST_DIR");
        assert_eq!(
            files(&format!("{root}/migrations/sqlite")),
            files(&format!("{root}/migrations/postgres"))
        );
        assert_eq!(
            files(&format!("{root}/migrations/sqlite")).len(),
            SQLITE.len()
        );
    }
}
