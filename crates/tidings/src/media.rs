//! `import … --fetch-media`: the moved-in blog's pictures fetched and kept
//! as uploads in the blog's store, as `serve` chooses it, so every node
//! serves them with their copies: Blogger's pictures ([`pictures`]) and
//! WordPress's attachments ([`attachments`]). Also the blog's `Blobs` and
//! its uploads read back for exports.
//!
//! Fetching runs after the import has committed and never undoes it: a file
//! that cannot be fetched is reported on its own line and keeps its old
//! address, in every post. Running the command again fetches only what is
//! still missing.
//!
//! The URLs come from the export file, so they are not trusted: a fetch
//! connects only to public addresses (`address.rs`, after every redirect
//! too) unless the owner allows private ones, is bounded in size and time,
//! and a file goes on only when its first bytes are of a type the blog
//! serves (`tidings_core::media`), never the one the other server claimed;
//! the upload then takes only pictures.

mod address;
pub mod attachments;
pub mod pictures;

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, anyhow};
use tidings_core::media::{SNIFF_BYTES, served_type};
use tidings_store::{Blobs, Store};
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, Resolver};
use ureq::unversioned::transport::{Connector, DefaultConnector};

use address::{CheckedResolver, Refused, Why};

/// How many redirects one file may take.
const MAX_REDIRECTS: u32 = 5;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
const MIB: u64 = 1 << 20;

/// The owner's bounds on one fetch (`--fetch-max-mib`,
/// `--fetch-timeout-secs`, `--allow-private-addresses`).
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// The largest file kept, in MiB.
    pub max_mib: u64,
    /// How long one file may take, redirects included, from the first
    /// connection to the last byte.
    pub timeout_secs: u64,
    /// Whether loopback and private-network addresses may be fetched from.
    pub allow_private: bool,
}

/// Where the blog's uploads are kept, as `serve` chooses with the same
/// flags: a bucket (`--media-store`), else the data directory's `media/` on
/// SQLite, the database on PostgreSQL (so every node serves them).
pub fn blobs(
    global: &crate::cli::Global,
    store: &Store,
    media: &crate::cli::MediaStoreArgs,
) -> anyhow::Result<Arc<dyn Blobs>> {
    Ok(media
        .choice()
        .open(store, Some(&global.data.join("media")))?)
}

/// Every upload of `blog_id`, oldest first, each with the bytes of its
/// files (in the order of its `files`): what `export --format tidings`
/// carries.
pub async fn uploads_with_bytes(
    store: &Store,
    blobs: &dyn Blobs,
    blog_id: i64,
) -> anyhow::Result<Vec<(tidings_store::Media, Vec<Vec<u8>>)>> {
    const PAGE: i64 = 100;
    let mut all = Vec::new();
    loop {
        let (page, _) = store.list_media(blog_id, PAGE, all.len() as i64).await?;
        let last = (page.len() as i64) < PAGE;
        all.extend(page);
        if last {
            break;
        }
    }
    all.reverse();
    let mut out = Vec::with_capacity(all.len());
    for media in all {
        let mut bytes = Vec::with_capacity(media.files.len());
        for f in &media.files {
            bytes.push(read_blob(blobs, &tidings_store::blob_key(blog_id, &f.path)).await?);
        }
        out.push((media, bytes));
    }
    Ok(out)
}

/// The whole file at `key`, piece by piece; refused when there is none.
pub async fn read_blob(blobs: &dyn Blobs, key: &str) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut index = 0;
    while let Some(piece) = blobs
        .chunk(key, index)
        .await
        .with_context(|| format!("cannot read the upload file {key}"))?
    {
        let last = piece.len() < tidings_store::media::CHUNK_BYTES;
        out.extend_from_slice(&piece);
        if last {
            break;
        }
        index += 1;
    }
    if index == 0 && out.is_empty() {
        anyhow::bail!("the upload file {key} is missing from the blog's store");
    }
    Ok(out)
}

/// The hardened client with the owner's bounds (see [`agent`]).
pub fn client(options: &FetchOptions) -> ureq::Agent {
    agent(options, DefaultConnector::new(), DefaultResolver::default())
}

/// The client: ureq with the owner's bounds, connecting through
/// `connector` to the addresses `dns` answers once [`CheckedResolver`]
/// allowed them. ureq follows redirects itself (at most
/// [`MAX_REDIRECTS`]), resolving each hop through the same resolver, so the
/// check cannot be skipped by a redirect and needs no second HTTP loop of
/// ours. No proxy is taken from the environment: through one, ureq would
/// not resolve the target and nothing would be checked.
fn agent(options: &FetchOptions, connector: impl Connector, dns: impl Resolver) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(options.timeout_secs)))
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .proxy(None)
        .user_agent(concat!(
            "Tidings/",
            env!("CARGO_PKG_VERSION"),
            " (moving in)"
        ))
        .build();
    let resolver = CheckedResolver {
        dns,
        allow_private: options.allow_private,
    };
    ureq::Agent::with_parts(config, connector, resolver)
}

/// Downloads `url` into memory, within the size cap: a picture to be kept
/// as an upload, whose processing reads it whole anyway. An answer whose
/// first bytes are not of a type the blog serves is read no further.
pub fn fetch_bytes(
    agent: &ureq::Agent,
    url: &str,
    options: &FetchOptions,
) -> anyhow::Result<Vec<u8>> {
    let uri: Uri = url.parse().map_err(|_| anyhow!("not a valid address"))?;
    if !address::is_fetched_scheme(&uri) {
        return Err(Refused {
            hop: uri,
            why: Why::Scheme,
        }
        .into());
    }
    let failed = |e: ureq::Error| anyhow!(why(e, &uri, options));
    let read_failed = |e: std::io::Error| failed(ureq::Error::from(e));
    let mut response = agent.get(uri.clone()).call().map_err(failed)?;
    if response
        .body()
        .content_length()
        .is_some_and(|n| n > options.max_mib * MIB)
    {
        return Err(failed(ureq::Error::BodyExceedsLimit(options.max_mib * MIB)));
    }
    let mut body = response
        .body_mut()
        .with_config()
        .limit(options.max_mib * MIB)
        .reader();
    // The type is decided before the rest is read: a page that is not a
    // file we serve is not read further.
    let mut out = Vec::with_capacity(SNIFF_BYTES);
    (&mut body)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut out)
        .map_err(read_failed)?;
    served_type(&out)?;
    body.read_to_end(&mut out).map_err(read_failed)?;
    Ok(out)
}

/// What went wrong, in the words of the import's summary; a refused
/// redirect names its target.
fn why(e: ureq::Error, first: &Uri, options: &FetchOptions) -> String {
    match e {
        ureq::Error::Other(e) => match e.downcast::<Refused>() {
            Ok(refused) if refused.hop == *first => refused.to_string(),
            Ok(refused) => format!("redirected to {}: {refused}", refused.hop),
            Err(e) => e.to_string(),
        },
        ureq::Error::Timeout(_) => format!("took longer than {} s", options.timeout_secs),
        ureq::Error::BodyExceedsLimit(_) => format!("larger than {} MiB", options.max_mib),
        ureq::Error::StatusCode(code) => format!("the server answered {code}"),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        e => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    //! The address policy on ureq's real path (its redirects, its pool, its
    //! TCP connector), on a pretend internet: names resolve to whatever the
    //! test says, and every connection, to whatever address, reaches one
    //! local server. So a public first hop and a private second one can be
    //! tried here, which no test on loopback alone can.

    use std::io::{BufRead, BufReader, Write};
    use std::net::{IpAddr, SocketAddr, TcpListener};
    use std::sync::{Arc, Mutex};

    use ureq::unversioned::resolver::ResolvedSocketAddrs;
    use ureq::unversioned::transport::{ConnectionDetails, NextTimeout, TcpConnector};

    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n a picture";

    /// Each host's answers, given in turn (the last one repeats).
    #[derive(Debug)]
    struct Dns(Mutex<Vec<(&'static str, Vec<&'static str>)>>);

    impl Resolver for Dns {
        fn resolve(
            &self,
            uri: &Uri,
            _: &ureq::config::Config,
            _: NextTimeout,
        ) -> Result<ResolvedSocketAddrs, ureq::Error> {
            let mut hosts = self.0.lock().unwrap();
            let (_, answers) = hosts
                .iter_mut()
                .find(|(host, _)| Some(*host) == uri.host())
                .ok_or(ureq::Error::HostNotFound)?;
            let ip: IpAddr = if answers.len() > 1 {
                answers.remove(0)
            } else {
                answers[0]
            }
            .parse()
            .unwrap();
            let mut out = self.empty();
            out.push(SocketAddr::new(ip, uri.port_u16().unwrap_or(80)));
            Ok(out)
        }
    }

    /// Every connection reaches `server`; `dialled` says which addresses
    /// ureq meant to connect to.
    #[derive(Debug)]
    struct Network {
        server: SocketAddr,
        dialled: Arc<Mutex<Vec<SocketAddr>>>,
    }

    impl Connector for Network {
        type Out = <TcpConnector as Connector>::Out;

        fn connect(
            &self,
            details: &ConnectionDetails,
            chained: Option<()>,
        ) -> Result<Option<Self::Out>, ureq::Error> {
            self.dialled.lock().unwrap().extend(details.addrs.iter());
            let mut addrs = details.resolver.empty();
            addrs.push(self.server);
            let rerouted = ConnectionDetails {
                addrs,
                uri: details.uri,
                config: details.config,
                request_level: details.request_level,
                resolver: details.resolver,
                now: details.now,
                timeout: details.timeout,
                current_time: details.current_time.clone(),
                run_connector: details.run_connector.clone(),
                register_shutdown: details.register_shutdown.clone(),
            };
            TcpConnector::default().connect(&rerouted, chained)
        }
    }

    /// A server that sends `/go?TARGET` to TARGET and answers a PNG for
    /// anything else; answers the address of the server.
    fn server() -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split(' ').nth(1).unwrap_or_default();
                let _ = match path.strip_prefix("/go?") {
                    Some(target) => write!(
                        stream,
                        "HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\
                         Connection: close\r\n\r\n"
                    ),
                    None => write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\
                         Connection: close\r\n\r\n",
                        PNG.len()
                    )
                    .and_then(|()| stream.write_all(PNG)),
                };
            }
        });
        addr
    }

    /// Fetches `url` on the pretend internet with `dns`: the outcome, and
    /// the addresses connected to.
    fn fetch_through(
        dns: Vec<(&'static str, Vec<&'static str>)>,
        url: &str,
        allow_private: bool,
    ) -> (Result<&'static str, String>, Vec<String>) {
        let dialled = Arc::new(Mutex::new(Vec::new()));
        let network = Network {
            server: server(),
            dialled: dialled.clone(),
        };
        let options = FetchOptions {
            max_mib: 1,
            timeout_secs: 10,
            allow_private,
        };
        let agent = agent(&options, network, Dns(Mutex::new(dns)));
        let result = fetch_bytes(&agent, url, &options)
            .map(|bytes| served_type(&bytes).expect("checked as fetched"))
            .map_err(|e| format!("{e:#}"));
        let dialled = dialled
            .lock()
            .unwrap()
            .iter()
            .map(|a| a.to_string())
            .collect();
        (result, dialled)
    }

    const PUBLIC: &str = "93.184.215.14";

    #[test]
    fn a_redirect_from_a_public_host_to_a_private_one_is_refused_before_connecting() {
        let dns = || {
            vec![
                ("files.example", vec![PUBLIC]),
                ("metadata.example", vec!["169.254.169.254"]),
            ]
        };
        let url = "http://files.example/go?http://metadata.example/latest/meta-data";
        let (result, dialled) = fetch_through(dns(), url, false);
        assert_eq!(
            result.unwrap_err(),
            "redirected to http://metadata.example/latest/meta-data: address \
             169.254.169.254 is private (link-local; pass --allow-private-addresses to allow)"
        );
        assert_eq!(dialled, [format!("{PUBLIC}:80")]);

        // The owner may allow it.
        let (result, dialled) = fetch_through(dns(), url, true);
        assert_eq!(result, Ok("image/png"));
        assert_eq!(
            dialled,
            [format!("{PUBLIC}:80"), "169.254.169.254:80".into()]
        );
    }

    #[test]
    fn a_name_that_turns_private_between_hops_is_refused() {
        // DNS rebinding: the same name, public at the first look only.
        let dns = vec![("files.example", vec![PUBLIC, "127.0.0.1"])];
        let (result, dialled) = fetch_through(dns, "http://files.example/go?/again.png", false);
        assert_eq!(
            result.unwrap_err(),
            "redirected to http://files.example/again.png: address 127.0.0.1 is private \
             (loopback; pass --allow-private-addresses to allow)"
        );
        assert_eq!(dialled, [format!("{PUBLIC}:80")]);
    }

    #[test]
    fn the_first_hop_is_checked_and_public_hosts_are_fetched() {
        let dns = || {
            vec![
                ("files.example", vec![PUBLIC]),
                ("intranet.example", vec!["::ffff:10.0.0.1"]),
                ("nowhere.example", vec!["0.0.0.0"]),
            ]
        };
        let (result, dialled) = fetch_through(dns(), "http://intranet.example/a.png", false);
        assert_eq!(
            result.unwrap_err(),
            "address ::ffff:10.0.0.1 is private (private network; pass \
             --allow-private-addresses to allow)"
        );
        assert!(dialled.is_empty());
        // Never a server, with the flag or without.
        let (result, dialled) = fetch_through(dns(), "http://nowhere.example/a.png", true);
        assert_eq!(
            result.unwrap_err(),
            "address 0.0.0.0 is not a server's address (unspecified)"
        );
        assert!(dialled.is_empty());
        let (result, _) = fetch_through(dns(), "ftp://files.example/a.png", true);
        assert_eq!(
            result.unwrap_err(),
            "only http and https addresses are fetched"
        );
        let (result, _) = fetch_through(
            dns(),
            "http://files.example/go?socks5://files.example/a.png",
            true,
        );
        assert_eq!(
            result.unwrap_err(),
            "redirected to socks5://files.example/a.png: only http and https addresses are \
             fetched"
        );
        let (result, dialled) = fetch_through(dns(), "http://files.example/a.png", false);
        assert_eq!(result, Ok("image/png"));
        assert_eq!(dialled, [format!("{PUBLIC}:80")]);
    }
}
