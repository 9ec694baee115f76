-- The partnership plan as data: its period, priorities with lead agencies, objectives and outcomes,
-- cross-cutting themes, plan actions under objectives, and indicators with dated values.
-- A value keeps the text as published beside the number read from it ("82/200 = 41%" -> 41 from 82 of 200).

-- One row: the plan's years (e.g. 2011-2014, year two) and its settings.
CREATE TABLE plan_info (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    start_year INTEGER,              -- the first financial year starts 1 April of this year
    end_year INTEGER,                -- the last financial year ends 31 March of this year
    year_number INTEGER,             -- which year of the plan is current (1 = the first)
    amber_tolerance REAL NOT NULL DEFAULT 0.05 CHECK (amber_tolerance >= 0 AND amber_tolerance <= 1),
    version INTEGER NOT NULL DEFAULT 1
);

ALTER TABLE priorities ADD COLUMN outcomes TEXT NOT NULL DEFAULT '';
ALTER TABLE priorities ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- A priority dropped at the annual refresh stays, with why (the plan's "emerging issues" decisions).
ALTER TABLE priorities ADD COLUMN retired_on TEXT;
ALTER TABLE priorities ADD COLUMN retired_reason TEXT NOT NULL DEFAULT '';

-- A priority's lead agencies are partner organisations (the Herefordshire plan gives two for alcohol harm).
CREATE TABLE priority_leads (
    id TEXT PRIMARY KEY,
    priority_id TEXT NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (priority_id, organisation_id)
);

CREATE TABLE objectives (
    id TEXT PRIMARY KEY,
    priority_id TEXT NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    ref TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plan_themes (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);

ALTER TABLE actions ADD COLUMN objective_id TEXT REFERENCES objectives(id) ON DELETE SET NULL;

ALTER TABLE indicators ADD COLUMN ref TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN unit TEXT NOT NULL DEFAULT 'count' CHECK (unit IN ('count', 'rate', 'percentage'));
ALTER TABLE indicators ADD COLUMN direction TEXT NOT NULL DEFAULT 'reduce' CHECK (direction IN ('reduce', 'increase'));
ALTER TABLE indicators ADD COLUMN baseline TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN baseline_value REAL;
ALTER TABLE indicators ADD COLUMN target_value REAL;
ALTER TABLE indicators ADD COLUMN target_period TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL;
ALTER TABLE indicators ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1));

-- A dated value of an indicator. One value per period: a wrong value is corrected, not entered again.
CREATE TABLE indicator_values (
    id TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    period TEXT NOT NULL,            -- as people name it: "2011/12 Q3", "to 31/01/2012"
    period_end TEXT NOT NULL,        -- ISO date the period ends; orders the values and finds last year's
    text TEXT NOT NULL DEFAULT '',   -- as published or typed
    value REAL,                      -- the number read from the text, if any
    numerator REAL,
    denominator REAL,
    rate REAL,                       -- a rate published beside a count: "970 (Rate 5.41)"
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_id, period_end)
);

-- Each plan year closed by "Start next plan year": the plan as it stood (priorities, indicators with their
-- values, actions' RAG), readable and printable later, and the decisions taken at the refresh.
CREATE TABLE plan_years (
    id TEXT PRIMARY KEY,
    year_number INTEGER NOT NULL,
    label TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    closed_by TEXT NOT NULL DEFAULT '',
    decisions TEXT NOT NULL DEFAULT '[]',   -- JSON: [{"priority": ..., "decision": kept|added|retired, "reason": ...}]
    data TEXT NOT NULL,                     -- JSON of domain.plan_pack PackPriority tuple and the actions' RAG
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (year_number)
);

CREATE INDEX priority_leads_priority ON priority_leads(priority_id);
CREATE INDEX objectives_priority ON objectives(priority_id);
CREATE INDEX actions_objective ON actions(objective_id);
CREATE INDEX indicators_priority ON indicators(priority_id);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, period_end);

-- Owners return indicator values through the quarterly round: round_items may now carry indicators.
-- SQLite cannot change a CHECK, so the table is rebuilt with the same rows.
CREATE TABLE round_items_new (
    id TEXT PRIMARY KEY,
    round_owner_id TEXT NOT NULL REFERENCES round_owners(id) ON DELETE CASCADE,
    tbl TEXT NOT NULL CHECK (tbl IN ('risks', 'mitigations', 'actions', 'indicators')),
    row_id TEXT NOT NULL,
    row_version INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    sent TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO round_items_new (id, round_owner_id, tbl, row_id, row_version, label, sent, version)
    SELECT id, round_owner_id, tbl, row_id, row_version, label, sent, version FROM round_items;
DROP TABLE round_items;
ALTER TABLE round_items_new RENAME TO round_items;
CREATE INDEX round_items_owner ON round_items(round_owner_id);
