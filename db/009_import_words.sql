-- Words an imported register used that the register's own terms cannot hold, kept beside them:
-- the action's status as the file reported it ("Behind schedule", "Amber"), and a due date written
-- as words ("Ongoing", "TBC", "Q4 2026/27" when it could not be read) shown where the date would be.
ALTER TABLE actions ADD COLUMN status_reported TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN due_text TEXT NOT NULL DEFAULT '';
