-- colloquy's schema. Times are milliseconds since the Unix epoch (UTC); local dates are
-- 'YYYY-MM-DD' in the group's time zone. Platform ids are text tagged with their
-- platform ('discord:123', 'matrix:@alice:example.org'). Idempotency lives here, in
-- unique constraints: a replayed event or a second instance cannot duplicate a row.

-- A reading group, bound to one channel (Discord), room (Matrix) or console.
CREATE TABLE groups (
    id            INTEGER PRIMARY KEY,
    channel       TEXT    NOT NULL UNIQUE,
    platform      TEXT    NOT NULL,
    name          TEXT,
    time_zone     TEXT    NOT NULL DEFAULT 'UTC',
    post_time     TEXT    NOT NULL DEFAULT '09:00',
    days          TEXT    NOT NULL DEFAULT 'daily',
    catch_up      TEXT    NOT NULL DEFAULT 'latest' CHECK (catch_up IN ('latest', 'skip')),
    summary_time  TEXT    NOT NULL DEFAULT '21:00',
    digest_day    TEXT    NOT NULL DEFAULT 'sun',
    digest_time   TEXT    NOT NULL DEFAULT '18:00',
    words         INTEGER NOT NULL DEFAULT 220,
    paused        INTEGER NOT NULL DEFAULT 0,
    skip_through  TEXT,
    created_at    INTEGER NOT NULL
);

-- An imported text, in the order the group reads them.
CREATE TABLE readings (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    title          TEXT    NOT NULL,
    author         TEXT,
    metadata       TEXT    NOT NULL DEFAULT '[]',
    source_name    TEXT,
    words          INTEGER NOT NULL,
    excerpt_count  INTEGER NOT NULL,
    imported_at    INTEGER NOT NULL,
    finished_noted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX readings_group ON readings(group_id, id);

CREATE TABLE excerpts (
    id         INTEGER PRIMARY KEY,
    reading_id INTEGER NOT NULL REFERENCES readings(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    words      INTEGER NOT NULL,
    terms      TEXT    NOT NULL DEFAULT '[]',
    UNIQUE (reading_id, seq)
);

CREATE TABLE questions (
    id         INTEGER PRIMARY KEY,
    excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    UNIQUE (excerpt_id, seq)
);

CREATE TABLE claims (
    id         INTEGER PRIMARY KEY,
    excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    UNIQUE (excerpt_id, seq)
);

-- Members as the platforms name them. Deleted whole by `privacy forget-me`.
CREATE TABLE members (
    key            TEXT    PRIMARY KEY,
    display_name   TEXT    NOT NULL,
    quotes_allowed INTEGER NOT NULL DEFAULT 1,
    first_seen     INTEGER NOT NULL
);

-- One excerpt's discussion (daily or extra) or a live seminar.
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('daily', 'extra', 'live')),
    excerpt_id      INTEGER REFERENCES excerpts(id) ON DELETE SET NULL,
    local_date      TEXT,
    title           TEXT,
    started_at      INTEGER NOT NULL,
    ends_at         INTEGER,
    ended_at        INTEGER,
    post_message_id TEXT,
    thread_id       TEXT
);
CREATE UNIQUE INDEX sessions_one_daily ON sessions(group_id, local_date) WHERE kind = 'daily';
CREATE UNIQUE INDEX sessions_one_live ON sessions(group_id) WHERE kind = 'live' AND ended_at IS NULL;
CREATE INDEX sessions_thread ON sessions(thread_id) WHERE thread_id IS NOT NULL;
CREATE INDEX sessions_post ON sessions(post_message_id) WHERE post_message_id IS NOT NULL;
CREATE INDEX sessions_open ON sessions(ends_at) WHERE ended_at IS NULL;
-- An excerpt is posted once: a second instance or a race with `excerpt next` cannot repeat it.
CREATE UNIQUE INDEX sessions_excerpt ON sessions(excerpt_id) WHERE excerpt_id IS NOT NULL;

-- A member's message in a session. A replayed event never duplicates it.
CREATE TABLE replies (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    member_key TEXT    NOT NULL REFERENCES members(key) ON DELETE CASCADE,
    platform   TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    reply_to   TEXT,
    text       TEXT    NOT NULL,
    posted_at  INTEGER NOT NULL,
    edited_at  INTEGER,
    deleted_at INTEGER,
    UNIQUE (platform, message_id)
);
CREATE INDEX replies_session ON replies(session_id, posted_at);
CREATE INDEX replies_member ON replies(member_key);

-- A claim poll. pair_id links a post poll to its pre poll (and a pre poll to itself).
CREATE TABLE polls (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id      INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    claim           TEXT    NOT NULL,
    scale           TEXT    NOT NULL,
    anonymous       INTEGER NOT NULL DEFAULT 0,
    hidden          INTEGER NOT NULL DEFAULT 0,
    native          INTEGER NOT NULL DEFAULT 0,
    phase           TEXT CHECK (phase IN ('pre', 'post')),
    pair_id         INTEGER REFERENCES polls(id) ON DELETE SET NULL,
    opens_at        INTEGER NOT NULL,
    closes_at       INTEGER NOT NULL,
    closed_at       INTEGER,
    post_message_id TEXT
);
CREATE INDEX polls_due ON polls(closes_at) WHERE closed_at IS NULL;
CREATE INDEX polls_group ON polls(group_id, id);
CREATE INDEX polls_message ON polls(post_message_id) WHERE post_message_id IS NOT NULL;

-- One vote per voter and poll, changeable. For anonymous polls `voter` is a keyed hash
-- (HMAC of the member and the poll pair, with a secret kept outside this database) and
-- member_key and voted_at are NULL, so no row says who voted what.
CREATE TABLE votes (
    poll_id    INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    voter      TEXT    NOT NULL,
    member_key TEXT    REFERENCES members(key) ON DELETE CASCADE,
    option     INTEGER NOT NULL,
    reason     TEXT,
    voted_at   INTEGER,
    PRIMARY KEY (poll_id, voter)
);
CREATE INDEX votes_member ON votes(member_key) WHERE member_key IS NOT NULL;

-- Rendered summaries: one per session, and one weekly digest per group and week.
CREATE TABLE summaries (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    week        TEXT,
    body        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    source      TEXT    NOT NULL DEFAULT 'extractive',
    created_at  INTEGER NOT NULL,
    CHECK ((session_id IS NULL) <> (week IS NULL))
);
CREATE UNIQUE INDEX summaries_session ON summaries(session_id) WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX summaries_week ON summaries(group_id, week) WHERE week IS NOT NULL;

-- What the bot must post, written before it is sent. dedupe_key makes enqueueing
-- idempotent; the claim columns keep two instances from sending the same row.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
    group_id            INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    dedupe_key          TEXT    NOT NULL UNIQUE,
    payload             TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     INTEGER NOT NULL,
    claimed_by          TEXT,
    claimed_until       INTEGER,
    last_error          TEXT,
    platform_message_id TEXT,
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status = 'pending';

-- Each group's scheduled slots, claimed once: the lease that keeps two schedulers (or
-- a restart) from posting a day's excerpt twice.
CREATE TABLE schedule_slots (
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    local_date TEXT    NOT NULL,
    outcome    TEXT    NOT NULL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    decided_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, local_date)
);

-- Small bits of adapter state (sync tokens, notices already given).
CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
