//! Request bodies a handler refused before reading them to the end (too
//! large, the wrong type, no token, a page that takes no POST).
//!
//! Left alone, hyper stops reading such a body and closes the connection
//! after the answer without saying so: a client still sending gets a reset
//! instead of the 413, and a kept-alive connection dies under the next
//! request. So the rest is read and thrown away before the answer goes out,
//! up to [`DRAIN_LIMIT`] bytes within [`DRAIN_TIME`] (what nginx calls a
//! lingering close); the connection then carries on. Past those bounds, or
//! when the client waits for `100 Continue` and was never told to go on (so
//! has sent nothing), the answer says `Connection: close` and the connection
//! ends after it.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use hyper::body::{Body as HttpBody, Bytes, Frame, SizeHint};

/// The most of a refused body read to keep its connection: more than any
/// body a route takes (2 MB), so an honest client is always answered.
pub const DRAIN_LIMIT: u64 = 32 * 1024 * 1024;
/// How long a refused body may take to arrive before its connection closes.
pub const DRAIN_TIME: Duration = Duration::from_secs(5);

/// Middleware: answers as the router does, then deals with what is left of
/// the request body.
pub async fn drain(req: Request, next: Next) -> Response {
    let waits_for_continue = req
        .headers()
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let left = Arc::new(Mutex::new(None));
    let req = req.map(|inner| {
        Body::new(Watched {
            inner: Some(inner),
            polled: false,
            left: Arc::clone(&left),
        })
    });
    let mut response = next.run(req).await;
    let unread = left.lock().map(|mut l| l.take()).unwrap_or(None);
    if let Some((body, polled)) = unread {
        // hyper sends `100 Continue` when a body is first read, not before.
        let nothing_sent = waits_for_continue && !polled;
        if nothing_sent || !read_to_end(body).await {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
    }
    response
}

/// Reads and drops the rest of `body`; answers whether it ended in bounds.
async fn read_to_end(mut body: Body) -> bool {
    let reading = async {
        let mut read = 0u64;
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            let Ok(frame) = frame else { return false };
            if let Some(data) = frame.data_ref() {
                read += data.len() as u64;
                if read > DRAIN_LIMIT {
                    return false;
                }
            }
        }
        true
    };
    tokio::time::timeout(DRAIN_TIME, reading)
        .await
        .unwrap_or(false)
}

/// The request body as handlers see it; dropped before its end, it hands
/// the rest back through `left`, with whether it was read at all.
struct Watched {
    inner: Option<Body>,
    polled: bool,
    left: Arc<Mutex<Option<(Body, bool)>>>,
}

impl HttpBody for Watched {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        self.polled = true;
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(None);
        };
        let polled = Pin::new(inner).poll_frame(cx);
        if let Poll::Ready(None) = polled {
            // Read to its end: nothing is left.
            self.inner = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.as_ref().is_none_or(HttpBody::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.inner
            .as_ref()
            .map_or_else(|| SizeHint::with_exact(0), HttpBody::size_hint)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take().filter(|b| !b.is_end_stream())
            && let Ok(mut left) = self.left.lock()
        {
            *left = Some((inner, self.polled));
        }
    }
}
