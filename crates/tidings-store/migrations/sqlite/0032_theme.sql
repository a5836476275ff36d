-- The theme a blog's public pages are drawn with: the name of a directory
-- under DATA_DIR/themes; empty for the built-in theme.
ALTER TABLE blogs ADD COLUMN theme TEXT NOT NULL DEFAULT '';
