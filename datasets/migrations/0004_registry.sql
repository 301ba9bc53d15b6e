-- 0004: the model registry. model_versions (0001) holds every trained
-- artifact; these columns make each one traceable to its data and code, and
-- model_promotions records which version serves, when, by whom and why.

ALTER TABLE model_versions ADD COLUMN feature_set VARCHAR DEFAULT '';      -- feature sets and versions read
ALTER TABLE model_versions ADD COLUMN data_fingerprint VARCHAR DEFAULT ''; -- SHA-256 of the training data
ALTER TABLE model_versions ADD COLUMN seed UBIGINT DEFAULT 0;
ALTER TABLE model_versions ADD COLUMN code_version VARCHAR DEFAULT '';

-- The champion of a model is the version of its latest row here. A promotion
-- pushes a version on the model's champion stack, a rollback pops it: the row
-- of a rollback names the version that serves again.
CREATE TABLE model_promotions (
    seq         BIGINT PRIMARY KEY,
    model       VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('promote', 'rollback')),
    at          TIMESTAMP NOT NULL,
    actor       VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL
);
