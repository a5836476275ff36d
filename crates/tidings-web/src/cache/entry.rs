//! One rendered answer, ready to be sent again: its headers, its bytes, a
//! strong ETag per encoding, and gzip and brotli bodies made the first time a
//! reader asks for them.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use twox_hash::xxhash3_128::Hasher as Xxh3;

use super::deps::Tag;

/// Bodies smaller than this are sent as they are: compressing them saves less
/// than the headers it adds.
const MIN_COMPRESS: usize = 512;

/// A content coding we can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Identity = 0,
    Gzip = 1,
    Brotli = 2,
}

impl Coding {
    /// The best coding `Accept-Encoding` allows: brotli, then gzip.
    pub fn negotiate(headers: &HeaderMap) -> Self {
        let mut gzip = false;
        let mut brotli = false;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                if name.eq_ignore_ascii_case("br") {
                    brotli = true;
                } else if name.eq_ignore_ascii_case("gzip") {
                    gzip = true;
                }
            }
        }
        if brotli {
            Self::Brotli
        } else if gzip {
            Self::Gzip
        } else {
            Self::Identity
        }
    }

    fn name(self) -> Option<&'static str> {
        match self {
            Self::Identity => None,
            Self::Gzip => Some("gzip"),
            Self::Brotli => Some("br"),
        }
    }
}

/// A page as the cache keeps it.
pub struct Entry {
    /// The change epoch at which its rendering started.
    pub since: u64,
    pub tags: Box<[Tag]>,
    pub expires: Option<Instant>,
    /// The post or page a hit counts a view of.
    pub viewed: Option<tidings_app::views::Viewed>,
    headers: HeaderMap,
    identity: Bytes,
    /// The hex digest the ETags are made of.
    digest: String,
    /// `"digest"`, `"digest-gzip"`, `"digest-br"`, made once.
    etags: [HeaderValue; 3],
    /// The second of the content's last change, when the handler knew it.
    modified: Option<i64>,
    compressible: bool,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
}

impl Entry {
    /// The same entry, counting a view of `viewed` each time it is served.
    pub fn counting(mut self, viewed: Option<tidings_app::views::Viewed>) -> Self {
        self.viewed = viewed;
        self
    }

    /// Keeps a handler's 200 answer. Conditional and length headers are the
    /// entry's own business and are dropped from the handler's.
    pub fn new(
        since: u64,
        tags: Vec<Tag>,
        expires: Option<Instant>,
        mut headers: HeaderMap,
        identity: Bytes,
    ) -> Self {
        let modified = headers
            .remove(super::MODIFIED)
            .and_then(|v| v.to_str().ok()?.parse().ok());
        for name in [
            header::CONTENT_LENGTH,
            header::ETAG,
            header::CONTENT_ENCODING,
            header::VARY,
        ] {
            headers.remove(name);
        }
        // The ETag: 128 bits of XXH3, the same on every node. It needs no
        // resistance to forgery (a matching tag only saves a download), and
        // SHA-256 of each page was a twentieth of an uncached request.
        let digest = crate::form_token::hex(&Xxh3::oneshot(&identity).to_be_bytes());
        let compressible = identity.len() >= MIN_COMPRESS
            && headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(is_text);
        let mut tags = tags;
        tags.sort_unstable();
        tags.dedup();
        Self {
            since,
            tags: tags.into_boxed_slice(),
            expires,
            viewed: None,
            headers,
            identity,
            etags: [Coding::Identity, Coding::Gzip, Coding::Brotli].map(|c| {
                HeaderValue::from_str(&etag(&digest, c)).expect("hex and quotes are valid")
            }),
            digest,
            modified,
            compressible,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        }
    }

    /// How much memory it holds, roughly, for the cache's budget: room is
    /// kept for both compressed bodies.
    pub fn weight(&self) -> u64 {
        let body = self.identity.len() as u64;
        let compressed = if self.compressible { body / 2 } else { 0 };
        body + compressed + 1024
    }

    pub fn expired(&self, now: Instant) -> bool {
        self.expires.is_some_and(|at| at <= now)
    }

    /// The body in `coding`, compressing it the first time; `None` when the
    /// coding does not apply (not text, too small) and identity is sent.
    fn body(&self, coding: Coding) -> Option<Bytes> {
        if !self.compressible {
            return None;
        }
        match coding {
            Coding::Identity => None,
            Coding::Gzip => self.gzip.get_or_init(|| gzip(&self.identity)).clone(),
            Coding::Brotli => self.brotli.get_or_init(|| brotli(&self.identity)).clone(),
        }
    }

    /// The answer to a GET or HEAD with `request` headers: 304 when the reader
    /// holds this page already, else the page in the best coding it accepts.
    pub fn respond(&self, method: &Method, request: &HeaderMap) -> Response {
        let wanted = Coding::negotiate(request);
        let (coding, body) = match self.body(wanted) {
            Some(b) => (wanted, b),
            None => (Coding::Identity, self.identity.clone()),
        };
        let mut headers = self.headers.clone();
        headers.insert(header::ETAG, self.etags[coding as usize].clone());
        // A shared cache keeps this page for readers without a session only:
        // a member's page can differ (see `super::mark_private`).
        headers.insert(
            header::VARY,
            HeaderValue::from_static(if self.compressible {
                "accept-encoding, cookie"
            } else {
                "cookie"
            }),
        );
        if self.matches(request) {
            headers.remove(header::CONTENT_TYPE);
            let mut r = Response::new(Body::empty());
            *r.status_mut() = StatusCode::NOT_MODIFIED;
            *r.headers_mut() = headers;
            return r;
        }
        if let Some(name) = coding.name() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(body)
        };
        let mut r = Response::new(body);
        *r.headers_mut() = headers;
        r
    }

    /// Whether the reader holds this page: `If-None-Match` names it in any
    /// coding (they hold the same content), or, without `If-None-Match`,
    /// `If-Modified-Since` is not older than the content's last change, where
    /// the handler gave it (feeds do).
    fn matches(&self, request: &HeaderMap) -> bool {
        if !request.contains_key(header::IF_NONE_MATCH) {
            let since = request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok());
            return match (self.modified, since) {
                (Some(modified), Some(since)) => modified <= since.timestamp(),
                _ => false,
            };
        }
        request
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| {
                t == "*"
                    || t.strip_prefix('"')
                        .and_then(|t| t.strip_suffix('"'))
                        .and_then(|t| t.strip_prefix(self.digest.as_str()))
                        .is_some_and(|rest| matches!(rest, "" | "-gzip" | "-br"))
            })
    }
}

/// The strong ETag of a body with hex `digest` sent in `coding`: each coding
/// is its own representation.
fn etag(digest: &str, coding: Coding) -> String {
    match coding.name() {
        None => format!("\"{digest}\""),
        Some(name) => format!("\"{digest}-{name}\""),
    }
}

fn is_text(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/")
        || essence.ends_with("+xml")
        || essence.ends_with("+json")
        || matches!(essence, "application/json" | "application/xml")
}

fn gzip(data: &[u8]) -> Option<Bytes> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::default(),
    );
    enc.write_all(data).ok()?;
    enc.finish().ok().map(Bytes::from)
}

fn brotli(data: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(data.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        // Quality 9 of 11: close to the best ratio at a fraction of its
        // time; each page is compressed once and sent many times.
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(k.clone(), HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn negotiation_prefers_brotli_and_honours_q0() {
        let n = |v: &str| Coding::negotiate(&headers(&[(header::ACCEPT_ENCODING, v)]));
        assert_eq!(n("gzip, deflate, br"), Coding::Brotli);
        assert_eq!(n("gzip"), Coding::Gzip);
        assert_eq!(n("br;q=0, gzip;q=0.5"), Coding::Gzip);
        assert_eq!(n("identity"), Coding::Identity);
        assert_eq!(Coding::negotiate(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn bodies_round_trip_and_etags_answer_304() {
        let page = "<p>Hello, reader.</p>".repeat(100);
        let e = Entry::new(
            0,
            vec![Tag::Blog(1)],
            None,
            headers(&[(header::CONTENT_TYPE, "text/html; charset=utf-8")]),
            Bytes::from(page.clone()),
        );
        let gz = e.body(Coding::Gzip).unwrap();
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
            .unwrap();
        assert_eq!(out, page);
        let br = e.body(Coding::Brotli).unwrap();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, page.as_bytes());

        let first = e.respond(&Method::GET, &headers(&[(header::ACCEPT_ENCODING, "br")]));
        assert_eq!(first.headers()[header::CONTENT_ENCODING], "br");
        let tag = first.headers()[header::ETAG].to_str().unwrap().to_owned();
        let again = e.respond(
            &Method::GET,
            &headers(&[
                (header::IF_NONE_MATCH, &tag),
                (header::ACCEPT_ENCODING, "br"),
            ]),
        );
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let other = e.respond(&Method::GET, &headers(&[(header::IF_NONE_MATCH, "\"x\"")]));
        assert_eq!(other.status(), StatusCode::OK);
    }
}
