//! The JSON API of SPEC section 7: tokens, errors, blog settings, posts,
//! roles, comment moderation and the OpenAPI description.

use reqwest::StatusCode;
use serde_json::Value;

mod blog;
mod comments;
mod errors;
mod openapi;
mod posts;
mod roles;

/// Asserts `body` is the API's error document with a code and a message a
/// person can read, and answers the message.
fn error_message(status: StatusCode, body: &Value, context: &str) -> String {
    assert!(
        status.is_client_error(),
        "{context}: want a 4xx, got {status}: {body}"
    );
    let code = body["error"]["code"].as_str();
    let message = body["error"]["message"].as_str();
    assert!(
        code.is_some_and(|c| !c.is_empty()),
        "{context}: error.code missing in {body}"
    );
    let message = message.unwrap_or_else(|| panic!("{context}: error.message missing in {body}"));
    assert!(
        message.trim().len() > 5,
        "{context}: the message says nothing: {body}"
    );
    message.to_owned()
}
