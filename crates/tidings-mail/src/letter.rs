//! One mail as the use cases write it, and the message lettre builds of it.

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};

use crate::MailError;

/// A mail to one person: plain text, with an HTML part when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// The address it goes to.
    pub to: String,
    /// Their name, as the `To` header shows it.
    pub to_name: Option<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

/// A control character (CR and LF above all) never reaches a header: it
/// becomes a space, so a name or subject reads as one line wherever it is
/// shown. (lettre would encode it safely; a mail reader would show it oddly.)
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A fresh `Message-ID` in our sender's domain (lettre's default names the
/// machine, or `localhost`).
fn message_id(domain: &str) -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS random source is available");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}@{domain}>")
}

impl Letter {
    /// The message, from `from`, every header made by lettre's builders.
    pub fn build(&self, from: &Mailbox) -> Result<Message, MailError> {
        let address = self
            .to
            .trim()
            .parse()
            .map_err(|_| MailError::Address(self.to.clone()))?;
        let name = self
            .to_name
            .as_deref()
            .map(one_line)
            .filter(|n| !n.is_empty());
        let builder = Message::builder()
            .from(from.clone())
            .to(Mailbox::new(name, address))
            .subject(one_line(&self.subject))
            .message_id(Some(message_id(from.email.domain())))
            .date_now();
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(self.text.clone());
        let built = match &self.html {
            None => builder.singlepart(text),
            Some(html) => builder.multipart(
                MultiPart::alternative().singlepart(text).singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html.clone()),
                ),
            ),
        };
        built.map_err(|e| MailError::Build(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(message: &Message) -> Vec<String> {
        let bytes = String::from_utf8(message.formatted()).unwrap();
        let (head, _) = bytes.split_once("\r\n\r\n").unwrap();
        head.split("\r\n").map(str::to_owned).collect()
    }

    #[test]
    fn no_header_can_be_spliced_in() {
        let from: Mailbox = "Blog <blog@example.org>".parse().unwrap();
        let letter = Letter {
            to: "owner@example.org".into(),
            to_name: Some("Eve\r\nBcc: victim@example.net".into()),
            subject: "Hello\r\nBcc: victim@example.net\nX-Evil: 1".into(),
            text: "Body\r\n.\r\nMAIL FROM:<x@example.net>".into(),
            html: None,
        };
        let message = letter.build(&from).unwrap();
        let lines = headers(&message);
        assert!(
            !lines
                .iter()
                .any(|l| l.starts_with("Bcc") || l.starts_with("X-Evil")),
            "{lines:#?}"
        );
        let to: Vec<_> = message
            .envelope()
            .to()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(to, ["owner@example.org"], "one recipient");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Subject: Hello  Bcc: victim"))
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        let from: Mailbox = "blog@example.org".parse().unwrap();
        for to in [
            "",
            "no-at-sign",
            "a@b@c",
            "a@example.org\r\nBcc: b@example.org",
            "<a@example.org>",
        ] {
            let letter = Letter {
                to: to.into(),
                to_name: None,
                subject: "s".into(),
                text: "t".into(),
                html: None,
            };
            assert!(letter.build(&from).is_err(), "{to:?}");
        }
        assert!(crate::is_address("a@example.org"));
        assert!(!crate::is_address("a@example.org>"));
    }
}
