//! Typed settings of the web layer, validated at start and passed in explicitly.

use std::net::IpAddr;

use ipnet::IpNet;

/// Proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` we believe.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses comma-separated addresses or CIDRs, e.g. `127.0.0.1,10.0.0.0/8`.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let net = match item.parse::<IpNet>() {
                Ok(net) => net,
                Err(_) => item
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("not an address or CIDR: {item:?}"))?,
            };
            nets.push(net);
        }
        Ok(Self(nets))
    }

    /// Whether `ip` is a trusted proxy. An IPv4 proxy reaching a dual-stack
    /// listener arrives as `::ffff:a.b.c.d`: it is the same proxy.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|n| n.contains(&ip))
    }
}

/// Who may read `/metrics`: what a node counts is for its operator (how busy
/// it is, how often sign-ins fail), not for anyone who asks.
#[derive(Debug, Clone)]
pub struct MetricsAccess {
    /// Addresses answered without a token (`--metrics-allow`; default
    /// loopback). The client's address, so behind a proxy listed in
    /// `--trusted-proxies`, the address it forwards for.
    pub allow: TrustedProxies,
    /// A bearer token that opens it from anywhere (`--metrics-token`).
    pub token: Option<String>,
}

impl Default for MetricsAccess {
    fn default() -> Self {
        Self {
            allow: TrustedProxies::parse("127.0.0.0/8,::1").expect("loopback parses"),
            token: None,
        }
    }
}

/// How the web layer behaves, decided by the binary's flags.
#[derive(Debug, Clone)]
pub struct Config {
    pub trusted_proxies: TrustedProxies,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
    /// Answer 404 to hosts no blog has, instead of serving the default blog.
    pub strict_hosts: bool,
    /// How long a sign-in lasts.
    pub session_lifetime: chrono::Duration,
    /// Where imported files' copies are (`DATA_DIR/media`); none: `/media/`
    /// answers 404.
    pub media_dir: Option<std::path::PathBuf>,
    /// Where blogs' own themes are (`DATA_DIR/themes`); none: only the
    /// built-in theme.
    pub themes_dir: Option<std::path::PathBuf>,
    /// Where uploads' bytes are kept (`--media-store`).
    pub media_store: tidings_store::MediaStore,
    /// The largest picture an upload may send, in bytes
    /// (`--max-upload-mib`, default 20 MiB): past it 413, the body read no
    /// further.
    pub max_upload_bytes: usize,
    /// Requests one API token may make per minute, across all nodes
    /// (default 600).
    pub api_requests_per_minute: u32,
    /// Memory for rendered pages; 0 turns the render cache off (`--no-cache`).
    pub cache_bytes: u64,
    /// Renders no kept page answers that may run at once (as many again
    /// may wait; past that, 503). `None`: no bound (the static render).
    pub renders_at_once: Option<usize>,
    /// The SMTP server mail goes through; `None`: mail is off.
    pub mailer: Option<tidings_app::mail::Mailer>,
    /// Count page views (`--no-view-counts` turns it off, to measure what
    /// counting costs or to keep no statistics at all).
    pub count_views: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            trusted_proxies: TrustedProxies::default(),
            metrics: MetricsAccess::default(),
            strict_hosts: false,
            session_lifetime: chrono::Duration::days(30),
            media_dir: None,
            themes_dir: None,
            media_store: Default::default(),
            max_upload_bytes: 20 << 20,
            api_requests_per_minute: 600,
            cache_bytes: 64 << 20,
            renders_at_once: Some(crate::cache::Renders::default_at_once()),
            mailer: None,
            count_views: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxies_parse() {
        let p = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8,::1").unwrap();
        assert!(p.contains("10.1.2.3".parse().unwrap()));
        assert!(p.contains("127.0.0.1".parse().unwrap()));
        assert!(!p.contains("192.0.2.1".parse().unwrap()));
        assert!(TrustedProxies::parse("nope").is_err());
    }
}
