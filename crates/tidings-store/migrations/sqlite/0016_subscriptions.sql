-- Mail readers ask for (issue 17, slice 2): replies to a comment, and every
-- new post (Follow by Email); and a member's choice not to be mailed held
-- comments.

-- A commenter who asked to be told of replies to their comment. Mail goes
-- out only once the address is confirmed, and stops when it is stopped.
CREATE TABLE reply_watches (
    comment_id BIGINT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    stopped_at BIGINT
);

-- Follow by Email: one row per blog and address, whatever became of it, so
-- a second request within a day mails no second confirmation.
-- `state` is pending, confirmed or unsubscribed.
CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- When the latest confirmation mail was queued.
    asked_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    ended_at BIGINT,
    UNIQUE (blog_id, email)
);
CREATE INDEX subscribers_confirmed ON subscribers (blog_id, id) WHERE state = 'confirmed';

-- A post to mail to the subscribers: written when a post is first published
-- through the editor or the API (never for imports), and walked by the
-- senders a batch of subscribers at a time (`last_subscriber`), so no
-- transaction holds ten thousand rows. `cutoff`: who had confirmed by then.
CREATE TABLE post_mailings (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    due_at BIGINT NOT NULL,
    last_subscriber BIGINT,
    finished_at BIGINT
);
CREATE INDEX post_mailings_due ON post_mailings (due_at) WHERE finished_at IS NULL;

-- A member may turn off the mail held comments send them (1: mailed).
ALTER TABLE memberships ADD COLUMN mail_held_comments BIGINT NOT NULL DEFAULT 1;
