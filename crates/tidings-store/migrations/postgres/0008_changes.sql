-- The change log: one row per write that changes what readers see, so every
-- node (and a server beside a CLI import) can drop exactly the cached pages
-- that write made stale. `scope` is `blog` (anything on the blog: settings,
-- an import), `post` (a post's content or the lists it is in) or `comments`
-- (the comments of `post_id`). Rows are pruned after a day.
CREATE TABLE changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    blog_id BIGINT NOT NULL,
    scope TEXT NOT NULL,
    post_id BIGINT,
    at BIGINT NOT NULL
);
