//! Reading a password from standard input, checked by the rules every way in
//! shares (`tidings_core::password`).

use anyhow::{Context, bail};

/// Reads a password from standard input: the first line, without its newline.
pub fn read_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    if let Err(why) = tidings_core::password::check(&password) {
        bail!("{}", why.trim_end_matches('.').to_lowercase());
    }
    Ok(password)
}

/// An Argon2id hash of `password`.
pub fn hash(password: &str) -> anyhow::Result<String> {
    tidings_core::password::hash(password).map_err(anyhow::Error::msg)
}
