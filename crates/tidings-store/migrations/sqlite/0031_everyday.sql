-- Comments by the blog's own people (signed in when they wrote it, or
-- replying from the queue) name the member, so their pages mark them as
-- the author's. NULL: a reader's.
ALTER TABLE comments ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE SET NULL;
-- First-time moderation asks whether a name and address already have a
-- published comment on the blog.
CREATE INDEX comments_commenter ON comments (blog_id, author_name);

-- The blog's icon in browser tabs: an address or a path on the blog (an
-- upload's); empty for the built-in one.
ALTER TABLE blogs ADD COLUMN favicon TEXT NOT NULL DEFAULT '';
