//! `tidings mail test ADDRESS`: one mail through the configured server,
//! sent at once (not queued), and the server's reply printed, so the
//! operator sees whether the settings work before anything depends on them.

use anyhow::Context;
use tidings_app::mail::{Letter, Mailer};

use crate::cli::MailTestArgs;

pub async fn test(args: MailTestArgs) -> anyhow::Result<()> {
    let settings = args.mail.settings()?.context(
        "mail is off: give --smtp-url and --mail-from (or TIDINGS_SMTP_URL and TIDINGS_MAIL_FROM)",
    )?;
    let address = args.address.trim();
    if !tidings_app::mail::is_address(address) {
        anyhow::bail!("{address:?} is not an email address");
    }
    let server = settings.server();
    let mailer = Mailer::new(settings)?;
    let letter = Letter {
        to: address.to_owned(),
        to_name: None,
        subject: "A test mail from Tidings".into(),
        text: format!(
            "This mail was sent by `tidings mail test` through {server}.\n\
             If you read it, Tidings can send mail: held comments and password resets.\n"
        ),
        html: None,
        list_unsubscribe: None,
    };
    let sent = mailer
        .send(&letter)
        .await
        .with_context(|| format!("{server} did not take the mail"))?;
    println!("sent to {address} through {server}: {}", sent.reply);
    Ok(())
}
