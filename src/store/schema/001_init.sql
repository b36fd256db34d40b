-- 001_init: the exodus store (DESIGN.md, "Data model").
-- CHECK constraints spell out OR chains: an IN list would make SQLite build
-- a temporary index on every INSERT.
-- Names are looked up by 'name_key': trimmed, white space collapsed,
-- NFC-normalised and case-folded (src/core/utf8.c).

CREATE TABLE source (
    id    INTEGER PRIMARY KEY,
    url   TEXT NOT NULL UNIQUE,
    title TEXT
);

CREATE TABLE org (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    name_key TEXT NOT NULL UNIQUE,
    kind     TEXT
);

-- Variant names of an organisation ("DeepMind" -> "Google DeepMind").
CREATE TABLE alias (
    alias_key TEXT PRIMARY KEY,
    alias     TEXT NOT NULL,
    org_id    INTEGER NOT NULL REFERENCES org(id)
) WITHOUT ROWID;

CREATE TABLE person (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL,
    ext_key  TEXT UNIQUE -- an HR export's employee id, when there is one
);
-- People from reported moves are identified by name, employees of an HR
-- export by their id (ext_key): two employees may share a name.
CREATE INDEX person_name ON person(name_key);

-- One employment spell. start_date is NULL when unknown; end_date NULL
-- while the spell is open. Dates are days since 1970-01-01.
CREATE TABLE spell (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    org_id          INTEGER NOT NULL REFERENCES org(id),
    role            TEXT,
    level           TEXT CHECK (level = 'founder' OR level = 'exec' OR level = 'lead' OR level = 'ic' OR level = 'board'),
    team            TEXT,
    start_date      INTEGER,
    start_precision TEXT CHECK (start_precision = 'day' OR start_precision = 'month' OR start_precision = 'year'),
    end_date        INTEGER,
    end_precision   TEXT CHECK (end_precision = 'day' OR end_precision = 'month' OR end_precision = 'year'),
    end_reason      TEXT CHECK (end_reason = 'left' OR end_reason = 'sabbatical' OR end_reason = 'fired' OR end_reason = 'died' OR end_reason = 'acquired' OR end_reason = 'unknown'),
    dest_org_id     INTEGER REFERENCES org(id),
    source_id       INTEGER REFERENCES source(id),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX spell_key ON spell(person_id, org_id, IFNULL(start_date, -999999));
CREATE INDEX spell_org ON spell(org_id, end_date);

-- A reported move (a row of a moves file): the record of what the news
-- said, kept as reported. Its natural key makes re-imports idempotent.
CREATE TABLE move (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES person(id),
    from_org_id    INTEGER REFERENCES org(id),
    to_org_id      INTEGER REFERENCES org(id),
    role           TEXT,
    level          TEXT NOT NULL
                   CHECK (level = 'founder' OR level = 'exec' OR level = 'lead' OR level = 'ic' OR level = 'board'),
    event          TEXT NOT NULL CHECK (event = 'left' OR event = 'joined' OR event = 'sabbatical' OR event = 'returned' OR event = 'fired' OR event = 'founded'),
    date           INTEGER NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision = 'day' OR date_precision = 'month' OR date_precision = 'year'),
    source_id      INTEGER REFERENCES source(id)
);
CREATE UNIQUE INDEX move_key
    ON move(person_id, event, date, IFNULL(from_org_id, 0), IFNULL(to_org_id, 0));
CREATE INDEX move_from ON move(from_org_id, date);
CREATE INDEX move_to ON move(to_org_id, date);

CREATE TABLE finance (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES org(id),
    date       INTEGER NOT NULL,
    precision  TEXT NOT NULL CHECK (precision = 'day' OR precision = 'month' OR precision = 'year'),
    kind       TEXT NOT NULL CHECK (kind = 'funding' OR kind = 'valuation' OR kind = 'revenue' OR kind = 'burn' OR kind = 'deal' OR kind = 'lawsuit' OR kind = 'other'),
    amount_usd REAL CHECK (amount_usd IS NULL OR amount_usd >= 0),
    note       TEXT,
    source_id  INTEGER REFERENCES source(id)
);
CREATE UNIQUE INDEX finance_key
    ON finance(org_id, date, kind, IFNULL(amount_usd, -1), IFNULL(note, ''));
