--liquibase formatted sql

--changeset teller:035-overdue-accrual
-- A matured time deposit that waits earns the demand rate for its overdue days; end of day accrues
-- that interest (计提, Dr interest expense / Cr 应付利息) so the ledger owes it before it is paid,
-- and the payout takes it out of 应付利息 again. The terms keep what is accrued and through when.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2231', '应付利息', 'Accrued interest payable', 'LIABILITY', 'CREDIT');
ALTER TABLE term_deposit ADD COLUMN overdue_accrued NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE term_deposit ADD COLUMN overdue_accrued_through DATE;
