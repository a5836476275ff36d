//! One mail as the use cases write it, and the message lettre builds of it.

use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
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
    /// The one-click way out of a list (RFC 8058): an `https` URL that a
    /// `POST` of `List-Unsubscribe=One-Click` ends the subscription at.
    pub list_unsubscribe: Option<String>,
}

/// `List-Unsubscribe: <URL>`, with the `List-Unsubscribe-Post` that says a
/// POST to it is enough (RFC 8058), so mail clients show their own button.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

#[derive(Debug, Clone)]
struct ListUnsubscribePost;

type HeaderError = Box<dyn std::error::Error + Send + Sync>;

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, HeaderError> {
        Ok(Self(s.trim_matches(['<', '>']).to_owned()))
    }

    fn display(&self) -> HeaderValue {
        // Our own URL, checked to be printable ASCII without spaces, so it
        // goes out as written (an encoder would fold or encode it).
        let value = format!("<{}>", self.0);
        HeaderValue::dangerous_new_pre_encoded(Self::name(), value.clone(), value)
    }
}

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, HeaderError> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
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
        let builder = match self.list_unsubscribe.as_deref() {
            None => builder,
            Some(url) if url.chars().all(|c| c.is_ascii_graphic() && c != '>') => builder
                .header(ListUnsubscribe(url.to_owned()))
                .header(ListUnsubscribePost),
            Some(url) => {
                return Err(MailError::Build(format!(
                    "{url:?} is not a URL for a header"
                )));
            }
        };
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
            list_unsubscribe: None,
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
    fn a_list_says_how_to_leave_it_in_one_click() {
        let from: Mailbox = "blog@example.org".parse().unwrap();
        let mut letter = Letter {
            to: "reader@example.org".into(),
            to_name: None,
            subject: "New post".into(),
            text: "t".into(),
            html: Some("<p>t</p>".into()),
            list_unsubscribe: Some("https://blog.example.org/unsubscribe?token=1.0.2.ab".into()),
        };
        let lines = headers(&letter.build(&from).unwrap());
        assert!(lines.contains(
            &"List-Unsubscribe: <https://blog.example.org/unsubscribe?token=1.0.2.ab>".to_owned()
        ));
        assert!(lines.contains(&"List-Unsubscribe-Post: List-Unsubscribe=One-Click".to_owned()));
        letter.list_unsubscribe = Some("https://x>\r\nBcc: a@example.org".into());
        assert!(letter.build(&from).is_err());
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
                list_unsubscribe: None,
            };
            assert!(letter.build(&from).is_err(), "{to:?}");
        }
        assert!(crate::is_address("a@example.org"));
        assert!(!crate::is_address("a@example.org>"));
    }
}
