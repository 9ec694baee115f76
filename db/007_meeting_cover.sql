-- The covering report on a pack's cover: agenda item, report of, contact officer, purpose and the
-- recommendations the board is asked to agree (empty: the pack prints a sensible default).
ALTER TABLE meetings ADD COLUMN agenda_item TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN report_of TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN contact_officer TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN recommendations TEXT NOT NULL DEFAULT '';
