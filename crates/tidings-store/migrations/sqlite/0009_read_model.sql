-- What public pages read, made cheap.
--
-- The archive sidebar groups visible posts by the month in their path: with
-- the path in the listing index, that is a scan of the index alone, never
-- of the posts' rows with their bodies. The new index serves every query the
-- old one did.
CREATE INDEX posts_listing_paths ON posts (blog_id, kind, status, published_at, path);
DROP INDEX posts_listing;

-- The sidebar's archive and label counts, kept per blog as WordPress keeps
-- its term counts: computed by the first reader after a change, valid while
-- `changed_at` equals the blog's (every write moves it) and until
-- `valid_until`, the next scheduled post's time. Lines of "COUNT<TAB>KEY":
-- months as YYYY/MM, labels as they are (labels hold no newline).
CREATE TABLE blog_sidebars (
    blog_id BIGINT PRIMARY KEY REFERENCES blogs (id) ON DELETE CASCADE,
    changed_at BIGINT NOT NULL,
    valid_until BIGINT,
    months TEXT NOT NULL,
    labels TEXT NOT NULL
);
