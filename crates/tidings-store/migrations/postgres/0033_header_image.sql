-- The picture at the top of a blog's pages (Blogger's Header image): its
-- address (empty for none), whether it sits behind the title or instead of
-- it, its size when known (0 when not), and its copies as a srcset when it
-- is one of the blog's uploads.
ALTER TABLE blogs ADD COLUMN header_image TEXT NOT NULL DEFAULT '';
ALTER TABLE blogs ADD COLUMN header_image_placement TEXT NOT NULL DEFAULT 'behind';
ALTER TABLE blogs ADD COLUMN header_image_width BIGINT NOT NULL DEFAULT 0;
ALTER TABLE blogs ADD COLUMN header_image_height BIGINT NOT NULL DEFAULT 0;
ALTER TABLE blogs ADD COLUMN header_image_srcset TEXT NOT NULL DEFAULT '';
