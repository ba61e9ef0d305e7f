-- Opinion maps and deliberation reports (issue 17). Written to port to PostgreSQL as is.

-- Claims members propose for the group to vote on. A facilitator approves (possibly
-- editing the text) or rejects each; an approved claim becomes a vote card (a poll with
-- the agree / disagree / pass scale, `poll_id`). A rejected claim stays here for the
-- record and appears nowhere else. `normalized` is the text lower-cased with punctuation
-- and extra spaces removed: the same words twice in a session are refused.
CREATE TABLE member_claims (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    member_key  TEXT    REFERENCES members(key) ON DELETE SET NULL,
    text        TEXT    NOT NULL,
    normalized  TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    poll_id     INTEGER REFERENCES polls(id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
CREATE UNIQUE INDEX member_claims_once ON member_claims(session_id, normalized) WHERE status <> 'rejected';
CREATE INDEX member_claims_queue ON member_claims(group_id, status, id);

-- The scope of an anonymous poll's voter keys ('reading:7', 'session:12'): the same member
-- gets the same key on every anonymous poll of one reading (or live session), so the
-- opinion map can place them across claims without knowing who they are. Polls without a
-- row key their voters per pre/post pair, as before.
CREATE TABLE poll_voter_scopes (
    poll_id INTEGER PRIMARY KEY REFERENCES polls(id) ON DELETE CASCADE,
    scope   TEXT    NOT NULL
);

-- Quiz questions (`quiz add`): a poll whose right answer is known (0-based option index).
CREATE TABLE quiz_answers (
    poll_id INTEGER PRIMARY KEY REFERENCES polls(id) ON DELETE CASCADE,
    answer  INTEGER NOT NULL CHECK (answer >= 0)
);
