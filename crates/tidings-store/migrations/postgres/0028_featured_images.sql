-- A post's featured image (WordPress's `_thumbnail_id`): the picture's
-- address (a path on the blog or a web address; empty for none), and the
-- `<img>` its page shows, made when the post is saved as the body's
-- pictures are (responsive when it is an upload).
ALTER TABLE posts ADD COLUMN featured_image TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN featured_image_html TEXT NOT NULL DEFAULT '';
