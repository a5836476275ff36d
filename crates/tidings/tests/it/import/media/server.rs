//! A tiny HTTP server on 127.0.0.1 that plays the old blog's uploads.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// One answer of the test server.
#[derive(Clone)]
pub(super) struct Reply {
    pub(super) status: &'static str,
    pub(super) content_type: &'static str,
    pub(super) body: Vec<u8>,
    /// Whether `Content-Length` is sent (else the body ends when the
    /// connection closes).
    pub(super) length: bool,
    /// A pause after the first 16 bytes of the body.
    pub(super) stall: Option<Duration>,
    pub(super) location: Option<String>,
}

impl Reply {
    pub(super) fn ok(content_type: &'static str, body: &[u8]) -> Self {
        Self {
            status: "200 OK",
            content_type,
            body: body.to_vec(),
            length: true,
            stall: None,
            location: None,
        }
    }

    pub(super) fn redirect(to: String) -> Self {
        Self {
            status: "302 Found",
            location: Some(to),
            ..Self::ok("text/plain", b"")
        }
    }
}

/// A tiny HTTP server on 127.0.0.1 for `--fetch-media`: it answers each
/// path as `route` says (404 when it says nothing), each connection on a
/// thread of its own, and counts requests.
pub(super) struct Server {
    pub(super) origin: String,
    requests: Arc<AtomicUsize>,
}

impl Server {
    pub(super) fn start(
        route: impl Fn(&str, &str) -> Option<Reply> + Send + Sync + 'static,
    ) -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let (count, route, at) = (requests.clone(), Arc::new(route), origin.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (count, route, at) = (count.clone(), route.clone(), at.clone());
                std::thread::spawn(move || answer(stream, &count, &at, &*route));
            }
        });
        Self { origin, requests }
    }

    pub(super) fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn answer(
    mut stream: std::net::TcpStream,
    count: &AtomicUsize,
    origin: &str,
    route: &dyn Fn(&str, &str) -> Option<Reply>,
) {
    use std::io::{BufRead, BufReader, Write};
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    let _ = reader.read_line(&mut line);
    // The rest of the request head.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    count.fetch_add(1, Ordering::SeqCst);
    let path = line.split(' ').nth(1).unwrap_or_default();
    let reply = route(origin, path).unwrap_or_else(|| Reply {
        status: "404 Not Found",
        ..Reply::ok("text/plain", b"gone")
    });
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nConnection: close\r\n",
        reply.status, reply.content_type
    );
    if reply.length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    if let Some(to) = &reply.location {
        head.push_str(&format!("Location: {to}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let (first, rest) = reply.body.split_at(reply.body.len().min(16));
    let _ = stream.write_all(first);
    if let Some(stall) = reply.stall {
        let _ = stream.flush();
        std::thread::sleep(stall);
    }
    let _ = stream.write_all(rest);
}
