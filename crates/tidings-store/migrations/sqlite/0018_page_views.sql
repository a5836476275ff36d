-- Page views (the Stats page, Popular Posts): counts only. A row is a post
-- and a day on the blog's calendar (days since 1970-01-01), so nothing here
-- can tell one reader from another: no address, no cookie, no user agent.
-- Every node adds its own counts into the same row (an UPSERT that adds).
CREATE TABLE post_views (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    day BIGINT NOT NULL,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    -- Views by readers, and apart, by clients naming themselves robots.
    views BIGINT NOT NULL DEFAULT 0,
    bot_views BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, day)
);
CREATE INDEX post_views_by_blog ON post_views (blog_id, day);

-- The other sites readers came from, by host alone, per blog and day.
CREATE TABLE referrer_views (
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    day BIGINT NOT NULL,
    host TEXT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (blog_id, day, host)
);
