-- Leases: something one process holds for a while when several share this database (a
-- Matrix bot account, a Discord shard). The holder renews its lease well before it runs
-- out; another process may take it only once it has run out (its holder died or stopped).
-- `detail` says what the holder runs (e.g. the shard total), for the message a refused
-- process prints.
CREATE TABLE leases (
    name       TEXT   NOT NULL PRIMARY KEY,
    holder     TEXT   NOT NULL,
    detail     TEXT   NOT NULL DEFAULT '',
    expires_at BIGINT NOT NULL
);
