//! Integration tests: each starts the real `tidings` binary on a free port
//! with a fresh database and talks HTTP to it, asserting what a person sees.
//!
//! One test binary (as crates.io does) so the suite links once.

mod support;

mod abuse;
mod admin;
mod api;
mod bad_input;
mod blogs;
mod cache;
mod cli;
mod commenter_urls;
mod comments;
mod config_file;
mod connections;
mod content;
mod crash;
mod doctor;
mod encoding;
mod export;
mod feeds;
mod flood;
mod hardening;
mod hostile_bodies;
mod https;
mod import;
mod language;
mod lifecycle;
mod look;
mod mail;
mod mail_languages;
mod mail_posts;
mod mail_readers;
mod media;
mod media_stores;
mod metadata;
mod metrics;
mod nodes;
mod old_data;
mod pages;
mod popular;
mod post_comments;
mod protected;
mod queries;
mod render;
mod revisions;
mod schema;
mod search_languages;
mod search_snippets;
mod shared_caches;
mod slow;
mod smtp;
mod snapshots;
mod spam;
mod trash;
mod views;
mod visibility;
mod xml_chars;
