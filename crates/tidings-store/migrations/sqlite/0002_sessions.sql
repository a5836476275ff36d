-- Sign-in: server-side sessions, failed attempts (for throttling across
-- nodes), and the one-time link that creates the first admin.

CREATE TABLE sessions (
    -- SHA-256 of the cookie's secret: a stolen database holds no live session.
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE signin_failures (
    id INTEGER PRIMARY KEY,
    ip TEXT NOT NULL,
    email TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX signin_failures_ip ON signin_failures (ip, at);
CREATE INDEX signin_failures_email ON signin_failures (email, at);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
