//! The SMTP server mail goes through: `--smtp-url` and `--mail-from`,
//! checked once at start, and the transport built from them.
//!
//! `smtp://[user:pass@]host[:port]` speaks STARTTLS when the server offers
//! it (and sends in the clear when it does not: a relay on the same machine
//! often offers none); `smtps://` opens TLS first (implicit TLS, port 465).
//! Certificates are checked against Mozilla's roots (rustls).

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::dkim::DkimConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::transport::smtp::{AsyncSmtpTransport, PoolConfig};
use lettre::{AsyncTransport, Tokio1Executor};
use tokio::sync::Semaphore;

use crate::{Dkim, Letter, MailError};

/// How long one step of a conversation with the server may take: past it
/// the message is tried again later, and a claim on it (a lease of minutes)
/// never runs out while it is being sent.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Connections to the server kept open and used side by side: sends wait
/// for one of them rather than open more. lettre's pool keeps at most this
/// many, and closed every connection past them after a single message, so
/// more sends at once than connections kept cost a connection each (a
/// TCP and SMTP greeting, then `QUIT`). Each mail is several round trips
/// that wait their turn behind the node's page requests; 16 side by side
/// mailed 10,000 subscribers in 87 s where 8 took 147 s while the home
/// page was under load (`ONLY=mail bench/run.sh`).
pub const CONNECTIONS: usize = 16;

/// The checked settings: where to send, as whom.
#[derive(Clone)]
pub struct SmtpSettings {
    host: String,
    port: u16,
    implicit_tls: bool,
    credentials: Option<(String, String)>,
    from: Mailbox,
    /// Signs each message, when `--dkim-key` is given.
    dkim: Option<Dkim>,
}

impl std::fmt::Debug for SmtpSettings {
    /// Never the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("implicit_tls", &self.implicit_tls)
            .field("user", &self.credentials.as_ref().map(|(u, _)| u))
            .field("from", &self.from.to_string())
            .field("dkim", &self.dkim)
            .finish()
    }
}

impl SmtpSettings {
    /// Checks `--smtp-url` and `--mail-from` (`Name <address>` or an address).
    pub fn parse(smtp_url: &str, mail_from: &str) -> Result<Self, MailError> {
        let bad = |why: &str| MailError::Settings(format!("--smtp-url: {why}"));
        let url = url::Url::parse(smtp_url.trim())
            .map_err(|e| bad(&format!("not a URL ({e}); expected smtp://host:port")))?;
        let (implicit_tls, default_port) = match url.scheme() {
            "smtp" => (false, 587),
            "smtps" => (true, 465),
            other => {
                return Err(bad(&format!(
                    "the scheme must be smtp:// or smtps://, not {other}://"
                )));
            }
        };
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("it names no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let decode = |s: &str| {
            percent_decode(s).ok_or_else(|| bad("the user or password is not valid UTF-8"))
        };
        let credentials = match (url.username(), url.password()) {
            ("", None) => None,
            (user, password) => Some((decode(user)?, decode(password.unwrap_or(""))?)),
        };
        let from = mail_from.trim().parse::<Mailbox>().map_err(|_| {
            MailError::Settings(format!(
                "--mail-from: {mail_from:?} is not an address (write blog@example.org \
                 or \"My Blog <blog@example.org>\")"
            ))
        })?;
        Ok(Self {
            host,
            port: url.port().unwrap_or(default_port),
            implicit_tls,
            credentials,
            from,
            dkim: None,
        })
    }

    /// These settings, each message signed with `dkim` for `--mail-from`'s
    /// domain.
    pub fn signed(self, dkim: Dkim) -> Self {
        Self {
            dkim: Some(dkim),
            ..self
        }
    }

    /// The signing key, when mail is signed.
    pub fn dkim(&self) -> Option<&Dkim> {
        self.dkim.as_ref()
    }

    /// The domain mail comes from, which DKIM signs for.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }

    /// `host:port`, for messages.
    pub fn server(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h)? * 16 + hex(l)?) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// What the server said when it took a message.
#[derive(Debug, Clone)]
pub struct Sent {
    /// Its reply, code first: `250 2.0.0 Ok: queued as …`.
    pub reply: String,
}

/// Why a message was not taken.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    /// The server refused it for good (a 5xx reply: no such mailbox, …):
    /// trying again would not help.
    pub permanent: bool,
    pub message: String,
}

/// Sends letters through one SMTP server, reusing its connections, at
/// most [`CONNECTIONS`] at once.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    /// One permit per kept connection.
    connections: Arc<Semaphore>,
    settings: SmtpSettings,
    /// lettre's signer, made once from the checked key.
    dkim: Option<Arc<DkimConfig>>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Mailer").field(&self.settings).finish()
    }
}

impl Mailer {
    pub fn new(settings: SmtpSettings) -> Result<Self, MailError> {
        let tls_params = TlsParameters::new(settings.host.clone())
            .map_err(|e| MailError::Settings(format!("--smtp-url: TLS: {e}")))?;
        let tls = if settings.implicit_tls {
            Tls::Wrapper(tls_params)
        } else {
            Tls::Opportunistic(tls_params)
        };
        // We greet the server with our sender's domain: the name mail
        // servers can check, where the machine's own name often is not.
        let hello = ClientId::Domain(settings.from.email.domain().to_owned());
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.clone())
                .port(settings.port)
                .tls(tls)
                .hello_name(hello)
                .timeout(Some(TIMEOUT))
                .pool_config(PoolConfig::new().max_size(CONNECTIONS as u32));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let dkim = match &settings.dkim {
            Some(dkim) => Some(Arc::new(dkim.config(settings.domain())?)),
            None => None,
        };
        Ok(Self {
            transport: builder.build(),
            connections: Arc::new(Semaphore::new(CONNECTIONS)),
            settings,
            dkim,
        })
    }

    pub fn settings(&self) -> &SmtpSettings {
        &self.settings
    }

    /// Sends `letter` and answers the server's reply.
    pub async fn send(&self, letter: &Letter) -> Result<Sent, SendError> {
        let mut message = letter.build(&self.settings.from).map_err(|e| SendError {
            permanent: true,
            message: e.to_string(),
        })?;
        if let Some(dkim) = &self.dkim {
            message.sign(dkim);
        }
        // Never closed, so a permit always comes.
        let _connection = self.connections.acquire().await.ok();
        match self.transport.send(message).await {
            Ok(response) => {
                let lines: Vec<&str> = response.message().collect();
                Ok(Sent {
                    reply: format!("{} {}", response.code(), lines.join(" ")),
                })
            }
            Err(e) => Err(SendError {
                permanent: e.is_permanent(),
                message: describe(&e),
            }),
        }
    }
}

/// The error and its causes on one line: lettre's own message is often
/// only "Connection error".
fn describe(e: &lettre::transport::smtp::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_senders() {
        let s = SmtpSettings::parse("smtp://127.0.0.1:2525", "blog@example.org").unwrap();
        assert_eq!(
            (s.server(), s.implicit_tls),
            ("127.0.0.1:2525".into(), false)
        );
        let s = SmtpSettings::parse(
            "smtps://me%40example.org:p%3Ass@smtp.example.org",
            "My Blog <blog@example.org>",
        )
        .unwrap();
        assert_eq!(s.server(), "smtp.example.org:465");
        assert!(s.implicit_tls);
        assert_eq!(
            s.credentials,
            Some(("me@example.org".into(), "p:ss".into()))
        );
        assert!(!format!("{s:?}").contains("p:ss"), "no password in logs");
        for (url, from) in [
            ("http://example.org", "a@example.org"),
            ("smtp://", "a@example.org"),
            ("not a url", "a@example.org"),
            ("smtp://example.org", "not an address"),
            ("smtp://example.org", "a@example.org\r\nBcc: b@example.org"),
        ] {
            assert!(SmtpSettings::parse(url, from).is_err(), "{url} {from}");
        }
    }
}
