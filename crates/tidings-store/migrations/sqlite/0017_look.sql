-- The blog's look (issue 18): the sidebar's gadgets and the owner's CSS.

-- The sidebar of a blog whose owner saved a layout, in order. A blog that
-- never saved one (`layout_saved` 0) shows the default sidebar, made in
-- code, so every blog, old or new, has one without rows of its own.
-- `kind` is a gadget type; `settings` its settings as JSON, checked by
-- `tidings_core::gadget` before they are stored.
CREATE TABLE gadgets (
    id INTEGER PRIMARY KEY,
    blog_id BIGINT NOT NULL REFERENCES blogs (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    settings TEXT NOT NULL,
    UNIQUE (blog_id, position)
);
ALTER TABLE blogs ADD COLUMN layout_saved BIGINT NOT NULL DEFAULT 0;

-- The owner's stylesheet, served after the theme's under a name made of
-- `custom_css_hash` (empty with no CSS), so readers' browsers keep it
-- until it changes.
ALTER TABLE blogs ADD COLUMN custom_css TEXT NOT NULL DEFAULT '';
ALTER TABLE blogs ADD COLUMN custom_css_hash TEXT NOT NULL DEFAULT '';
