-- Fixed-window request counters for abuse limits (API calls per token,
-- comments per post), shared by every node.
CREATE TABLE rate_counters (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
