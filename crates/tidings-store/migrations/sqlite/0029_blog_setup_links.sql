-- A setup link may belong to one blog (a blog added without an owner, or
-- for an owner with no account yet), and then to one address: it makes
-- that blog's first admin, while the blog has none. Links of the first
-- run name no blog, and work while no blog has an admin.
ALTER TABLE setup_tokens ADD COLUMN blog_id BIGINT REFERENCES blogs (id) ON DELETE CASCADE;
ALTER TABLE setup_tokens ADD COLUMN email TEXT;
