-- The spam filter that learns (tidings_core::spam): what each blog's owner
-- has taught it, kept in the database so every node judges alike.

-- Per blog and token, how many comments the owner marked spam or approved
-- that held the token. The row whose token is '' (never a real token) counts
-- the trained comments themselves.
CREATE TABLE spam_tokens (
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    token TEXT NOT NULL,
    spam BIGINT NOT NULL DEFAULT 0,
    ham BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (blog_id, token)
);

-- Which comments trained the filter, as what, with exactly the tokens that
-- were counted: changing a decision takes those back out even if the
-- tokenizer has changed since.
CREATE TABLE spam_trained (
    comment_id BIGINT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    tokens TEXT NOT NULL
);
