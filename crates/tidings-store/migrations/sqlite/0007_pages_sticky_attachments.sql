-- What WordPress exports carry beyond posts and comments.

-- Page hierarchy and menu order: the sidebar lists pages by `menu_order`,
-- children under their parent. A deleted parent leaves its children at the top.
ALTER TABLE posts ADD COLUMN parent_id BIGINT REFERENCES posts (id) ON DELETE SET NULL;
ALTER TABLE posts ADD COLUMN menu_order BIGINT NOT NULL DEFAULT 0;
-- 1: shown first on page 1 of the home page, as WordPress does.
ALTER TABLE posts ADD COLUMN sticky BIGINT NOT NULL DEFAULT 0;
CREATE INDEX posts_sticky ON posts (blog_id, published_at) WHERE sticky = 1;

-- Files an imported blog had (WordPress attachments): where they were, and,
-- once `tidings import wordpress --fetch-media` copied one into the data
-- directory, the path it is served at (`/media/2011/07/img.jpg`).
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    post_id BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    mime_type TEXT,
    uploaded_at BIGINT NOT NULL,
    local_path TEXT,
    UNIQUE (blog_id, local_path)
);
CREATE INDEX attachments_blog ON attachments (blog_id, id);
