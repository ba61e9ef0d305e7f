-- Live seminars (issue 18): the agenda and its timeboxes, the speaking queue, notes,
-- decisions and action items, presence in a voice channel, and breakout threads.

-- A live session's agenda, in order. `minutes` is the item's timebox.
CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    minutes    INTEGER NOT NULL CHECK (minutes > 0),
    UNIQUE (session_id, seq)
);

-- Each time an item ran: from its start (`agenda start`, `next`, `back` or the scheduler
-- when the previous item's time was up) until it ended. One run at most is open per
-- session; `ends_at` is when its timebox runs out (moved by `agenda extend`). Whatever a
-- member wrote, voted or noted in [started_at, ended_at) is filed under the run's item.
CREATE TABLE agenda_runs (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    item_id    INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    started_at INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    ended_at   INTEGER
);
CREATE UNIQUE INDEX agenda_runs_one_open ON agenda_runs(session_id) WHERE ended_at IS NULL;
CREATE INDEX agenda_runs_due ON agenda_runs(ends_at) WHERE ended_at IS NULL;

-- Per-session settings of a live seminar: the speaking queue's order and the agenda post.
CREATE TABLE live_settings (
    session_id       INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    progressive      INTEGER NOT NULL DEFAULT 0,
    agenda_message   TEXT
);

-- The speaking queue: a raised hand waits until it is called, skipped, lowered or cleared.
CREATE TABLE hands (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    member_key TEXT    NOT NULL REFERENCES members(key) ON DELETE CASCADE,
    topic      TEXT,
    raised_at  INTEGER NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'waiting'
               CHECK (status IN ('waiting', 'speaking', 'spoke', 'skipped', 'lowered', 'cleared')),
    called_at  INTEGER
);
CREATE UNIQUE INDEX hands_one_waiting ON hands(session_id, member_key) WHERE status = 'waiting';
CREATE INDEX hands_session ON hands(session_id, status, raised_at);

-- Notes, decisions and action items, filed under the agenda item that was running.
-- An action has an owner (a member of the group) and an optional due date (local).
CREATE TABLE minutes_items (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    item_id    INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('note', 'decision', 'action')),
    text       TEXT    NOT NULL,
    author_key TEXT    REFERENCES members(key) ON DELETE SET NULL,
    owner_key  TEXT    REFERENCES members(key) ON DELETE SET NULL,
    due        TEXT,
    done_at    INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX minutes_items_session ON minutes_items(session_id, id);
CREATE INDEX minutes_items_open ON minutes_items(group_id, kind) WHERE done_at IS NULL;

-- Presence a platform reports (a configured Discord voice or stage channel): one row per
-- stay, open while the member is there.
CREATE TABLE presence (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    member_key TEXT    NOT NULL REFERENCES members(key) ON DELETE CASCADE,
    source     TEXT    NOT NULL,
    joined_at  INTEGER NOT NULL,
    left_at    INTEGER
);
CREATE UNIQUE INDEX presence_one_open ON presence(group_id, member_key, source) WHERE left_at IS NULL;

-- Breakouts: the present members split into threads for a while, each with a prompt;
-- at the end each thread is asked for a one-line report-back, gathered in the main thread.
CREATE TABLE breakouts (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    rooms       INTEGER NOT NULL CHECK (rooms > 0),
    minutes     INTEGER NOT NULL CHECK (minutes > 0),
    by_opinion  INTEGER NOT NULL DEFAULT 0,
    started_at  INTEGER NOT NULL,
    ends_at     INTEGER NOT NULL,
    asked_at    INTEGER,
    gathered_at INTEGER
);
CREATE UNIQUE INDEX breakouts_one_running ON breakouts(session_id) WHERE gathered_at IS NULL;

CREATE TABLE breakout_rooms (
    id          INTEGER PRIMARY KEY,
    breakout_id INTEGER NOT NULL REFERENCES breakouts(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    prompt      TEXT    NOT NULL,
    thread_id   TEXT,
    report      TEXT,
    report_by   TEXT    REFERENCES members(key) ON DELETE SET NULL,
    reported_at INTEGER,
    UNIQUE (breakout_id, seq)
);
CREATE INDEX breakout_rooms_thread ON breakout_rooms(thread_id) WHERE thread_id IS NOT NULL;

CREATE TABLE breakout_members (
    room_id    INTEGER NOT NULL REFERENCES breakout_rooms(id) ON DELETE CASCADE,
    member_key TEXT    NOT NULL REFERENCES members(key) ON DELETE CASCADE,
    PRIMARY KEY (room_id, member_key)
);
