-- A post's "don't mail this one" switch: 0 when its author asked that
-- Follow by Email's subscribers not be mailed it. Read when the post first
-- shows (the mailing its first publishing save queued is then closed
-- unsent); later saves never mail a post either way.
ALTER TABLE posts ADD COLUMN mail_subscribers BIGINT NOT NULL DEFAULT 1;
