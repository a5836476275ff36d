-- Addresses from which a user has signed in (an IPv4 address, or the /64 of
-- an IPv6 one): the per-account sign-in limit does not lock them out, so the
-- owner keeps a way in while their account is being guessed at.
CREATE TABLE signin_addresses (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, address)
);

-- Failures older than every window are deleted as attempts arrive.
CREATE INDEX signin_failures_at ON signin_failures (at);
