-- A reading's fingerprint: the SHA-256 of its body with white space normalised, so that
-- importing the same text into a group a second time is noticed (and refused unless the
-- facilitator says --again). NULL for readings imported before it was kept.
ALTER TABLE readings ADD COLUMN fingerprint TEXT;
CREATE INDEX readings_fingerprint ON readings(group_id, fingerprint) WHERE fingerprint IS NOT NULL;

-- An excerpt's footnotes, taken out of the body and shown under the excerpt that cites
-- them: a JSON array of rendered notes ("[6] These words…").
ALTER TABLE excerpts ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
