-- Every post of a live session's agenda (issue 18). An agenda replaced before it starts is
-- posted again; a ✋ reaction on an earlier post of it still raises a hand in its session.
CREATE TABLE agenda_posts (
    message_id TEXT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
);
CREATE INDEX agenda_posts_session ON agenda_posts(session_id);
INSERT INTO agenda_posts (message_id, session_id)
    SELECT agenda_message, session_id FROM live_settings WHERE agenda_message IS NOT NULL;
