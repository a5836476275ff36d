//! The accept loop: HTTP/1.1 connections (what reverse proxies speak to us),
//! in plain text or over TLS (`--listen-https`), with the limits
//! `axum::serve` does not set, so slow or abusive clients cost little.
//!
//! - A client gets [`HEADER_TIMEOUT`] to send its request headers; one that
//!   dribbles them a byte at a time is cut off (slowloris). Over TLS, the
//!   handshake gets the same time, and counts against the caps below as
//!   a connection waiting for its request.
//! - Bodies are bounded in time by the router's request timeout and in size
//!   by the extractors' limits. What a handler refused to read is read and
//!   dropped, within bounds, or the answer says `Connection: close`
//!   ([`crate::unread_body`]), so the client hears the refusal.
//! - One address (an IPv6 /64 counts as one) holds at most
//!   [`Limits::per_address`] connections; more are closed at once. Trusted
//!   proxies are exempt: each carries many clients.
//! - At most [`Limits::max_connections`] are open at once. Past that, the
//!   connection that has waited longest for a request (its first, or the next
//!   on a kept-alive connection) is closed to make room; when every connection
//!   is busy with a request, the new one is closed instead. So one client
//!   holding many idle connections cannot keep another out.
//! - On shutdown, no new connections are taken and the ones open finish what
//!   they are doing, for at most [`Limits::drain`]; then the server stops
//!   whatever is still open.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio_rustls::TlsAcceptor;
use tower::ServiceExt;

use crate::TrustedProxies;

pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
pub const MAX_CONNECTIONS: usize = 4096;
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);
pub const PER_ADDRESS: usize = 256;

/// How many connections the server holds, and how long it drains.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once (default [`MAX_CONNECTIONS`]; the binary
    /// lowers it when the process may not open that many files).
    pub max_connections: usize,
    /// Connections from one address, or one IPv6 /64 (default [`PER_ADDRESS`]).
    pub per_address: usize,
    /// How long requests in flight may finish after a shutdown signal
    /// (default [`DRAIN_TIMEOUT`]).
    pub drain: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: MAX_CONNECTIONS,
            per_address: PER_ADDRESS,
            drain: DRAIN_TIMEOUT,
        }
    }
}

/// Marks a request that came over our own TLS listener: its scheme is
/// `https` (`host::scheme`).
#[derive(Debug, Clone, Copy)]
pub struct OverTls;

/// A socket to accept on, the application it serves and, for HTTPS, the
/// TLS its connections speak.
pub struct Listener {
    pub socket: TcpListener,
    pub app: Router,
    pub tls: Option<TlsAcceptor>,
}

/// Serves each listener's app until `shutdown` completes, then drains. The
/// caps count the connections of every listener together: plain HTTP and
/// HTTPS share one budget of files and one per address.
pub async fn run(
    listeners: Vec<Listener>,
    limits: Limits,
    trusted: TrustedProxies,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let drain = limits.drain;
    let conns = Arc::new(Connections {
        limits,
        trusted,
        state: Mutex::default(),
    });
    let listeners: Vec<Listener> = listeners
        .into_iter()
        .map(|l| Listener {
            app: l
                .app
                .layer(axum::middleware::from_fn(crate::unread_body::drain)),
            ..l
        })
        .collect();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (which, stream, peer) = tokio::select! {
            (which, accepted) = accept_any(&listeners) => match accepted {
                Ok((stream, peer)) => (which, stream, peer),
                Err(e) => {
                    // Out of file descriptors and the like: wait, don't spin.
                    tracing::warn!("accept: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(conn) = conns.admit(peer.ip()) else {
            drop(stream);
            continue;
        };
        spawn_connection(&listeners[which], conn, stream, peer, graceful.watcher());
    }
    drop(listeners);
    if tokio::time::timeout(drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("some connections were still open after {drain:?}; stopping anyway");
    }
    Ok(())
}

/// Serves one admitted connection on a task of its own: the TLS handshake
/// first when its listener speaks TLS (bounded like the headers that
/// follow), then HTTP until the connection ends or is closed to make room.
fn spawn_connection(
    listener: &Listener,
    conn: Connection,
    stream: tokio::net::TcpStream,
    peer: std::net::SocketAddr,
    watcher: hyper_util::server::graceful::Watcher,
) {
    let conn = Arc::new(conn);
    let on_request = conn.clone();
    let Listener { app, tls, .. } = listener;
    let over_tls = tls.is_some();
    let service = app
        .clone()
        .map_request(move |mut req: hyper::Request<Incoming>| {
            on_request.busy();
            req.extensions_mut().insert(ConnectInfo(peer));
            if over_tls {
                req.extensions_mut().insert(OverTls);
            }
            req.map(Body::new)
        })
        .map_response({
            let conn = conn.clone();
            move |response| {
                conn.idle();
                response
            }
        });
    let tls = tls.clone();
    tokio::spawn(async move {
        let served = async {
            match tls {
                None => serve_connection(stream, service, watcher).await,
                Some(acceptor) => {
                    // The handshake is bounded like the headers that follow it.
                    match tokio::time::timeout(HEADER_TIMEOUT, acceptor.accept(stream)).await {
                        // A CA checking TLS-ALPN-01 wants the handshake alone.
                        Ok(Ok(stream)) if crate::tls::was_challenge(stream.get_ref().1) => {
                            tracing::info!("{peer}: answered a TLS-ALPN-01 challenge");
                        }
                        Ok(Ok(stream)) => serve_connection(stream, service, watcher).await,
                        Ok(Err(e)) => tracing::debug!("{peer}: TLS handshake: {e}"),
                        Err(_) => tracing::debug!("{peer}: TLS handshake timed out"),
                    }
                }
            }
        };
        tokio::select! {
            () = served => {}
            // Closed to make room: dropping the connection closes it.
            () = conn.close.notified() => {}
        }
    });
}

/// The next connection on any of `listeners`, with which one took it.
async fn accept_any(
    listeners: &[Listener],
) -> (
    usize,
    std::io::Result<(tokio::net::TcpStream, std::net::SocketAddr)>,
) {
    std::future::poll_fn(|cx| {
        for (i, l) in listeners.iter().enumerate() {
            if let std::task::Poll::Ready(accepted) = l.socket.poll_accept(cx) {
                return std::task::Poll::Ready((i, accepted));
            }
        }
        std::task::Poll::Pending
    })
    .await
}

/// Serves one connection's requests with the header timeout, watched by
/// the graceful shutdown.
async fn serve_connection<IO, S>(io: IO, service: S, watcher: hyper_util::server::graceful::Watcher)
where
    IO: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    S: tower::Service<
            hyper::Request<Incoming>,
            Response = axum::response::Response,
            Error = std::convert::Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(io), TowerToHyperService::new(service));
    let _ = watcher.watch(connection).await;
}

/// Who holds the open connections.
struct Connections {
    limits: Limits,
    trusted: TrustedProxies,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    open: usize,
    /// Open connections by address (IPv6 by /64), trusted proxies left out.
    by_address: HashMap<IpAddr, usize>,
    /// Connections waiting for a request, by when they began to wait.
    waiting: BTreeMap<u64, Arc<Notify>>,
    next: u64,
}

impl Connections {
    fn state(&self) -> MutexGuard<'_, State> {
        // The state stays consistent whatever panicked while holding it:
        // every change is a single step.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new connection from `ip`, or `None` when it must be closed.
    fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<Connection> {
        let ip = ip.to_canonical();
        let address = (!self.trusted.contains(ip)).then(|| address_key(ip));
        let mut state = self.state();
        if let Some(a) = address
            && state.by_address.get(&a).copied().unwrap_or(0) >= self.limits.per_address
        {
            tracing::debug!("{a}: already {} connections", self.limits.per_address);
            return None;
        }
        if state.open >= self.limits.max_connections {
            // The connection that has waited longest for a request makes room.
            let (_, oldest) = state.waiting.pop_first()?;
            oldest.notify_one();
        }
        state.open += 1;
        if let Some(a) = address {
            *state.by_address.entry(a).or_default() += 1;
        }
        let close = Arc::new(Notify::new());
        let waiting = state.next;
        state.next += 1;
        state.waiting.insert(waiting, close.clone());
        Some(Connection {
            connections: self.clone(),
            address,
            close,
            waiting: AtomicU64::new(waiting),
        })
    }
}

/// One open connection's place in [`Connections`], given back on drop.
struct Connection {
    connections: Arc<Connections>,
    address: Option<IpAddr>,
    /// Notified when the connection is closed to make room.
    close: Arc<Notify>,
    /// Its key in `waiting` while it waits for a request, else [`BUSY`].
    waiting: AtomicU64,
}

const BUSY: u64 = u64::MAX;

impl Connection {
    /// A request has arrived: the connection is no longer closed for room.
    fn busy(&self) {
        let key = self.waiting.swap(BUSY, Ordering::Relaxed);
        if key != BUSY {
            self.connections.state().waiting.remove(&key);
        }
    }

    /// The answer is on its way: the connection waits for the next request.
    fn idle(&self) {
        let mut state = self.connections.state();
        let key = state.next;
        state.next += 1;
        state.waiting.insert(key, self.close.clone());
        self.waiting.store(key, Ordering::Relaxed);
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        let mut state = self.connections.state();
        state.open -= 1;
        let key = *self.waiting.get_mut();
        if key != BUSY {
            state.waiting.remove(&key);
        }
        if let Some(a) = self.address
            && let Some(n) = state.by_address.get_mut(&a)
        {
            *n -= 1;
            if *n == 0 {
                state.by_address.remove(&a);
            }
        }
    }
}

/// The address a connection counts against: IPv4 as it is, IPv6 by its /64
/// (what one customer of a provider is usually given).
fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connections(max: usize, per_address: usize, trusted: &str) -> Arc<Connections> {
        Arc::new(Connections {
            limits: Limits {
                max_connections: max,
                per_address,
                drain: DRAIN_TIMEOUT,
            },
            trusted: TrustedProxies::parse(trusted).unwrap(),
            state: Mutex::default(),
        })
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn one_address_gets_its_share_and_no_more() {
        let c = connections(100, 2, "");
        let a = c.admit(ip("192.0.2.1")).unwrap();
        let _b = c.admit(ip("::ffff:192.0.2.1")).unwrap();
        assert!(c.admit(ip("192.0.2.1")).is_none());
        assert!(c.admit(ip("192.0.2.2")).is_some());
        drop(a);
        assert!(c.admit(ip("192.0.2.1")).is_some());
    }

    #[test]
    fn an_ipv6_slash_64_counts_as_one_address() {
        let c = connections(100, 2, "");
        let _a = c.admit(ip("2001:db8::1")).unwrap();
        let _b = c.admit(ip("2001:db8::ffff:2")).unwrap();
        assert!(c.admit(ip("2001:db8::3")).is_none());
        assert!(c.admit(ip("2001:db8:0:1::1")).is_some());
    }

    #[test]
    fn trusted_proxies_are_not_capped() {
        let c = connections(100, 1, "10.0.0.0/8");
        let held: Vec<_> = (0..10).map(|_| c.admit(ip("10.1.2.3")).unwrap()).collect();
        assert_eq!(held.len(), 10);
    }

    #[test]
    fn when_full_the_longest_waiting_makes_room_and_busy_ones_stay() {
        let c = connections(2, 10, "");
        let first = c.admit(ip("192.0.2.1")).unwrap();
        let second = c.admit(ip("192.0.2.1")).unwrap();
        second.busy();
        let third = c.admit(ip("192.0.2.2")).unwrap();
        // `first` was told to close; `second` is serving a request.
        let waiting = |conn: &Connection| {
            c.state()
                .waiting
                .values()
                .any(|n| Arc::ptr_eq(n, &conn.close))
        };
        assert!(!waiting(&first));
        assert!(waiting(&third));
        drop(first);
        third.busy();
        assert!(c.admit(ip("192.0.2.3")).is_none(), "all busy: no room");
        second.idle();
        assert!(c.admit(ip("192.0.2.3")).is_some());
    }
}
