-- The review cycle: how often each band is reviewed, the risk response, the owners chased, and
-- indexes so the audit trail can be read back by item, person and kind of change.

-- JSON list of months between reviews, one per band counted from the HIGHEST band down
-- (domain.cadence): a renamed band keeps its place, so it keeps its cadence. '' means the defaults.
ALTER TABLE register_info ADD COLUMN cadence TEXT NOT NULL DEFAULT '';

-- The risk response: treat, tolerate, transfer or terminate ('' = not yet decided), with the reason.
-- A tolerated risk above appetite carries who accepted it, when, and until when.
ALTER TABLE risks ADD COLUMN response TEXT NOT NULL DEFAULT ''
    CHECK (response IN ('', 'treat', 'tolerate', 'transfer', 'terminate'));
ALTER TABLE risks ADD COLUMN response_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE risks ADD COLUMN accepted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE risks ADD COLUMN accepted_on TEXT;
ALTER TABLE risks ADD COLUMN accepted_until TEXT;

-- One row per chasing email drafted (nothing is sent by the app): for whom, when, what it held.
CREATE TABLE chase_log (
    id TEXT PRIMARY KEY,
    owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
    owner_name TEXT NOT NULL,
    drafted_at TEXT NOT NULL,
    drafted_by TEXT NOT NULL DEFAULT '',
    part TEXT NOT NULL DEFAULT 'public' CHECK (part IN ('public', 'exempt')),
    file_name TEXT NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX chase_log_owner ON chase_log(owner_id, drafted_at);

-- Coming up reads only what falls due in a window, and only open items (partial indexes: the
-- conditions must match services' queries in store/coming_up.py word for word).
-- The owner is in the index too, so counting what each owner has overdue never reads the rows.
CREATE INDEX risks_next_review ON risks(next_review, owner_id) WHERE status = 'open';
CREATE INDEX actions_due ON actions(due, owner_id) WHERE status NOT IN ('complete', 'cancelled');

-- The History view: newest first within an item, a person or a kind of change.
CREATE INDEX audit_row_at ON audit(row_id, at);
CREATE INDEX audit_who_at ON audit(who, at);
CREATE INDEX audit_tbl_at ON audit(tbl, at);
-- Which items are exempt, without reading every risk and action (History's "public part only").
CREATE INDEX risks_exempt ON risks(id) WHERE exempt = 1;
CREATE INDEX actions_exempt ON actions(id) WHERE exempt = 1;
-- Deleted items are few; the History view checks whether each was exempt when deleted.
CREATE INDEX audit_deleted ON audit(row_id) WHERE change = 'delete';
