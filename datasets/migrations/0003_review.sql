-- 0003: the alert review workflow. Reviewers change an alert's status under
-- optimistic locking (version); every change is one hash-chained audit_log
-- entry written in the same transaction (comments live in its detail); final
-- decisions are copied to alert_labels as training labels for the detectors.

ALTER TABLE alerts ADD COLUMN updated_at TIMESTAMP;   -- NULL until first reviewed: read as created_at
ALTER TABLE alerts ADD COLUMN assignee VARCHAR DEFAULT '';
UPDATE alerts SET updated_at = created_at, assignee = '';

-- One row per decided alert: confirmed (a true finding) or dismissed (a
-- false positive). Terminal statuses cannot be left, so one label per alert.
CREATE TABLE alert_labels (
    alert_id    BIGINT PRIMARY KEY,
    type        VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    label       VARCHAR NOT NULL CHECK (label IN ('confirmed', 'dismissed')),
    severity    DOUBLE NOT NULL,          -- the detector's severity when decided
    decided_by  VARCHAR NOT NULL,
    decided_at  TIMESTAMP NOT NULL,
    audit_seq   BIGINT NOT NULL           -- the audit_log entry that recorded the decision
);
