-- The platform event that raised a hand, when it was not a command (issue 18): a Matrix ✋
-- reaction on the agenda post. Redacting that reaction lowers the hand it raised (and no
-- other), and the same reaction read again after a restart raises nothing.
ALTER TABLE hands ADD COLUMN raised_by TEXT;
CREATE INDEX hands_raised_by ON hands(raised_by) WHERE raised_by IS NOT NULL;
