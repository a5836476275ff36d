-- The blog's language (issue 16): a BCP 47 tag, tidied by
-- `tidings_core::parse_language`, that reader pages, dates and feeds follow.
ALTER TABLE blogs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- What `/robots.txt` says instead of the built-in rules (Blogger's custom
-- robots.txt comes here); empty for the built-in ones.
ALTER TABLE blogs ADD COLUMN robots_txt TEXT NOT NULL DEFAULT '';

-- A post's own description for search results and link previews (empty:
-- its summary), and whether search engines are asked not to index it.
ALTER TABLE posts ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN noindex BIGINT NOT NULL DEFAULT 0;
