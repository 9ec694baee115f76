-- The register: one partnership's risks, mitigations, actions, reviews and meetings.
-- Every primary key is a UUID made with the row; every row carries a version bumped on each write.

CREATE TABLE register_info (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    scheme TEXT NOT NULL,            -- JSON of domain.scoring.Scheme
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE owners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'body')),
    organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
    email TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE priorities (
    id TEXT PRIMARY KEY,
    ref TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    lead_agency TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    board TEXT NOT NULL,
    held_on TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    chair TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '',
    marking TEXT NOT NULL DEFAULT 'OFFICIAL',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE risks (
    id TEXT PRIMARY KEY,
    ref TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    priority_id TEXT REFERENCES priorities(id) ON DELETE SET NULL,
    owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    inherent_likelihood INTEGER CHECK (inherent_likelihood BETWEEN 1 AND 5),
    inherent_impact INTEGER CHECK (inherent_impact BETWEEN 1 AND 5),
    residual_likelihood INTEGER CHECK (residual_likelihood BETWEEN 1 AND 5),
    residual_impact INTEGER CHECK (residual_impact BETWEEN 1 AND 5),
    target_likelihood INTEGER CHECK (target_likelihood BETWEEN 1 AND 5),
    target_impact INTEGER CHECK (target_impact BETWEEN 1 AND 5),
    next_review TEXT,
    exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((inherent_likelihood IS NULL) = (inherent_impact IS NULL)),
    CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL)),
    CHECK ((target_likelihood IS NULL) = (target_impact IS NULL))
);

CREATE TABLE mitigations (
    id TEXT PRIMARY KEY,
    risk_id TEXT NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
    expected_likelihood INTEGER CHECK (expected_likelihood BETWEEN 1 AND 5),
    expected_impact INTEGER CHECK (expected_impact BETWEEN 1 AND 5),
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((expected_likelihood IS NULL) = (expected_impact IS NULL))
);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    ref TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
    due TEXT,
    status TEXT NOT NULL DEFAULT 'not started'
        CHECK (status IN ('not started', 'in progress', 'complete', 'cancelled')),
    progress TEXT NOT NULL DEFAULT '',
    risk_id TEXT REFERENCES risks(id) ON DELETE SET NULL,
    mitigation_id TEXT REFERENCES mitigations(id) ON DELETE SET NULL,
    priority_id TEXT REFERENCES priorities(id) ON DELETE SET NULL,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    completed_on TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE progress_notes (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    risk_id TEXT NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    reviewed_on TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    before_likelihood INTEGER CHECK (before_likelihood BETWEEN 1 AND 5),
    before_impact INTEGER CHECK (before_impact BETWEEN 1 AND 5),
    after_likelihood INTEGER CHECK (after_likelihood BETWEEN 1 AND 5),
    after_impact INTEGER CHECK (after_impact BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    priority_id TEXT REFERENCES priorities(id) ON DELETE SET NULL,
    target TEXT NOT NULL DEFAULT '',
    data_source TEXT NOT NULL DEFAULT '',
    latest TEXT NOT NULL DEFAULT '',
    latest_label TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('insert', 'update', 'delete')),
    field TEXT,
    old TEXT,
    new TEXT
);

CREATE INDEX risks_owner ON risks(owner_id);
CREATE INDEX risks_priority ON risks(priority_id);
CREATE INDEX mitigations_risk ON mitigations(risk_id);
CREATE INDEX actions_risk ON actions(risk_id);
CREATE INDEX actions_owner ON actions(owner_id);
CREATE INDEX actions_priority ON actions(priority_id);
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX progress_notes_action ON progress_notes(action_id);
CREATE INDEX reviews_risk ON reviews(risk_id, reviewed_on);
CREATE INDEX audit_row ON audit(row_id);
CREATE INDEX audit_at ON audit(at);
