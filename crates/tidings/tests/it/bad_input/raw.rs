//! A bare HTTP/1.1 client over TCP, for what no polite client sends: 100 KB
//! request targets (past what an HTTP library will build), bodies the server
//! refuses halfway through, and connections reused after such a refusal.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A safety net against a hung server, not a measurement: a test that
/// reaches it fails, naming the request.
const PATIENCE: Duration = Duration::from_secs(60);

/// One response as it came over the wire.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// The status line and headers, as sent.
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    /// The value of the first header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request with `Connection: close` on a connection of its own;
/// the body is written while the response is read, so a server that answers
/// before reading it all is heard. Answers the response, or what went wrong
/// when there was none.
pub async fn send(
    base: &str,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: Arc<Vec<u8>>,
) -> Result<Answer, String> {
    let authority = base.trim_start_matches("http://");
    let stream = TcpStream::connect(authority)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let (mut reader, mut writer) = stream.into_split();
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {authority}\r\n"));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty()
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let writing = tokio::spawn(async move {
        // The server may refuse and close before reading it all.
        if writer.write_all(head.as_bytes()).await.is_ok() {
            let _ = writer.write_all(&body).await;
        }
        let _ = writer.flush().await;
        writer
    });
    let mut response = Vec::new();
    let read = tokio::time::timeout(PATIENCE, reader.read_to_end(&mut response)).await;
    writing.abort();
    let error = match read {
        Err(_) => return Err(format!("no end of response after {PATIENCE:?}")),
        Ok(Err(e)) => Some(e),
        Ok(Ok(_)) => None,
    };
    match parse(&response, method == "HEAD") {
        Some((answer, _)) => Ok(answer),
        None => Err(format!(
            "no HTTP response ({} bytes read{})",
            response.len(),
            error.map(|e| format!(", then {e}")).unwrap_or_default()
        )),
    }
}

/// Parses one response at the start of `bytes`: its body runs for its
/// `Content-Length` (none for a HEAD request), or to the end when it has
/// none. Answers it and the number of bytes it took, or `None` while it is
/// incomplete.
pub fn parse(bytes: &[u8], head_request: bool) -> Option<(Answer, usize)> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&bytes[..end - 4]).into_owned();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let mut answer = Answer {
        status,
        head,
        body: Vec::new(),
    };
    let length = match answer.header("content-length") {
        _ if head_request => 0,
        Some(n) => n.parse::<usize>().ok()?,
        None => bytes.len() - end,
    };
    let body = bytes.get(end..end + length)?;
    answer.body = body.to_vec();
    Some((answer, end + length))
}
