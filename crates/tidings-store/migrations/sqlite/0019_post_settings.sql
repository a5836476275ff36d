-- What each post does with comments: `open` takes them, `closed` shows
-- those it has and takes no more, `hidden` shows none and takes none; and
-- what a new post takes unless its author says otherwise.
ALTER TABLE posts ADD COLUMN comments TEXT NOT NULL DEFAULT 'open';
ALTER TABLE blogs ADD COLUMN default_comments TEXT NOT NULL DEFAULT 'open';

-- Pages showed a comment form only once they had comments; as WordPress
-- does, a page takes none unless its author opens it.
UPDATE posts SET comments = 'closed' WHERE kind = 'page';

-- A password-protected post: the Argon2id hash of the password readers
-- give to read it (NULL: anyone may). Its page, comments, feed entries,
-- search results and sitemap line stay hidden without it.
ALTER TABLE posts ADD COLUMN password_hash TEXT;

-- The trash: a deleted post keeps its row with status `trash`, when it was
-- deleted, and the status it had, so it can be restored (readers' queries
-- all ask for `published`, so it is gone from every page at once). A
-- periodic task removes it for good 30 days later.
ALTER TABLE posts ADD COLUMN trashed_at BIGINT;
ALTER TABLE posts ADD COLUMN trashed_from TEXT;
