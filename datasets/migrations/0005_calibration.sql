-- 0005: officers' verdicts recalibrate the alert scores. p_confirmed is the
-- probability, under the champion alert-calibration model, that an officer
-- confirms the alert (NULL until a calibration model exists); calibrated_by
-- is that model's version. Only undecided alerts are rescored.

ALTER TABLE alerts ADD COLUMN p_confirmed DOUBLE;
ALTER TABLE alerts ADD COLUMN calibrated_by INTEGER;
