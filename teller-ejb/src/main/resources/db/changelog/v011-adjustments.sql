--liquibase formatted sql

--changeset teller:011-adjustments
-- Correcting an earlier day's posting (错账调整) always needs a supervisor's approval.
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (6, 'ADJUSTMENT', 'ANY', NULL, '错账调整', 'Adjustment of an earlier day''s posting');
-- An adjustment names the earlier posting it corrects (there may be several).
ALTER TABLE journal_entry ADD COLUMN adjusts_entry BIGINT REFERENCES journal_entry (id);
