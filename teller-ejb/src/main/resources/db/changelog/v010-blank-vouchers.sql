--liquibase formatted sql

--changeset teller:010-blank-vouchers
-- Important blank vouchers (重要空白凭证): numbered stock per branch — certificates, passbooks,
-- cheque books — received into the vault, issued to a till, then used, spoiled (作废, with a
-- reason) or returned. Rows are never deleted, so every number stays accounted for.
CREATE TABLE blank_voucher (
    branch_code VARCHAR(4)   NOT NULL REFERENCES branch (code),
    kind        VARCHAR(12)  NOT NULL,
    serial_no   VARCHAR(12)  NOT NULL,
    status      VARCHAR(8)   NOT NULL,
    till_code   VARCHAR(3),
    note        VARCHAR(200),
    changed_by  VARCHAR(40)  NOT NULL,
    changed_at  TIMESTAMP    NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (branch_code, kind, serial_no),
    CONSTRAINT blank_voucher_kind CHECK (kind IN ('CERTIFICATE', 'PASSBOOK', 'CHEQUE_BOOK')),
    CONSTRAINT blank_voucher_status CHECK (status IN ('IN_VAULT', 'ISSUED', 'USED', 'SPOILED')),
    CONSTRAINT blank_voucher_till CHECK ((status = 'IN_VAULT' AND till_code IS NULL) OR (status <> 'IN_VAULT' AND till_code IS NOT NULL))
);
CREATE INDEX blank_voucher_till_idx ON blank_voucher (branch_code, till_code, status);
