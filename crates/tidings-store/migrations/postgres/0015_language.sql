-- The blog's language (issue 16): a BCP 47 tag, tidied by
-- `tidings_core::parse_language`, that reader pages, dates and feeds follow.
ALTER TABLE blogs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
