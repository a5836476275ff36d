use minijinja::context;

use super::*;

fn theme(templates: &[(&str, &str)], files: &[(&str, &[u8])]) -> Theme {
    let source = ThemeSource {
        templates: templates
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect(),
        files: files
            .iter()
            .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
            .collect(),
        problems: Vec::new(),
    };
    Theme::compile("mine", source)
}

#[test]
fn a_theme_template_replaces_the_built_in_one_of_its_name() {
    let builtin = Templates::new();
    let t = theme(&[("error.html", "<p class=mine>{{ title }}</p>")], &[]);
    let html = t
        .render(&builtin, "error.html", context! { title => "<Gone>" })
        .unwrap();
    assert_eq!(html, "<p class=mine>&lt;Gone&gt;</p>");
    assert!(t.problems().is_empty());
}

#[test]
fn a_template_that_does_not_parse_is_named_with_its_line_and_left_out() {
    let t = theme(&[("error.html", "<p>\n{% if %}\n</p>")], &[]);
    let problems = t.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].template, "error.html");
    assert_eq!(problems[0].line, Some(2));
    assert!(
        problems[0]
            .to_string()
            .starts_with("error.html, line 2: syntax error")
    );
}

#[test]
fn a_render_error_draws_the_built_in_page_and_is_kept_once() {
    let builtin = Templates::new();
    let own = theme(
        &[("sidebar.html", "<p>\n{{ gadgets.nothing.deeper }}</p>")],
        &[],
    );
    let ctx = || context! { gadgets => Vec::<u8>::new(), lang => "en" };
    let expected = builtin.render("sidebar.html", ctx()).unwrap();
    for _ in 0..2 {
        assert_eq!(
            own.render(&builtin, "sidebar.html", ctx()).unwrap(),
            expected
        );
    }
    let problems = own.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].template.as_str(), problems[0].line),
        ("sidebar.html", Some(2))
    );
}

#[test]
fn static_files_are_named_by_their_hash_and_reachable_from_templates() {
    let builtin = Templates::new();
    let t = theme(
        &[(
            "error.html",
            r#"{{ static["look.css"] }} {{ static["simple.css"] }}"#,
        )],
        &[("look.css", b"body{}")],
    );
    let file = t.files.first().unwrap();
    assert!(file.hashed.starts_with("look.") && file.content_type.starts_with("text/css"));
    assert!(t.file(&file.hashed).is_some() && t.file("look.css").is_none());
    let html = t.render(&builtin, "error.html", context! {}).unwrap();
    assert_eq!(
        html,
        format!("/theme-files/{} {}", file.hashed, crate::url("simple.css"))
    );
}

#[test]
fn the_export_holds_reader_templates_and_the_stylesheet_not_the_admin() {
    let names: Vec<String> = builtin_files().into_iter().map(|(n, _)| n).collect();
    for n in [
        "base.html",
        "post.html",
        "gadgets/labels.html",
        "static/simple.css",
    ] {
        assert!(names.iter().any(|m| m == n), "{n} in {names:?}");
    }
    assert!(!names.iter().any(|n| n.contains("admin")), "{names:?}");
}
