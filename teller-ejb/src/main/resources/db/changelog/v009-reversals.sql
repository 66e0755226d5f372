--liquibase formatted sql

--changeset teller:009-reversals
-- A reversal (冲正) is a mirror entry naming the entry it reverses; an entry is reversed at most once.
ALTER TABLE journal_entry ADD COLUMN reverses_entry BIGINT REFERENCES journal_entry (id);
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_reversed_once UNIQUE (reverses_entry);
ALTER TABLE journal_entry ADD COLUMN reason VARCHAR(200);
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (5, 'REVERSAL', 'ANY', NULL, '冲正', 'Reversal');
