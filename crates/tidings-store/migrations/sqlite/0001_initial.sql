-- Times are BIGINT microseconds since the Unix epoch (UTC) on both backends, so
-- ordering and comparison are plain integer operations everywhere.

CREATE TABLE blogs (
    id INTEGER PRIMARY KEY,
    host TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL DEFAULT 'UTC',
    posts_per_page BIGINT NOT NULL DEFAULT 7,
    comments_allowed TEXT NOT NULL DEFAULT 'anyone',
    comment_moderation TEXT NOT NULL DEFAULT 'never',
    moderation_days BIGINT NOT NULL DEFAULT 14,
    comment_min_seconds BIGINT NOT NULL DEFAULT 3,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- When anything readers can see last changed (posts, comments, settings):
    -- feeds' Last-Modified, and later the render cache's version.
    changed_at BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (blog_id, user_id)
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    path TEXT NOT NULL,
    body_markdown TEXT,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    UNIQUE (blog_id, path)
);
CREATE INDEX posts_listing ON posts (blog_id, kind, status, published_at);

CREATE TABLE post_labels (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    PRIMARY KEY (post_id, label)
);
CREATE INDEX post_labels_label ON post_labels (label, post_id);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES comments (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    author_email TEXT,
    author_url TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    hold_reasons TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX comments_post ON comments (post_id, status, created_at);
CREATE INDEX comments_blog ON comments (blog_id, status, created_at);
CREATE INDEX comments_ip ON comments (ip, created_at);

CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text index of posts, kept in step by the store (see dialect.rs).
CREATE VIRTUAL TABLE posts_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
