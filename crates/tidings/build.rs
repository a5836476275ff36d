//! Link-time settings of the `tidings` binary.
//!
//! Relative relocations packed (`-z pack-relative-relocs`, glibc's DT_RELR):
//! the binary's 96,000 pointers to itself are listed in a few kilobytes
//! instead of 2.2 MB of 24-byte entries, which the loader reads at every
//! start and which then stayed resident for the life of the server (a
//! thirteenth of an idle server's memory). Only a glibc of 2.36 or later
//! runs such a binary, so it is asked for only when building for the machine
//! it is built on and that machine's glibc is one (Debian 12 and later);
//! elsewhere the binary is linked as before.

use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let native = std::env::var("TARGET").ok() == std::env::var("HOST").ok();
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if native && linux_gnu && glibc_at_least(2, 36) {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's glibc (`getconf GNU_LIBC_VERSION`: "glibc 2.36")
/// is `major.minor` or later.
fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut version = text
        .trim()
        .trim_start_matches("glibc ")
        .split('.')
        .map(|part| part.parse::<u32>().unwrap_or(0));
    let found = (version.next().unwrap_or(0), version.next().unwrap_or(0));
    found >= (major, minor)
}
