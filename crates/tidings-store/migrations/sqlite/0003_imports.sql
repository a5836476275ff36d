-- Moving in: what an import must remember so that old links keep working and
-- importing the same file again adds nothing.

-- Old addresses (a WordPress permalink path, `/?p=12`) that answer 301 with
-- the current path of a post. `old_path` is the path with its query, if any.
CREATE TABLE redirects (
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    old_path TEXT NOT NULL,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    PRIMARY KEY (blog_id, old_path)
);

-- Which post or comment an item of an export became: `source` is the format
-- (`blogger`, `wordpress`, `tidings`, `markdown`), `external_id` the item's id
-- there. A second import of the same item finds it here and adds nothing. The
-- row outlives a deleted post on purpose: a re-import does not resurrect it.
CREATE TABLE imported_items (
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    local_id BIGINT NOT NULL,
    PRIMARY KEY (blog_id, source, kind, external_id)
);
