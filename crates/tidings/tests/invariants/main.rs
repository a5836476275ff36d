//! ARCHITECTURE.md's invariants, checked against the workspace's source.
//!
//! Each rule reads the non-test code of `crates/*/src` (comments, string
//! contents and `#[cfg(test)]` modules left out, unless a rule is about
//! strings) and fails naming the file and line that broke it. Code that
//! breaks a rule today is named in [`KNOWN`] with its reason and how many
//! times it may; a file breaking a rule more often than that, or a new file
//! breaking it, fails, and so does an allowance nothing uses any more (take
//! it out, so the list stays the truth).

use std::collections::BTreeMap;
use std::fmt::Write as _;

mod detect;
mod source;

use detect::*;
use source::*;

/// Known exceptions: (rule, file, how many places, why). Each is a step the
/// structure issue has still to take; remove the line when it is taken.
const KNOWN: &[(Rule, &str, usize, &str)] = &[
    (
        Rule::Backend,
        "crates/tidings-store/src/lib.rs",
        1,
        "Store::open asks which backend its URL names",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/exec.rs",
        1,
        "an import's own connection (SqliteTx) exists only on SQLite",
    ),
    (
        Rule::Backend,
        "crates/tidings-store/src/pool.rs",
        4,
        "one sqlx driver per backend: the pool and each transaction say which",
    ),
    (
        Rule::Driver,
        "crates/tidings-store/src/changes.rs",
        2,
        "PostgreSQL's LISTEN holds a connection of its own (sqlx's PgListener)",
    ),
    (
        Rule::Routes,
        "crates/tidings-web/src/admin/mod.rs",
        34,
        "the admin's routes, nested under /admin by routes.rs",
    ),
    (
        Rule::Routes,
        "crates/tidings-web/src/api/mod.rs",
        14,
        "the API's routes, nested under /api/v1 by routes.rs",
    ),
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Rule {
    /// SQL text only in `tidings-store`.
    Sql,
    /// `Backend::` only in `tidings-store/src/dialect.rs`.
    Backend,
    /// sqlx only in the store's [`DRIVER_FILES`].
    Driver,
    /// Roles compared only in `tidings-core/src/permission.rs`.
    Roles,
    /// `.route(` and `.nest(` only in `tidings-web/src/routes.rs`.
    Routes,
    /// HTTP crates only as dependencies of `tidings-web` (and the binary's
    /// two named uses).
    Http,
}

impl Rule {
    fn says(self) -> &'static str {
        match self {
            Rule::Sql => "SQL text belongs in tidings-store",
            Rule::Backend => {
                "backend differences belong in tidings-store/src/dialect.rs (`Backend::`)"
            }
            Rule::Driver => {
                "the store's modules write `Sql` and read `ReadRow`; only its driver files name sqlx \
                 (sql.rs, reads.rs, exec.rs, lib.rs, dialect.rs, migrate.rs, pool.rs)"
            }
            Rule::Roles => {
                "roles are compared only in tidings-core/src/permission.rs (ask `permission::may_…`)"
            }
            Rule::Routes => "every route is listed in tidings-web/src/routes.rs",
            Rule::Http => "only tidings-web knows HTTP (Cargo.toml [dependencies])",
        }
    }
}

/// One place a rule was broken: the file (from the workspace root), the line
/// (1-based) and the line's text.
struct Breach {
    file: String,
    line: usize,
    text: String,
}

/// Breaches of one rule in the code of every file but `allowed`.
fn code_breaches(
    allowed: &[&str],
    mut broken: impl FnMut(&str) -> bool,
) -> BTreeMap<String, Vec<Breach>> {
    let mut found: BTreeMap<String, Vec<Breach>> = BTreeMap::new();
    for (rel, text) in sources() {
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let lexed = lex(&text);
        for (n, (code, original)) in lexed.code.lines().zip(text.lines()).enumerate() {
            if broken(code) {
                found.entry(rel.clone()).or_default().push(Breach {
                    file: rel.clone(),
                    line: n + 1,
                    text: original.trim().to_owned(),
                });
            }
        }
    }
    found
}

/// Compares what was found with [`KNOWN`]; panics with every difference.
fn judge(rule: Rule, found: BTreeMap<String, Vec<Breach>>) {
    let mut report = String::new();
    for (file, breaches) in &found {
        let allowance = KNOWN
            .iter()
            .find(|(r, f, _, _)| *r == rule && f == file)
            .map_or(0, |k| k.2);
        if breaches.len() > allowance {
            let _ = writeln!(
                report,
                "{file}: {} places, {allowance} allowed:",
                breaches.len()
            );
            for b in breaches {
                let _ = writeln!(report, "  {}:{}: {}", b.file, b.line, b.text);
            }
        }
    }
    for (r, file, allowance, why) in KNOWN {
        let now = found.get(*file).map_or(0, Vec::len);
        if *r == rule && now < *allowance {
            let _ = writeln!(
                report,
                "{file}: {allowance} places are allowed ({why}) but {now} remain: \
                 lower or remove its line in KNOWN (tests/invariants/main.rs)"
            );
        }
    }
    assert!(report.is_empty(), "{}:\n{report}", rule.says());
}

#[test]
fn sql_is_written_only_in_the_store() {
    let mut found: BTreeMap<String, Vec<Breach>> = BTreeMap::new();
    let mut in_store = 0;
    for (rel, text) in sources() {
        for (line, literal) in lex(&text).strings {
            if !is_sql(literal.trim_start()) {
                continue;
            }
            if rel.starts_with("crates/tidings-store/") {
                in_store += 1;
                continue;
            }
            let first = literal.trim().lines().next().unwrap_or("");
            found.entry(rel.clone()).or_default().push(Breach {
                file: rel.clone(),
                line,
                text: format!("\"{first}…\""),
            });
        }
    }
    // The detector must see the store's own SQL, or it would pass anything.
    assert!(
        in_store > 50,
        "the SQL detector found only {in_store} statements in tidings-store"
    );
    judge(Rule::Sql, found);
}

#[test]
fn backend_differences_live_in_the_dialect() {
    let found = code_breaches(&["crates/tidings-store/src/dialect.rs"], |code| {
        code.contains("Backend::")
    });
    judge(Rule::Backend, found);
}

/// The files that know which driver runs the store's statements: a change
/// of driver touches these alone.
const DRIVER_FILES: &[&str] = &[
    "crates/tidings-store/src/sql.rs",
    "crates/tidings-store/src/reads.rs",
    "crates/tidings-store/src/exec.rs",
    "crates/tidings-store/src/lib.rs",
    "crates/tidings-store/src/dialect.rs",
    "crates/tidings-store/src/migrate.rs",
    "crates/tidings-store/src/pool.rs",
];

#[test]
fn only_the_stores_driver_files_name_sqlx() {
    let found = code_breaches(DRIVER_FILES, |code| code.contains("sqlx"));
    judge(Rule::Driver, found);
}

#[test]
fn roles_are_compared_only_by_the_permission_rules() {
    let found = code_breaches(&["crates/tidings-core/src/permission.rs"], compares_roles);
    judge(Rule::Roles, found);
}

#[test]
fn every_route_is_in_routes_rs() {
    let found = code_breaches(&["crates/tidings-web/src/routes.rs"], |code| {
        [".route(", ".nest(", ".route_service(", ".nest_service("]
            .iter()
            .any(|m| code.contains(m))
    });
    judge(Rule::Routes, found);
}

/// Crates that speak HTTP, as servers or clients.
const HTTP_CRATES: &[&str] = &[
    "axum",
    "h2",
    "http",
    "http-body",
    "http-body-util",
    "hyper",
    "hyper-util",
    "reqwest",
    "tower",
    "tower-http",
    "tower-service",
    "ureq",
];

/// HTTP crates a crate other than tidings-web may depend on, and why.
const HTTP_ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/tidings/Cargo.toml",
        "axum",
        "`tidings render` sends each address through tidings-web's router in-process",
    ),
    (
        "crates/tidings/Cargo.toml",
        "tower",
        "`tidings render` calls the router with `ServiceExt::oneshot`",
    ),
    (
        "crates/tidings/Cargo.toml",
        "ureq",
        "`import wordpress --fetch-media` downloads attachments",
    ),
    (
        "crates/tidings-store/Cargo.toml",
        "reqwest",
        "the S3 media store's client (object_store's) speaks HTTP through reqwest; \
         the store names it only to choose its TLS provider, ring, not aws-lc",
    ),
];

#[test]
fn only_the_web_crate_knows_http() {
    let root = workspace();
    let mut report = String::new();
    for krate in read_dir(&root.join("crates")) {
        let manifest = krate.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let rel = manifest
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "crates/tidings-web/Cargo.toml" {
            continue;
        }
        for (n, name) in dependencies(&text) {
            let name = name.as_str();
            if !HTTP_CRATES.contains(&name) {
                continue;
            }
            if HTTP_ALLOWED
                .iter()
                .any(|(file, krate, _)| *file == rel && *krate == name)
            {
                continue;
            }
            let _ = writeln!(report, "  {rel}:{n}: depends on {name}");
        }
    }
    assert!(report.is_empty(), "{}:\n{report}", Rule::Http.says());
}

/// Each crate's layer: a crate depends only on crates of lower layers, so
/// dependencies point one way (toward the domain) and nothing below the
/// web crate can reach HTTP through another crate.
const LAYERS: &[(&str, u8)] = &[
    ("tidings-core", 0),
    ("tidings-render", 1),
    ("tidings-feeds", 1),
    ("tidings-store", 1),
    ("tidings-mail", 1),
    ("tidings-media", 1),
    ("tidings-theme", 2),
    // Mails are written in the blog's language from the theme's messages.
    ("tidings-app", 3),
    ("tidings-import", 4),
    ("tidings-web", 4),
    ("tidings", 5),
];

#[test]
fn dependencies_point_one_way() {
    let root = workspace();
    let mut report = String::new();
    for (krate, layer) in LAYERS {
        let rel = if *krate == "tidings" {
            "crates/tidings/Cargo.toml".to_owned()
        } else {
            format!("crates/{krate}/Cargo.toml")
        };
        let text = std::fs::read_to_string(root.join(&rel))
            .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        for (n, dep) in dependencies(&text) {
            if let Some((_, theirs)) = LAYERS.iter().find(|(name, _)| *name == dep) {
                if theirs >= layer {
                    let _ = writeln!(report, "  {rel}:{n}: {krate} depends on {dep}");
                }
            } else if dep.starts_with("tidings") {
                let _ = writeln!(report, "  {rel}:{n}: {dep} has no layer in LAYERS");
            }
        }
    }
    for krate in read_dir(&root.join("crates")) {
        let name = krate
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if krate.join("Cargo.toml").is_file() && !LAYERS.iter().any(|(n, _)| *n == name) {
            let _ = writeln!(report, "  crates/{name}: a crate with no layer in LAYERS");
        }
    }
    assert!(
        report.is_empty(),
        "dependencies point from the binary toward tidings-core only:\n{report}"
    );
}

#[test]
fn the_pure_crates_do_no_io() {
    const PURE: &[&str] = &[
        "crates/tidings-core/",
        "crates/tidings-render/",
        "crates/tidings-feeds/",
        "crates/tidings-theme/",
        "crates/tidings-media/",
    ];
    const IO: &[&str] = &[
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::io::std",
        "tokio::",
        "sqlx::",
        "rusqlite::",
        "File::",
    ];
    let mut report = String::new();
    for (rel, text) in sources() {
        if !PURE.iter().any(|p| rel.starts_with(p)) {
            continue;
        }
        for (n, (code, original)) in lex(&text).code.lines().zip(text.lines()).enumerate() {
            if IO.iter().any(|io| code.contains(io)) {
                let _ = writeln!(report, "  {rel}:{}: {}", n + 1, original.trim());
            }
        }
    }
    assert!(
        report.is_empty(),
        "tidings-core, tidings-render, tidings-feeds, tidings-media and tidings-theme do no I/O:\n{report}"
    );
}

/// The `[dependencies]` (and target-specific dependencies) of a manifest, as
/// (line, crate name); dev-dependencies are the tests' own business.
fn dependencies(manifest: &str) -> Vec<(usize, String)> {
    let mut section = String::new();
    let mut found = Vec::new();
    for (n, line) in manifest.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_owned();
            continue;
        }
        if section != "dependencies" && !section.ends_with(".dependencies") {
            continue;
        }
        let name = line
            .split(['=', '.'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if !name.is_empty() && !name.starts_with('#') {
            found.push((n + 1, name.to_owned()));
        }
    }
    found
}

#[test]
fn the_rules_see_what_they_look_for() {
    assert!(is_sql("SELECT id, title FROM posts WHERE blog_id = $1"));
    assert!(is_sql("select 1"));
    assert!(is_sql("INSERT INTO changes (blog_id) VALUES ($1)"));
    assert!(is_sql("UPDATE posts SET title = $1"));
    assert!(is_sql("delete from sessions"));
    assert!(is_sql("CREATE INDEX x ON y (z)"));
    assert!(is_sql("WITH t AS (SELECT 1) SELECT * FROM t"));
    assert!(!is_sql("Create the admin account"));
    assert!(!is_sql("Delete a post with its comments"));
    assert!(!is_sql("Select a role"));
    assert!(!is_sql("with a session"));

    assert!(compares_roles("if signed.role >= Role::Author {"));
    assert!(compares_roles("if self.role >= role {"));
    assert!(compares_roles("role == Role::Admin"));
    assert!(compares_roles("Role::Contributor != member.role"));
    assert!(compares_roles("if role < Role::Admin {"));
    assert!(compares_roles("x == tidings_core::Role::Admin"));
    assert!(!compares_roles("fn f(role: Role) -> Option<Role> {"));
    assert!(!compares_roles(
        "let r: Vec<Role> = roles.iter().map(|x| x.role).collect();"
    ));
    assert!(!compares_roles("Role::Admin => \"admin\","));
    assert!(!compares_roles(
        "permission::may_publish(signed.role) == false"
    ));

    let lexed = lex("let a = \"SELECT 1\"; // Backend::Sqlite\nlet c = '\"'; let s = r#\"x\"#;\n");
    assert_eq!(
        lexed.strings,
        vec![(1, "SELECT 1".to_owned()), (2, "x".to_owned())]
    );
    assert!(!lexed.code.contains("Backend"));
    let lexed =
        lex("fn f() {}\n#[cfg(test)]\nmod tests {\n    fn g() { \"SELECT 1\"; }\n}\nfn h() {}\n");
    assert!(lexed.strings.is_empty());
    assert!(lexed.code.contains("fn h()") && !lexed.code.contains("fn g()"));
}
