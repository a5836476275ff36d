-- Lists order posts by time, then by id (so two posts of one instant always
-- come in one order). With the path between the time and the id in the
-- listing index, SQLite sorted each run of equal times in a temporary b-tree
-- for every list page; the id now follows the time, and the path stays in
-- the index for the archive counts. The new index serves every query the
-- old one did.
CREATE INDEX posts_listing_order ON posts (blog_id, kind, status, published_at, id, path);
DROP INDEX posts_listing_paths;
