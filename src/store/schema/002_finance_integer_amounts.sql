-- Finance amounts are whole US dollars, stored as 64-bit integers: a REAL
-- column rounded every amount past 2^53 (INT64_MAX came back rounded). SQLite
-- cannot change a column's type, so the table is rebuilt
-- (https://sqlite.org/lang_altertable.html#otheralter). Copied values keep
-- their worth: a whole REAL becomes an INTEGER, and a fractional one that an
-- older import let in stays as it was.
CREATE TABLE finance_new (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES org(id),
    date       INTEGER NOT NULL,
    precision  TEXT NOT NULL CHECK (precision = 'day' OR precision = 'month' OR precision = 'year'),
    kind       TEXT NOT NULL CHECK (kind = 'funding' OR kind = 'valuation' OR kind = 'revenue' OR kind = 'burn' OR kind = 'deal' OR kind = 'lawsuit' OR kind = 'other'),
    amount_usd INTEGER CHECK (amount_usd IS NULL OR amount_usd >= 0),
    note       TEXT,
    source_id  INTEGER REFERENCES source(id)
);
INSERT INTO finance_new (id, org_id, date, precision, kind, amount_usd, note, source_id)
    SELECT id, org_id, date, precision, kind, amount_usd, note, source_id FROM finance;
DROP TABLE finance;
ALTER TABLE finance_new RENAME TO finance;
CREATE UNIQUE INDEX finance_key
    ON finance(org_id, date, kind, IFNULL(amount_usd, -1), IFNULL(note, ''));
