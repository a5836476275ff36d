-- What each post does with comments: `open` takes them, `closed` shows
-- those it has and takes no more, `hidden` shows none and takes none; and
-- what a new post takes unless its author says otherwise.
ALTER TABLE posts ADD COLUMN comments TEXT NOT NULL DEFAULT 'open';
ALTER TABLE blogs ADD COLUMN default_comments TEXT NOT NULL DEFAULT 'open';

-- Pages showed a comment form only once they had comments; as WordPress
-- does, a page takes none unless its author opens it.
UPDATE posts SET comments = 'closed' WHERE kind = 'page';
