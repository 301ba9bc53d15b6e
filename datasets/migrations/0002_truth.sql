-- 0002: planted ground truth written by the simulator (podium generate). Kept apart
-- from the observed tables so that models never read it; only evaluations do.

CREATE TABLE truth_athletes (
    source_id       VARCHAR PRIMARY KEY,  -- the simulator's athlete source id (source 'sim')
    potential       DOUBLE NOT NULL,      -- latent talent, standard units
    senior_level    VARCHAR NOT NULL,     -- eventual level: elite, national, provincial, recreational
    maturity_offset_years DOUBLE,         -- true years from peak height velocity at first test
    true_birth_date DATE,                 -- differs from athletes.birth_date for age fraud
    age_fraud       BOOLEAN NOT NULL,
    duplicate_of    VARCHAR               -- source id of the athlete this identity duplicates
);

CREATE TABLE truth_events (
    kind        VARCHAR NOT NULL,         -- fixed-match, doping-jump, blood-manipulation, age-fraud, duplicate-identity
    subject     VARCHAR NOT NULL,         -- source id of the match or athlete (source 'sim')
    start_date  DATE,
    detail      VARCHAR NOT NULL          -- JSON with the planted parameters
);
