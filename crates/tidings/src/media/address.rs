//! Where `--fetch-media` may connect: the address policy, and the resolver
//! that applies it to every connection the HTTP client makes.
//!
//! An attachment URL is whatever the export file says, so a fetch could be
//! aimed at this machine, its private network or a cloud metadata service
//! (169.254.169.254), and the answer would then be published under
//! `/media/`. The check is made on the addresses a host name resolves to,
//! inside ureq's name resolution ([`CheckedResolver`]): ureq connects only
//! to the addresses its resolver returned, so the address checked is the
//! address connected to (a second, different DNS answer cannot slip in
//! between), and every redirect hop is resolved, so checked, again. ureq's
//! proxy support is turned off (see `super::agent`): behind a proxy the
//! resolver would not see the target at all.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::{Ipv4Net, Ipv6Net};
use ureq::http::Uri;
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Why an address is not fetched from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// This machine or a private network (the name says which): allowed by
    /// `--allow-private-addresses`, for an owner whose old blog lived there.
    Private(&'static str),
    /// Never a server's address (unspecified, multicast, broadcast,
    /// documentation, reserved): refused even with the flag. A connection
    /// to 0.0.0.0 reaches this machine on Linux, the classic way round a
    /// loopback check; an owner who means this machine says 127.0.0.1.
    NotAServer(&'static str),
}

const fn v4(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

const fn v6(segments: [u16; 8], len: u8) -> Ipv6Net {
    let [a, b, c, d, e, f, g, h] = segments;
    Ipv6Net::new_assert(Ipv6Addr::new(a, b, c, d, e, f, g, h), len)
}

/// IPv4 ranges that are not the public internet (IANA's special-purpose
/// registry), most specific first.
const V4: &[(Ipv4Net, Closed)] = &[
    (v4(255, 255, 255, 255, 32), Closed::NotAServer("broadcast")),
    (v4(0, 0, 0, 0, 8), Closed::NotAServer("unspecified")),
    (v4(127, 0, 0, 0, 8), Closed::Private("loopback")),
    (v4(10, 0, 0, 0, 8), Closed::Private("private network")),
    (v4(172, 16, 0, 0, 12), Closed::Private("private network")),
    (v4(192, 168, 0, 0, 16), Closed::Private("private network")),
    (v4(169, 254, 0, 0, 16), Closed::Private("link-local")),
    (
        v4(100, 64, 0, 0, 10),
        Closed::Private("shared address space"),
    ),
    (
        v4(192, 0, 0, 0, 24),
        Closed::Private("IETF protocol assignments"),
    ),
    (v4(198, 18, 0, 0, 15), Closed::Private("benchmarking")),
    (v4(192, 0, 2, 0, 24), Closed::NotAServer("documentation")),
    (v4(198, 51, 100, 0, 24), Closed::NotAServer("documentation")),
    (v4(203, 0, 113, 0, 24), Closed::NotAServer("documentation")),
    (v4(224, 0, 0, 0, 4), Closed::NotAServer("multicast")),
    (v4(240, 0, 0, 0, 4), Closed::NotAServer("reserved")),
];

/// IPv6 ranges that are not the public internet. Ranges that carry an
/// IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that
/// address instead, in [`closed`].
const V6: &[(Ipv6Net, Closed)] = &[
    (
        v6([0, 0, 0, 0, 0, 0, 0, 0], 128),
        Closed::NotAServer("unspecified"),
    ),
    (
        v6([0, 0, 0, 0, 0, 0, 0, 1], 128),
        Closed::Private("loopback"),
    ),
    (
        v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10),
        Closed::Private("link-local"),
    ),
    (
        v6([0xfec0, 0, 0, 0, 0, 0, 0, 0], 10),
        Closed::Private("site-local"),
    ),
    (
        v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7),
        Closed::Private("unique local"),
    ),
    (
        v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48),
        Closed::Private("local NAT64"),
    ),
    (
        v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 23),
        Closed::Private("IETF protocol assignments"),
    ),
    (
        v6([0x100, 0, 0, 0, 0, 0, 0, 0], 64),
        Closed::NotAServer("discard-only"),
    ),
    (
        v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32),
        Closed::NotAServer("documentation"),
    ),
    (
        v6([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20),
        Closed::NotAServer("documentation"),
    ),
    (
        v6([0xff00, 0, 0, 0, 0, 0, 0, 0], 8),
        Closed::NotAServer("multicast"),
    ),
];

/// Why `ip` is not the public internet, or `None` when it is.
pub fn closed(ip: IpAddr) -> Option<Closed> {
    match ip {
        IpAddr::V4(ip) => V4.iter().find(|(net, _)| net.contains(&ip)).map(|r| r.1),
        IpAddr::V6(ip) => match embedded_v4(ip) {
            Some(v4) => closed(IpAddr::V4(v4)),
            None => V6.iter().find(|(net, _)| net.contains(&ip)).map(|r| r.1),
        },
    }
}

/// The IPv4 address an IPv6 one stands for, where one does: mapped
/// (`::ffff:a.b.c.d`), compatible (`::a.b.c.d`, but not `::` or `::1`),
/// NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = |a: u16, b: u16| Some(Ipv4Addr::from((u32::from(a) << 16) | u32::from(b)));
    match s {
        [0, 0, 0, 0, 0, 0xffff, a, b] => low(a, b),
        [0, 0, 0, 0, 0, 0, 0, 0 | 1] => None,
        [0, 0, 0, 0, 0, 0, a, b] => low(a, b),
        [0x64, 0xff9b, 0, 0, 0, 0, a, b] => low(a, b),
        [0x2002, a, b, ..] => low(a, b),
        _ => None,
    }
}

/// Whether `uri` is `http` or `https`, the only schemes fetched.
pub fn is_fetched_scheme(uri: &Uri) -> bool {
    matches!(uri.scheme_str(), Some("http" | "https"))
}

/// A fetch the policy refused: which address, at which hop.
#[derive(Debug)]
pub struct Refused {
    /// The URL whose host resolved to `ip` (a redirect's target, perhaps).
    pub hop: Uri,
    pub why: Why,
}

#[derive(Debug)]
pub enum Why {
    Address(IpAddr, Closed),
    Scheme,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.why {
            Why::Address(ip, Closed::Private(range)) => write!(
                f,
                "address {ip} is private ({range}; pass --allow-private-addresses to allow)"
            ),
            Why::Address(ip, Closed::NotAServer(range)) => {
                write!(f, "address {ip} is not a server's address ({range})")
            }
            Why::Scheme => f.write_str("only http and https addresses are fetched"),
        }
    }
}

impl std::error::Error for Refused {}

/// Name resolution that answers only addresses the policy allows, and
/// refuses the whole host when any of its addresses is closed (a name that
/// also points inward is not one to trust). It also refuses every scheme
/// but `http` and `https`, which a redirect could otherwise name.
#[derive(Debug)]
pub struct CheckedResolver<R> {
    pub dns: R,
    pub allow_private: bool,
}

impl<R: Resolver> Resolver for CheckedResolver<R> {
    fn resolve(
        &self,
        uri: &Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let refuse = |why| {
            ureq::Error::Other(Box::new(Refused {
                hop: uri.clone(),
                why,
            }))
        };
        if !is_fetched_scheme(uri) {
            return Err(refuse(Why::Scheme));
        }
        let addrs = self.dns.resolve(uri, config, timeout)?;
        for ip in addrs.iter().map(|a| a.ip()) {
            match closed(ip) {
                None => {}
                Some(Closed::Private(_)) if self.allow_private => {}
                Some(range) => return Err(refuse(Why::Address(ip, range))),
            }
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn private_and_non_server_addresses_are_told_apart() {
        for (addr, expected) in [
            ("127.0.0.1", Closed::Private("loopback")),
            ("127.9.9.9", Closed::Private("loopback")),
            ("::1", Closed::Private("loopback")),
            ("::ffff:127.0.0.1", Closed::Private("loopback")),
            ("::127.0.0.1", Closed::Private("loopback")),
            ("64:ff9b::7f00:1", Closed::Private("loopback")),
            ("2002:7f00:1::1", Closed::Private("loopback")),
            ("10.0.0.1", Closed::Private("private network")),
            ("::ffff:10.0.0.1", Closed::Private("private network")),
            ("172.16.0.1", Closed::Private("private network")),
            ("172.31.255.255", Closed::Private("private network")),
            ("192.168.1.1", Closed::Private("private network")),
            ("169.254.169.254", Closed::Private("link-local")),
            ("::ffff:169.254.169.254", Closed::Private("link-local")),
            ("fe80::1", Closed::Private("link-local")),
            ("fc00::1", Closed::Private("unique local")),
            ("fd00:ec2::254", Closed::Private("unique local")),
            ("100.64.0.1", Closed::Private("shared address space")),
            ("100.127.255.254", Closed::Private("shared address space")),
            ("198.18.0.1", Closed::Private("benchmarking")),
            ("2001::1", Closed::Private("IETF protocol assignments")),
            ("0.0.0.0", Closed::NotAServer("unspecified")),
            ("0.1.2.3", Closed::NotAServer("unspecified")),
            ("::", Closed::NotAServer("unspecified")),
            ("::ffff:0.0.0.0", Closed::NotAServer("unspecified")),
            ("255.255.255.255", Closed::NotAServer("broadcast")),
            ("224.0.0.1", Closed::NotAServer("multicast")),
            ("ff02::1", Closed::NotAServer("multicast")),
            ("240.0.0.1", Closed::NotAServer("reserved")),
            ("192.0.2.1", Closed::NotAServer("documentation")),
            ("2001:db8::1", Closed::NotAServer("documentation")),
        ] {
            assert_eq!(closed(ip(addr)), Some(expected), "{addr}");
        }
    }

    #[test]
    fn the_public_internet_is_open() {
        for addr in [
            "93.184.215.14",
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "169.255.0.1",
            "2606:4700::1111",
            "2a00:1450:4001:82b::200e",
            "::ffff:8.8.8.8",
            "2002:808:808::1",
        ] {
            assert_eq!(closed(ip(addr)), None, "{addr}");
        }
    }
}
