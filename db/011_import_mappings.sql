-- Import choices kept for next time, and which backup undoes which import.
-- A kept mapping is what the user chose in the import preview: what a column holds (by its heading),
-- what a sheet holds (by its name; '' the table of a CSV file), the scale. It is found again by the
-- set of headings of the file (cleaned, sorted, one per line), so next quarter's copy opens with it.
CREATE TABLE import_mappings (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    headings TEXT NOT NULL,
    columns TEXT NOT NULL DEFAULT '{}',
    sheets TEXT NOT NULL DEFAULT '{}',
    scheme TEXT NOT NULL DEFAULT '',
    saved_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX import_mappings_headings ON import_mappings(headings);

-- One row per import, written in the import's own transaction: the file and the backup made just
-- before it (a file name in the register's backups folder), so File > Undo last import restores it;
-- the audit table only grows, so rows beyond audit_rows are changes saved since the import.
CREATE TABLE import_runs (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    backup TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '{}',
    audit_rows INTEGER NOT NULL DEFAULT 0,  -- rows in audit once the import was saved, its own included
    version INTEGER NOT NULL DEFAULT 1
);
