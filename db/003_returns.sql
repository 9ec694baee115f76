-- The quarterly update round: workbooks sent to owners and the returns taken back.
-- The returns log is kept forever: every proposed change and what became of it, including the
-- rejected and conflicting ones, in the owner's own words.

CREATE TABLE update_rounds (
    id TEXT PRIMARY KEY,
    sent_at TEXT NOT NULL,
    sent_by TEXT NOT NULL DEFAULT '',
    return_by TEXT,                  -- ISO date the owners were asked to return by
    version INTEGER NOT NULL DEFAULT 1
);

-- One row per workbook sent: the owner's part of the register as it stood when sent.
CREATE TABLE round_owners (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES update_rounds(id) ON DELETE CASCADE,
    owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
    owner_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    risks INTEGER NOT NULL DEFAULT 0,
    mitigations INTEGER NOT NULL DEFAULT 0,
    actions INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);

-- Each row sent, with its version and values at sending: what a return is matched and checked against.
CREATE TABLE round_items (
    id TEXT PRIMARY KEY,
    round_owner_id TEXT NOT NULL REFERENCES round_owners(id) ON DELETE CASCADE,
    tbl TEXT NOT NULL CHECK (tbl IN ('risks', 'mitigations', 'actions')),
    row_id TEXT NOT NULL,
    row_version INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',  -- ref and title as the owner saw them
    sent TEXT NOT NULL DEFAULT '{}', -- JSON of the values shown to the owner
    version INTEGER NOT NULL DEFAULT 1
);

-- One row per file taken in (or refused), whatever became of it.
CREATE TABLE returns (
    id TEXT PRIMARY KEY,
    round_owner_id TEXT REFERENCES round_owners(id) ON DELETE SET NULL,
    owner_name TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('taken', 'refused')),
    account TEXT NOT NULL DEFAULT '',  -- why refused, or notes on rows added, deleted or moved
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE return_changes (
    id TEXT PRIMARY KEY,
    return_id TEXT NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    old_value TEXT NOT NULL DEFAULT '',       -- as sent to the owner
    new_value TEXT NOT NULL DEFAULT '',       -- exactly as the owner wrote it
    register_value TEXT NOT NULL DEFAULT '',  -- the register's value when received (differs on a conflict)
    apply_value TEXT,                          -- JSON of what would be written; NULL when it cannot be
    sent_version INTEGER,                      -- the row's version in the workbook
    register_version INTEGER,                  -- the row's version in the register when received
    flag TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'conflict', 'invalid', 'added', 'deleted', 'identity',
                                                  'formula')),
    detail TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'applied', 'rejected', 'not taken')),
    decided_at TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX round_owners_round ON round_owners(round_id);
CREATE INDEX round_owners_owner ON round_owners(owner_id);
CREATE INDEX round_items_owner ON round_items(round_owner_id);
CREATE INDEX returns_hash ON returns(file_sha256);
CREATE INDEX returns_round_owner ON returns(round_owner_id);
CREATE INDEX return_changes_return ON return_changes(return_id, position);
CREATE INDEX return_changes_pending ON return_changes(outcome);
