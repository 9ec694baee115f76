-- Board packs: which sections a meeting's pack holds, and the register as presented at each meeting.

-- JSON list of pack section keys (domain.model.PACK_SECTIONS); '' means every section.
ALTER TABLE meetings ADD COLUMN sections TEXT NOT NULL DEFAULT '';

-- One issued pack per meeting: the register as the board saw it (risks, scores, owners, actions,
-- exempt flags, the changes and matters arising it reported), so "changes since the previous
-- meeting" compares with what that board actually saw and the pack can be rebuilt with the same text.
CREATE TABLE pack_snapshots (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,              -- JSON of services.pack_data.PackData before any part is chosen
    version INTEGER NOT NULL DEFAULT 1
);
