-- The voice or stage channel whose members count as present at the group's live sessions
-- (`setup --voice-channel`, Discord), as a channel key ("discord:123"); NULL: none.
ALTER TABLE groups ADD COLUMN voice_channel TEXT;
CREATE INDEX groups_voice_channel ON groups(voice_channel) WHERE voice_channel IS NOT NULL;
