-- A post's earlier versions: each save that changes its title, body or
-- labels keeps what they were before, with who saved them and when, so an
-- author can see what changed and restore one. The newest 50 per post are
-- kept.
CREATE TABLE post_revisions (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- The body as its author wrote it: Markdown, or HTML when `markdown` is 0.
    body TEXT NOT NULL,
    markdown BIGINT NOT NULL,
    -- Joined as `posts.labels` joins them.
    labels TEXT NOT NULL,
    -- When that version was saved, and by whom (a name, kept when the
    -- account goes).
    saved_at BIGINT NOT NULL,
    saved_by TEXT NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);

-- Who saved a post's current version; NULL: its author (imports, and posts
-- saved before revisions were kept).
ALTER TABLE posts ADD COLUMN saved_by TEXT;
