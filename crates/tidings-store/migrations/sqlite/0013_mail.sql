-- Outgoing mail, queued in the transaction of the event that causes it (a
-- held comment, a password reset), sent by whichever node claims it first.
-- A row names what to say (`kind` about `subject_id`); the words and links
-- are written when it is sent.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    -- One message per recipient per event: the same event queued twice
    -- (a retried transaction, two nodes) mails nobody twice.
    event TEXT NOT NULL,
    recipient TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- The node sending it, and until when no other node may take it.
    claimed_by TEXT,
    claimed_until BIGINT,
    sent_at BIGINT,
    given_up_at BIGINT,
    last_error TEXT,
    UNIQUE (event, recipient)
);
CREATE INDEX outbox_due ON outbox (due_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
