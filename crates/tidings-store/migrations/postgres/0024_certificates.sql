-- Automatic HTTPS. One row per blog host: its certificate and key (PEM,
-- NULL until the first order succeeds), when the next order is due (the
-- first at once, a renewal well before expiry, a retry after a failure),
-- and the node ordering it now and until when no other node may (a lease,
-- like the outbox's). Every node serves the certificates kept here.
CREATE TABLE tls_certificates (
    host TEXT PRIMARY KEY,
    cert_pem TEXT,
    key_pem TEXT,
    not_after BIGINT,
    due_at BIGINT NOT NULL,
    failures BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_by TEXT,
    claimed_until BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX tls_certificates_due ON tls_certificates (due_at);
CREATE INDEX tls_certificates_updated ON tls_certificates (updated_at);

-- The ACME account of each directory, made once and shared by every node.
CREATE TABLE acme_accounts (
    directory TEXT PRIMARY KEY,
    credentials TEXT NOT NULL
);

-- HTTP-01 challenges being answered: the token's key authorization, so
-- whichever node the CA reaches answers it.
CREATE TABLE acme_challenges (
    token TEXT PRIMARY KEY,
    answer TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
