-- The static archives written of each group: the same table as
-- migrations/sqlite/0005_archive.sql, with PostgreSQL's types.
CREATE TABLE archives (
    group_id BIGINT  NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    dir      TEXT    NOT NULL,
    built_at BIGINT  NOT NULL,
    stale    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (group_id, dir)
);
