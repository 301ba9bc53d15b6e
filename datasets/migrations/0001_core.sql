-- 0001: the core platform tables. Every loaded row carries the batch_id of the
-- ingest batch that last wrote it (provenance).

CREATE TABLE ingest_batches (
    batch_id    BIGINT PRIMARY KEY,
    load_id     BIGINT NOT NULL,          -- batches committed together share a load
    kind        VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    file        VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    rows        BIGINT NOT NULL,          -- rows read from the file
    inserted    BIGINT NOT NULL,
    updated     BIGINT NOT NULL,
    unchanged   BIGINT NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL
);

CREATE TABLE athletes (
    athlete_id  BIGINT PRIMARY KEY,
    name        VARCHAR NOT NULL,         -- NFC-normalised display name
    name_key    VARCHAR NOT NULL,         -- lower case, no diacritics, đ→d: identity key
    sex         VARCHAR NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date  DATE,                     -- NULL when no source knows it
    province    VARCHAR,
    nationality VARCHAR,
    height_cm   DOUBLE,
    hand        VARCHAR,
    batch_id    BIGINT NOT NULL
);

-- One row per (source, source id): how each feed names an athlete.
CREATE TABLE athlete_aliases (
    source      VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    athlete_id  BIGINT NOT NULL,
    name        VARCHAR NOT NULL,
    birth_date  DATE,
    sex         VARCHAR NOT NULL,
    batch_id    BIGINT NOT NULL,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE competitions (
    competition_id BIGINT PRIMARY KEY,
    sport       VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    season      INTEGER NOT NULL,         -- year of the first date seen; 0 when only ages are known
    level       VARCHAR,
    venue       VARCHAR,
    batch_id    BIGINT NOT NULL,
    UNIQUE (sport, name, season)
);

CREATE TABLE results (
    result_id       BIGINT NOT NULL,
    result_key      BLOB NOT NULL,        -- 128-bit hash of the natural key, see datasets/merge.go
    athlete_id      BIGINT NOT NULL,
    date            DATE,                 -- NULL when only the age at the result is known
    age_years       DOUBLE,               -- exact age at the result (from birth date, or as given)
    sport           VARCHAR NOT NULL,
    discipline      VARCHAR NOT NULL,
    sex             VARCHAR NOT NULL,
    mark            DOUBLE NOT NULL,      -- in unit
    unit            VARCHAR NOT NULL,
    lower_is_better BOOLEAN NOT NULL,
    wind            DOUBLE,
    round           VARCHAR NOT NULL,
    place           INTEGER,
    competition_id  BIGINT,
    level           VARCHAR,
    venue           VARCHAR,
    source          VARCHAR NOT NULL,
    source_ref      VARCHAR NOT NULL,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE matches (
    match_id        BIGINT NOT NULL,
    source          VARCHAR NOT NULL,
    source_id       VARCHAR NOT NULL,     -- natural key: (source, source_id)
    sport           VARCHAR NOT NULL,
    competition_id  BIGINT,
    division        VARCHAR,
    level           VARCHAR,
    round           VARCHAR,
    date            DATE NOT NULL,
    home            VARCHAR NOT NULL,     -- side A: home team, or the winner in tennis
    away            VARCHAR NOT NULL,
    home_athlete_id BIGINT,
    away_athlete_id BIGINT,
    home_rank       INTEGER,
    away_rank       INTEGER,
    home_score      INTEGER,
    away_score      INTEGER,
    ht_home_score   INTEGER,
    ht_away_score   INTEGER,
    score           VARCHAR,
    result          VARCHAR,              -- H, D, A; NULL when not played
    status          VARCHAR NOT NULL,
    referee         VARCHAR,
    venue           VARCHAR,
    batch_id        BIGINT NOT NULL
);

CREATE TABLE odds (
    match_id    BIGINT NOT NULL,
    bookmaker   VARCHAR NOT NULL,
    market      VARCHAR NOT NULL,         -- 1x2, ou, ah
    selection   VARCHAR NOT NULL,         -- home, draw, away, over, under
    line        DOUBLE NOT NULL,          -- handicap or total; 0 for 1x2
    phase       VARCHAR NOT NULL,         -- opening, pre-match, closing, live
    captured_at TIMESTAMP,
    price       DOUBLE NOT NULL,          -- decimal odds > 1
    batch_id    BIGINT NOT NULL
);

CREATE TABLE physio_tests (
    athlete_id  BIGINT NOT NULL,
    date        DATE NOT NULL,
    test        VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    batch_id    BIGINT NOT NULL
);

-- Room for the later issues: users, audit log, alerts, model registry.
CREATE TABLE users (
    user_id     BIGINT PRIMARY KEY,
    name        VARCHAR NOT NULL UNIQUE,
    role        VARCHAR NOT NULL,
    token_hash  VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    disabled    BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor       VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    detail      VARCHAR NOT NULL,
    prev_hash   VARCHAR NOT NULL,
    hash        VARCHAR NOT NULL
);

CREATE TABLE alerts (
    alert_id    BIGINT PRIMARY KEY,
    type        VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    severity    DOUBLE NOT NULL,
    status      VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    evidence    VARCHAR NOT NULL          -- JSON evidence pack
);

CREATE TABLE model_versions (
    model       VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    sha256      VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    metrics     VARCHAR NOT NULL,         -- JSON
    promoted    BOOLEAN NOT NULL,
    artifact    BLOB NOT NULL,
    PRIMARY KEY (model, version)
);
