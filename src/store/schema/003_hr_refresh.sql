-- 003_hr_refresh: what an HR export says beyond "left" or "fired", and the
-- date each organisation's export was taken (issue 16).
-- 'leave_reason' refines 'end_reason' with the people-analytics vocabulary
-- (src/core/vocab.c, exo__leave_reasons): end_reason keeps its meaning for
-- every analysis, so a store from before this migration reads as before,
-- with no detailed reason. (A NULL passes a CHECK: no reason recorded.)
ALTER TABLE spell ADD COLUMN leave_reason TEXT
    CHECK (leave_reason = 'resignation' OR leave_reason = 'retirement' OR leave_reason = 'layoff' OR leave_reason = 'dismissal' OR leave_reason = 'end_of_contract' OR leave_reason = 'death' OR leave_reason = 'transfer' OR leave_reason = 'other');

-- The date an organisation's latest spells export was taken (import
-- --as-of): open spells are censored there, not at the last recorded event.
CREATE TABLE export_as_of (
    org_id INTEGER PRIMARY KEY REFERENCES org(id),
    as_of  INTEGER NOT NULL
);
