"""Checks the DKIM signature of one message against a public key given
directly, without DNS (crates/tidings/tests/it/mail_posts.rs).

    python3 tests/dkim_verify.py MESSAGE_FILE PUBLIC_KEY_PEM

PUBLIC_KEY_PEM is what `openssl rsa -pubout` writes; its base64 body is the
`p=` of the TXT record receivers would find. Prints the name receivers would
look the key up at and "verified", or "failed" and exits 1.
"""

import sys

import dkim

message = open(sys.argv[1], "rb").read()
body = "".join(
    line.strip()
    for line in open(sys.argv[2], encoding="ascii")
    if line.strip() and not line.startswith("-----")
)
record = ("v=DKIM1; k=rsa; p=" + body).encode()
asked = []


def txt(name, timeout=5):
    asked.append(name.decode() if isinstance(name, bytes) else name)
    return record


ok = dkim.verify(message, dnsfunc=txt)
print("looked up:", " ".join(asked))
print("verified" if ok else "failed")
sys.exit(0 if ok else 1)
