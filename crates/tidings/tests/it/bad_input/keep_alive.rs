//! A body the server refuses before reading it all, on a kept-alive
//! connection: the client, still sending, must hear the refusal; then the
//! connection either carries the next request or was closed saying so
//! (`Connection: close`), never left to fail the next request silently.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

use super::raw::{Answer, parse};
use crate::support::TestApp;

/// A safety net against a hung server, not a measurement.
const PATIENCE: Duration = Duration::from_secs(60);

/// Reads one response from `reader` (a `100 Continue` counts as one),
/// keeping what comes after it in `buf`.
async fn read_answer(reader: &mut OwnedReadHalf, buf: &mut Vec<u8>) -> Result<Answer, String> {
    loop {
        if let Some((answer, used)) = parse(buf, false) {
            if answer.status == 100 {
                let head = answer.head.len() + 4;
                buf.drain(..head);
                return Ok(Answer {
                    body: Vec::new(),
                    ..answer
                });
            }
            if answer.header("content-length").is_some() {
                buf.drain(..used);
                return Ok(answer);
            }
        }
        let mut chunk = vec![0; 64 * 1024];
        let n = tokio::time::timeout(PATIENCE, reader.read(&mut chunk))
            .await
            .map_err(|_| "no answer in time".to_owned())?
            .map_err(|e| format!("{e} after {} bytes", buf.len()))?;
        if n == 0 {
            return Err(format!("closed after {} bytes", buf.len()));
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Writes a request with a body of `size` spaces (valid JSON padding, and a
/// valid form value), while the caller reads; answers the writer when done
/// (or refused) and how far it got.
fn send_big(
    mut writer: OwnedWriteHalf,
    head: String,
    size: usize,
) -> tokio::task::JoinHandle<(OwnedWriteHalf, usize)> {
    tokio::spawn(async move {
        let chunk = vec![b' '; 64 * 1024];
        let mut sent = 0;
        if writer.write_all(head.as_bytes()).await.is_err() {
            return (writer, 0);
        }
        while sent < size {
            let n = chunk.len().min(size - sent);
            if writer.write_all(&chunk[..n]).await.is_err() {
                break;
            }
            sent += n;
        }
        (writer, sent)
    })
}

/// One kept-alive connection: a good request, the big refused one, then
/// another good request if the server kept the connection open. Answers the
/// refusal and whether the connection was closed (with `Connection: close`).
/// With `ask_first`, the client sends `Expect: 100-continue` and the body
/// only when told to go on, as curl does with large bodies.
async fn refused_then_reused(
    app: &TestApp,
    method_target: &str,
    headers: &str,
    size: usize,
    ask_first: bool,
) -> (Answer, bool) {
    let authority = app.base.trim_start_matches("http://").to_owned();
    let stream = TcpStream::connect(&authority).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let mut buf = Vec::new();
    let healthz = format!("GET /healthz HTTP/1.1\r\nHost: {authority}\r\n\r\n");
    writer.write_all(healthz.as_bytes()).await.unwrap();
    let first = read_answer(&mut reader, &mut buf).await.unwrap();
    assert_eq!(first.status, 200, "the connection works before");
    assert!(
        first
            .header("connection")
            .is_none_or(|c| !c.eq_ignore_ascii_case("close"))
    );

    let expect = if ask_first {
        "Expect: 100-continue\r\n"
    } else {
        ""
    };
    let head = format!(
        "{method_target} HTTP/1.1\r\nHost: {authority}\r\n{headers}{expect}Content-Length: {size}\r\n\r\n"
    );
    let (sending, mut answer) = if ask_first {
        writer.write_all(head.as_bytes()).await.unwrap();
        let first = read_answer(&mut reader, &mut buf).await.unwrap();
        if first.status == 100 {
            (send_big(writer, String::new(), size), None)
        } else {
            // Refused before the body: the client sends none of it.
            (tokio::spawn(async move { (writer, size) }), Some(first))
        }
    } else {
        (send_big(writer, head, size), None)
    };
    if answer.is_none() {
        answer = Some(
            read_answer(&mut reader, &mut buf)
                .await
                .unwrap_or_else(|e| panic!("{method_target} with {size} bytes: no answer: {e}")),
        );
    }
    let answer = answer.unwrap();
    let closes = answer
        .header("connection")
        .is_some_and(|c| c.eq_ignore_ascii_case("close"));
    let (mut writer, sent) = sending.await.unwrap();
    if closes {
        // Said so: the server ends the connection after its answer.
        let mut rest = Vec::new();
        let end = tokio::time::timeout(PATIENCE, reader.read_to_end(&mut rest)).await;
        assert!(end.is_ok(), "{method_target}: closed as announced");
        return (answer, true);
    }
    // Not said: the whole body was read, and the connection goes on.
    assert_eq!(sent, size, "{method_target}: the server read all the body");
    writer.write_all(healthz.as_bytes()).await.unwrap();
    let next = read_answer(&mut reader, &mut buf)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{method_target} with {size} bytes answered {} without Connection: close, \
             but the next request on the connection failed: {e}",
                answer.status
            )
        });
    assert_eq!(next.status, 200);
    assert_eq!(next.text(), "ok");
    (answer, false)
}

#[tokio::test]
async fn a_refused_10_mb_body_leaves_the_connection_usable_or_closed_saying_so() {
    let mut app = TestApp::start().await;
    let token = app.token();
    let post = app
        .post(serde_json::json!({"title": "Target", "body": "x", "status": "published"}))
        .await;
    let post_path = post["url"].as_str().unwrap().to_owned();
    let ten_mb = 10 * 1024 * 1024;
    let json = "Content-Type: application/json\r\n";
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";
    let auth = format!("Authorization: Bearer {token}\r\n{json}");

    // Too large for the API: 413 with the API's error.
    let (answer, _) = refused_then_reused(&app, "POST /api/v1/posts", &auth, ten_mb, false).await;
    assert_eq!(answer.status, 413, "{}", answer.text());
    let error: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    assert!(error["error"]["message"].as_str().unwrap().len() > 5);
    // Refused before the body is read at all: no token, the wrong type,
    // a page that takes no POST.
    let (answer, _) = refused_then_reused(&app, "POST /api/v1/posts", json, ten_mb, false).await;
    assert_eq!(answer.status, 401);
    let text_plain = format!("Authorization: Bearer {token}\r\nContent-Type: text/plain\r\n");
    let (answer, _) =
        refused_then_reused(&app, "PATCH /api/v1/blog", &text_plain, ten_mb, false).await;
    assert_eq!(answer.status, 415);
    let (answer, _) = refused_then_reused(&app, "POST /", form, ten_mb, false).await;
    assert_eq!(answer.status, 405);
    // A comment of 10 MB.
    let (answer, _) =
        refused_then_reused(&app, &format!("POST {post_path}"), form, ten_mb, false).await;
    assert_eq!(answer.status, 413);

    // Far more than any form or document: refused and closed, saying so.
    let (answer, closed) =
        refused_then_reused(&app, "POST /api/v1/posts", &auth, 64 * 1024 * 1024, false).await;
    assert_eq!(answer.status, 413);
    assert!(closed, "a 64 MB body is not read to its end");

    // A client that asks before sending (as curl does past 1 MB): told no
    // at once without a token, so it sends nothing and the connection
    // closes; told to go on with one, then refused as above.
    let (answer, closed) =
        refused_then_reused(&app, "POST /api/v1/posts", json, ten_mb, true).await;
    assert_eq!(answer.status, 401);
    assert!(closed, "a refusal before the body ends the connection");
    let (answer, _) = refused_then_reused(&app, "POST /api/v1/posts", &auth, ten_mb, true).await;
    assert_eq!(answer.status, 413, "{}", answer.text());
    super::still_healthy(&app).await;
}
