//! The API half of issue 6's bad-input sweep, generated from the OpenAPI
//! document the server serves: every operation gets path parameters that are
//! wrong-typed, huge and hostile, query parameters of the wrong type and a
//! 100 KB query string, bodies that are malformed JSON, of the wrong type per
//! property of its schema, 10 MB, or of the wrong content type, and callers
//! without a valid token. Not one answer may be a 5xx, every refusal the
//! application makes is a JSON error with a message, and the log shows no
//! panic. A route added to the document is swept without touching this file.

use serde_json::{Value, json};

use super::sweep::{Case, assert_swept, run};
use crate::support::TestApp;

/// What an integer, string, boolean, array or object field must not be.
fn wrong_values(doc: &Value, schema: &Value) -> Vec<Value> {
    let schema = resolve(doc, schema);
    let mut out = vec![
        json!({"nested": {"deeper": [1, {"x": null}]}}),
        json!([[[]]]),
    ];
    let huge_string = Value::String("x".repeat(100 * 1024));
    match schema_type(schema) {
        Some("integer" | "number") => out.extend([
            json!("1"),
            json!("abc"),
            json!(1.5),
            json!(-1),
            json!(i64::MIN),
            json!(u64::MAX),
            // Past every integer type: serde_json reads it as a float.
            serde_json::from_str("123456789012345678901234567890").unwrap(),
            json!(1e308),
            json!(true),
            json!([1]),
        ]),
        Some("boolean") => out.extend([json!("true"), json!(1), json!("yes"), json!([])]),
        Some("array") => {
            let item = schema.get("items").cloned().unwrap_or(json!({}));
            let mut items: Vec<Value> = wrong_values(doc, &item)
                .into_iter()
                .map(|v| json!([v]))
                .collect();
            items.truncate(12);
            out.extend(items);
            out.extend([
                json!("a string"),
                json!(5),
                json!({}),
                json!([null]),
                Value::Array((0..10_000).map(|i| json!(format!("item {i}"))).collect()),
            ]);
        }
        Some("object") => out.extend([json!([]), json!("a string"), json!(5)]),
        // Strings, and fields the schema leaves untyped.
        _ => {
            out.extend([
                json!(5),
                json!(1.5),
                json!(true),
                json!(["a"]),
                json!({}),
                json!(""),
                json!("   "),
                json!("\u{0}"),
                json!("nul \u{0} inside"),
                json!("\u{202e}right to left"),
                json!("\u{1F4A9}".repeat(5000)),
                json!("<script>alert(1)</script>"),
                json!("'; DROP TABLE posts; --"),
                json!("../../../../etc/passwd"),
                huge_string,
            ]);
            if schema.get("enum").is_some() {
                out.extend([json!("bogus"), json!("POST"), json!("published ")]);
            }
            if schema.get("format").and_then(Value::as_str) == Some("date-time") {
                out.extend([
                    json!("2020-02-30T00:00:00Z"),
                    json!("2020-01-01T25:61:61Z"),
                    json!("next tuesday"),
                    json!("99999-01-01T00:00:00Z"),
                    json!("-0001-01-01T00:00:00Z"),
                    json!("+275760-09-13T00:00:00Z"),
                    json!("0000-01-01T00:00:00Z"),
                    json!("2020-01-01T00:00:00+25:00"),
                    json!("2020-01-01"),
                    json!(1_577_836_800),
                ]);
            }
        }
    }
    out.push(Value::Null);
    out
}

/// A value the schema accepts, for the fields a body needs.
fn good_value(doc: &Value, schema: &Value) -> Value {
    let schema = resolve(doc, schema);
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.iter().find(|v| !v.is_null()))
    {
        return first.clone();
    }
    match schema_type(schema) {
        Some("integer" | "number") => schema.get("minimum").cloned().unwrap_or(json!(1)),
        Some("boolean") => json!(false),
        Some("array") => json!([]),
        Some("object") => json!({}),
        _ if schema.get("format").and_then(Value::as_str) == Some("date-time") => {
            json!("2020-01-01T00:00:00Z")
        }
        _ => json!("Sweep"),
    }
}

/// Values for a path parameter that names nothing, or nothing sensible.
fn bad_path_values() -> Vec<String> {
    let mut out: Vec<String> = [
        "abc",
        "0",
        "-1",
        "1.5",
        "1e3",
        "0x10",
        "+1",
        "%201",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999999999999",
        "%FF%FE",
        "%C0%AF",
        "%E2%80%AE",
        "%F0%9F%92%A9",
        "%00",
        "null",
        "true",
        "%5B1%5D",
        "%7B%7D",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "1%27%20OR%20%271%27=%271",
        "1;DROP%20TABLE%20posts",
        "%25",
        "~",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    out.push("1".repeat(10_000));
    out.push("x".repeat(10_000));
    out
}

/// Values for a query parameter with `schema` that it must refuse or ignore.
fn bad_query_values(doc: &Value, schema: &Value) -> Vec<String> {
    let schema = resolve(doc, schema);
    let mut out: Vec<String> = [
        "",
        "%FF%FE",
        "%00",
        "%",
        "%ZZ",
        "a%26b%3Dc",
        "%3Cscript%3E",
        "1%27%20OR%20%271%27=%271",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    match schema_type(schema) {
        Some("integer" | "number") => out.extend(
            [
                "abc",
                "-1",
                "0",
                "1.5",
                "1e3",
                "0x10",
                "+5",
                "%201",
                "4294967296",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999999999999",
                "%EF%BC%91",
                "NaN",
                "Infinity",
            ]
            .map(str::to_owned),
        ),
        Some("boolean") => out.extend(["maybe", "2", "TRUE%00"].map(str::to_owned)),
        _ => {
            out.extend(["bogus", "published%20", "PUBLISHED"].map(str::to_owned));
            out.push("q".repeat(5000));
        }
    }
    out
}

fn schema_type(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => Some(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// Follows a local `$ref` (`#/components/...`).
fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(
            doc,
            doc.pointer(r.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("the document defines {r}")),
        ),
        None => v,
    }
}

/// Every case for every operation of `doc`. `ids` answers a real id for a
/// path's first segment (`/posts/{id}`), so the good values name something.
fn cases(doc: &Value, token: &str, ids: &dyn Fn(&str) -> String) -> Vec<Case> {
    let auth = format!("Bearer {token}");
    let api = |path: &str| format!("/api/v1{path}");
    let json_ct = ("Content-Type", "application/json".to_owned());
    let mut out = Vec::new();
    let paths = doc["paths"].as_object().expect("the document has paths");
    for (template, item) in paths {
        let item = resolve(doc, item);
        let path_level: Vec<Value> = item
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut methods = Vec::new();
        for (method, op) in item.as_object().unwrap() {
            if !["get", "put", "post", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            methods.push(method.to_uppercase());
            let method = method.to_uppercase();
            let params: Vec<Value> = path_level
                .iter()
                .chain(
                    op.get("parameters")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten(),
                )
                .map(|p| resolve(doc, p).clone())
                .collect();
            let first_segment = template.split('/').nth(1).unwrap_or("");
            let good_path = {
                let mut p = template.clone();
                for param in params.iter().filter(|p| p["in"] == "path") {
                    let name = param["name"].as_str().unwrap();
                    p = p.replace(&format!("{{{name}}}"), &ids(first_segment));
                }
                p
            };
            let body_schema = op
                .pointer("/requestBody/content/application~1json/schema")
                .map(|s| resolve(doc, s).clone());
            // A body the operation takes, so only the part under test is wrong.
            let good_body = body_schema.as_ref().map(|schema| {
                let mut body = serde_json::Map::new();
                for name in schema
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    body.insert(
                        name.to_owned(),
                        good_value(doc, &schema["properties"][name]),
                    );
                }
                Value::Object(body)
            });
            let with_good_body = |case: Case| match &good_body {
                Some(body) => case
                    .header(json_ct.0, &json_ct.1)
                    .body(body.to_string().into_bytes()),
                None => case,
            };

            // Path parameters: wrong-typed, huge, hostile.
            for param in params.iter().filter(|p| p["in"] == "path") {
                let name = param["name"].as_str().unwrap();
                for value in bad_path_values() {
                    let path = template.replace(&format!("{{{name}}}"), &value);
                    let path = params
                        .iter()
                        .filter(|p| p["in"] == "path" && p["name"] != name)
                        .fold(path, |p, other| {
                            p.replace(
                                &format!("{{{}}}", other["name"].as_str().unwrap()),
                                &ids(first_segment),
                            )
                        });
                    out.push(with_good_body(
                        Case::new(&method, api(&path), format!("path {{{name}}}={value:.40}"))
                            .header("Authorization", &auth),
                    ));
                }
            }

            // Query parameters of the wrong type, twice over, and 100 KB of them.
            for param in params.iter().filter(|p| p["in"] == "query") {
                let name = param["name"].as_str().unwrap();
                let schema = param.get("schema").cloned().unwrap_or(json!({}));
                let mut values = bad_query_values(doc, &schema);
                values.push(format!("1&{name}=2"));
                values.push(format!("x&{name}%5B%5D=1"));
                for value in values {
                    out.push(with_good_body(
                        Case::new(
                            &method,
                            api(&format!("{good_path}?{name}={value}")),
                            format!("query {name}={value:.40}"),
                        )
                        .header("Authorization", &auth),
                    ));
                }
                // Long, but within what HTTP carries to the application.
                out.push(with_good_body(
                    Case::new(
                        &method,
                        api(&format!("{good_path}?{name}={}", "9".repeat(60 * 1024))),
                        format!("query {name}= 60 KB"),
                    )
                    .header("Authorization", &auth),
                ));
            }
            let name = params
                .iter()
                .find(|p| p["in"] == "query")
                .and_then(|p| p["name"].as_str())
                .unwrap_or("x");
            out.push(
                with_good_body(
                    Case::new(
                        &method,
                        api(&format!("{good_path}?{name}={}", "9".repeat(100 * 1024))),
                        "a 100 KB query string".into(),
                    )
                    .header("Authorization", &auth),
                )
                .transport(),
            );

            // Callers without a valid token.
            for value in [
                None,
                Some("Bearer".to_owned()),
                Some("Bearer ".to_owned()),
                Some("bearer x".to_owned()),
                Some("Bearer not-a-token".to_owned()),
                Some(format!("Bearer {}", "t".repeat(10_000))),
                Some("Bearer \u{ff}\u{fe}".to_owned()),
                Some(format!("Bearer {token} {token}")),
                Some("Basic dXNlcjpwYXNz".to_owned()),
            ] {
                let mut case = Case::new(
                    &method,
                    api(&good_path),
                    format!(
                        "Authorization {:?}",
                        value.as_deref().map(|v| &v[..v.len().min(20)])
                    ),
                );
                if let Some(v) = &value {
                    case = case.header("Authorization", v);
                }
                out.push(with_good_body(case));
            }

            let Some(schema) = body_schema else { continue };
            let good_body = good_body.unwrap();
            let sent = |bytes: Vec<u8>, why: String| {
                Case::new(&method, api(&good_path), why)
                    .header("Authorization", &auth)
                    .header(json_ct.0, &json_ct.1)
                    .body(bytes)
            };
            // Malformed JSON and the wrong type at the top.
            let malformed: Vec<Vec<u8>> = vec![
                b"".to_vec(),
                b"{".to_vec(),
                b"}".to_vec(),
                b"{\"title\": }".to_vec(),
                b"{\"title\": \"x\",}".to_vec(),
                b"{'title': 'single quotes'}".to_vec(),
                b"{\"title\": \"x\"} trailing".to_vec(),
                b"{\"title\": \"x\", \"title\": \"twice\"}".to_vec(),
                b"{\"title\": \"\\ud800\"}".to_vec(),
                b"{\"title\": \"\\u00\"}".to_vec(),
                b"\xef\xbb\xbf{}".to_vec(),
                b"\xff\xfe{\x00}\x00".to_vec(),
                b"{\"title\": \"\xc0\xaf\"}".to_vec(),
                b"null".to_vec(),
                b"[]".to_vec(),
                b"\"a string\"".to_vec(),
                b"42".to_vec(),
                b"true".to_vec(),
                b"1e999999".to_vec(),
                "[".repeat(100_000).into_bytes(),
                format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)).into_bytes(),
            ];
            for bytes in malformed {
                let why = format!("body {:.40}", String::from_utf8_lossy(&bytes));
                out.push(sent(bytes, why));
            }
            // Each property of the wrong type, beside a body otherwise good.
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, property) in properties.into_iter().flatten() {
                for wrong in wrong_values(doc, property) {
                    let mut body = good_body.clone();
                    body[name] = wrong.clone();
                    let why = format!("{name}: {:.40}", wrong.to_string());
                    out.push(sent(body.to_string().into_bytes(), why));
                }
            }
            let mut unknown = good_body.clone();
            unknown["no_such_field"] = json!(1);
            out.push(sent(
                unknown.to_string().into_bytes(),
                "an unknown field".into(),
            ));
            // 10 MB: a valid document with one huge string, and garbage.
            let mut huge = good_body.clone();
            let field = properties
                .and_then(|p| p.keys().find(|k| schema_type(&p[*k]) == Some("string")))
                .cloned()
                .unwrap_or_else(|| "padding".into());
            huge[&field] = json!("x".repeat(10 * 1024 * 1024));
            out.push(sent(
                huge.to_string().into_bytes(),
                "a 10 MB document".into(),
            ));
            out.push(sent(vec![b'{'; 10 * 1024 * 1024], "10 MB of {".into()));
            // The wrong content type, or none.
            for ct in [
                None,
                Some("text/plain"),
                Some("application/x-www-form-urlencoded"),
                Some("multipart/form-data; boundary=x"),
                Some("application/json; charset=utf-16"),
                Some("application/jsonx"),
                Some("}{"),
            ] {
                let mut case = Case::new(&method, api(&good_path), format!("Content-Type {ct:?}"))
                    .header("Authorization", &auth)
                    .body(good_body.to_string().into_bytes());
                if let Some(ct) = ct {
                    case = case.header("Content-Type", ct);
                }
                out.push(case);
            }
        }
        // Methods the path does not take, and ones nobody takes.
        let good_path = template
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    ids(template.split('/').nth(1).unwrap_or(""))
                } else {
                    seg.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in [
            "GET", "PUT", "POST", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO",
        ] {
            if methods.iter().any(|m| m == method) {
                continue;
            }
            out.push(
                Case::new(method, api(&good_path), "a method it does not take".into())
                    .header("Authorization", &auth)
                    .header(json_ct.0, &json_ct.1)
                    .body(b"{}".to_vec()),
            );
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_in_the_openapi_document_refuses_bad_input() {
    // The sweep sends thousands of requests with one token: a deliberate,
    // documented setting lifts the per-token limit for this server only.
    let mut app = TestApp::start_with(&[
        "--api-requests-per-minute",
        "1000000",
        // Renders for every case in flight: refusals under load are not
        // what this sweep is about (`flood.rs` is).
        "--max-renders",
        "16",
    ])
    .await;
    app.settings(json!({"comment_min_seconds": 0})).await;
    let post = app
        .post(json!({"title": "Swept", "body": "x", "status": "published", "published_at": "2020-01-01T00:00:00Z"}))
        .await;
    app.comment(
        post["url"].as_str().unwrap(),
        &[("name", "Ann"), ("body", "A comment")],
    )
    .await
    .expect("the comment is taken");
    let (_, comments) = app.api(reqwest::Method::GET, "/comments", None).await;
    let post_id = post["id"].to_string();
    let comment_id = comments["items"][0]["id"].to_string();
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let token = app.token();
    let ids = |segment: &str| match segment {
        "comments" => comment_id.clone(),
        _ => post_id.clone(),
    };
    let cases = cases(&doc, &token, &ids);
    let operations: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|i| {
            i.as_object()
                .unwrap()
                .keys()
                .filter(|k| *k != "parameters")
                .count()
        })
        .sum();
    assert!(operations >= 10, "the document lists the API: {operations}");
    let results = run(&app, cases).await;
    assert_swept(&results);
    super::still_healthy(&app).await;
    super::no_panics(&app);
}
