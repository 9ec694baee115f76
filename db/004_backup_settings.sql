-- How many rolling backups a register keeps beside itself, and the most space they may take.
-- One row at most; no row means the defaults (domain/backup_policy.py).
CREATE TABLE backup_settings (
    id TEXT PRIMARY KEY,
    keep INTEGER NOT NULL CHECK (keep BETWEEN 1 AND 1000),
    max_mb INTEGER NOT NULL CHECK (max_mb BETWEEN 1 AND 1000000),
    version INTEGER NOT NULL DEFAULT 1
);
