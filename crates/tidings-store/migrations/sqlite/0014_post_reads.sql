-- What every list page reads of a post, made cheap to read.
--
-- Each post keeps how many published comments it has, updated in the
-- transaction that publishes, moderates or imports one
-- (`comments::recount`): list pages counted them per post in a subquery.
-- (PostgreSQL also stores bodies uncompressed from here on; SQLite never
-- compresses them.)
ALTER TABLE posts ADD COLUMN comment_count BIGINT NOT NULL DEFAULT 0;
UPDATE posts SET comment_count = (SELECT COUNT(*) FROM comments c
    WHERE c.post_id = posts.id AND c.status = 'published');
