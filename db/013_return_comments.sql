-- Words an owner writes outside the columns taken back (beside or below a table, on a sheet of their own,
-- over a locked cell) are kept with the return as changes flagged 'comment', never applied.
-- SQLite cannot change a CHECK, so the table is rebuilt with the same rows.
CREATE TABLE return_changes_new (
    id TEXT PRIMARY KEY,
    return_id TEXT NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    register_value TEXT NOT NULL DEFAULT '',
    apply_value TEXT,
    sent_version INTEGER,
    register_version INTEGER,
    flag TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'conflict', 'invalid', 'added', 'deleted', 'identity',
                                                  'formula', 'comment')),
    detail TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'applied', 'rejected', 'not taken')),
    decided_at TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO return_changes_new SELECT id, return_id, position, tbl, row_id, item, field, old_value, new_value,
    register_value, apply_value, sent_version, register_version, flag, detail, outcome, decided_at, decided_by,
    version FROM return_changes;
DROP TABLE return_changes;
ALTER TABLE return_changes_new RENAME TO return_changes;
CREATE INDEX return_changes_return ON return_changes(return_id, position);
CREATE INDEX return_changes_pending ON return_changes(outcome);
