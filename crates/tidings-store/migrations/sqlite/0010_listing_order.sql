-- Lists order posts by time, then by id (so two posts of one instant always
-- come in one order). With the path between the time and the id in the
-- listing index, SQLite sorted each run of equal times in a temporary b-tree
-- for every list page; the id now follows the time, and the path stays in
-- the index for the archive counts. The new index serves every query the
-- old one did.
CREATE INDEX posts_listing_order ON posts (blog_id, kind, status, published_at, id, path);
DROP INDEX posts_listing_paths;

-- Sticky posts (page 1 of the home page) get the same columns in their
-- partial index: with only (blog_id, published_at) SQLite preferred the
-- listing index above and read every visible post's row to find the few
-- sticky ones (1.3 ms of each home page of a 1,000-post blog).
CREATE INDEX posts_sticky_listing ON posts (blog_id, kind, status, published_at, id)
    WHERE sticky = 1;
DROP INDEX posts_sticky;
