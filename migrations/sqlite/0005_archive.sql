-- The static archives written of each group (`colloquy archive`, or the scheduler when
-- `[archive] dir` is set): one row per group and output folder. `built_at` is when it
-- was last written; `stale` is set when something the archive showed must go (a member
-- ran `privacy forget-me`), so the next run rewrites every file and removes the rest.
CREATE TABLE archives (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    dir      TEXT    NOT NULL,
    built_at INTEGER NOT NULL,
    stale    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, dir)
);
