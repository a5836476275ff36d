-- Pictures uploaded to a blog (SPEC section 9): one row per upload, what
-- the editor, the API and the rendering of posts ask about.
CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    -- Where the original is served (`/media/u/NAME.jpg`), a name we chose.
    path TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    -- The original's size, as stored.
    bytes BIGINT NOT NULL,
    alt TEXT NOT NULL DEFAULT '',
    owner_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (blog_id, path)
);
CREATE INDEX media_blog ON media (blog_id, id);

-- Every file an upload is served as: the original and each narrower copy
-- (variant = 1), so `/media/…` finds any of them by path in one look-up.
CREATE TABLE media_files (
    id INTEGER PRIMARY KEY,
    media_id BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    blog_id BIGINT NOT NULL,
    path TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    variant BIGINT NOT NULL,
    UNIQUE (blog_id, path)
);
CREATE INDEX media_files_media ON media_files (media_id);

-- The bytes of files kept in the database (PostgreSQL's default store), in
-- pieces of 256 KiB, so no statement ever carries a whole large file.
CREATE TABLE media_chunks (
    file_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (file_key, seq)
);

-- How much a blog may keep, in MiB, counting every file of every upload.
ALTER TABLE blogs ADD COLUMN media_quota_mib BIGINT NOT NULL DEFAULT 2048;
