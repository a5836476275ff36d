"""A real SMTP server for the integration tests (crates/tidings/tests/it/mail.rs).

    python3 tests/smtp_sink.py PORT DIR [DELAY]

Listens on 127.0.0.1:PORT (aiosmtpd), prints "ready" once it does, and writes
each message it takes to DIR as a JSON file: the envelope's recipients, the
headers, the plain-text body decoded, and the raw message. With DELAY (in
seconds) it waits that long after a message's data arrives before it keeps it
and answers: a slow mail server, so a sender can be stopped mid-send.
"""

import asyncio
import email
import email.policy
import itertools
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, out, delay):
        self.out = out
        self.delay = delay
        self.count = itertools.count()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        kept = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": [[k, str(v)] for k, v in message.items()],
            "subject": str(message.get("Subject", "")),
            "to": str(message.get("To", "")),
            "text": body.get_content() if body is not None else "",
            "raw": raw.decode("utf-8", "replace"),
        }
        name = "%d-%06d.json" % (os.getpid(), next(self.count))
        tmp = os.path.join(self.out, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(kept, f)
        os.rename(tmp, os.path.join(self.out, name))
        return "250 OK: kept as " + name


async def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    os.makedirs(out, exist_ok=True)
    loop = asyncio.get_running_loop()
    # One handler for every connection: its count names the files.
    sink = Sink(out, delay)
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.test"), "127.0.0.1", port
    )
    print("ready", flush=True)
    await server.serve_forever()


asyncio.run(main())
