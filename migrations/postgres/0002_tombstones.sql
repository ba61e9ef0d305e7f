-- What must not be recorded again, whoever replays it (a restart's backfill, a resumed
-- gateway, a second process on this database):
-- * kind 'member': a member who ran `privacy forget-me`. `tag` is a keyed hash of the
--   platform member id (HMAC with the secret kept outside this database, as anonymous
--   ballots use), so the row names nobody; `at` is the time of the request. Messages and
--   votes from before `at` are skipped; what the member does afterwards is theirs again.
-- * kind 'message': a message deleted before it was recorded (a deletion overtook its
--   message). `tag` is 'platform:message-id'; when the message turns up it is recorded as
--   deleted. Kept for a week.
CREATE TABLE tombstones (
    kind TEXT    NOT NULL CHECK (kind IN ('member', 'message')),
    tag  TEXT    NOT NULL,
    at   BIGINT NOT NULL,
    PRIMARY KEY (kind, tag)
);
