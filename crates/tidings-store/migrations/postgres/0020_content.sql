-- What list pages show of a post with a jump break (`<!--more-->`,
-- Blogger's `<a name="more">`): the sanitised HTML before it, cut when the
-- post is saved or imported so list pages parse nothing; empty for a post
-- without one, which lists show whole.
ALTER TABLE posts ADD COLUMN teaser_html TEXT NOT NULL DEFAULT '';

-- Whether feeds carry whole posts (`full`) or stop at the jump break
-- (`until_break`), as Blogger's "Allow blog feed" (BLOG_POST_FEED) does.
ALTER TABLE blogs ADD COLUMN feed_content TEXT NOT NULL DEFAULT 'full';

-- An imported comment's own markup within the comment allowlist
-- (`tidings_render::comment_markup`), shown instead of its plain text; empty
-- for every comment written here, which stays plain text.
ALTER TABLE comments ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
