-- Search in the blog's language. Words of scripts written without spaces
-- (Chinese, Japanese, Thai) and Korean's are indexed as overlapping pairs of
-- characters, which the store makes (`posts/words.rs`), so a word inside a
-- sentence is found; Porter's stemmer finds "lighthouses" for
-- "lighthouse"; marks (Devanagari's and Thai's vowel signs) stay inside
-- their words.
DROP TABLE posts_fts;
CREATE VIRTUAL TABLE posts_fts USING fts5 (
    title, body,
    tokenize = 'porter unicode61 remove_diacritics 2 categories ''L* N* Co M*'''
);

-- Posts whose index entry the store must write (again): all of them now,
-- written by the store as it opens (`posts/reindex.rs`).
CREATE TABLE search_stale (
    post_id INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE
);
INSERT INTO search_stale (post_id) SELECT id FROM posts;

-- The posts anyone may find: search walks this index newest first, so a
-- protected post is passed over before the LIMIT, never after it (a page
-- of hits showed fewer than 20 when some matches were protected). The
-- hash's column (NULL in every entry) makes it cover the walk's test.
CREATE INDEX posts_findable ON posts (blog_id, kind, status, published_at, id, password_hash)
    WHERE password_hash IS NULL;

-- The picture a shared link shows for a post without one (`og:image`):
-- an address or a path on the blog; empty for none.
ALTER TABLE blogs ADD COLUMN share_image TEXT NOT NULL DEFAULT '';
