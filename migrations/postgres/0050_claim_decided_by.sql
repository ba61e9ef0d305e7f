-- Who approved or rejected a member's claim (issue 17): a second facilitator reviewing
-- the same queue is told who decided it. The facilitator's member key; cleared when
-- they ask to be forgotten.
ALTER TABLE member_claims ADD COLUMN decided_by TEXT REFERENCES members(key) ON DELETE SET NULL;
