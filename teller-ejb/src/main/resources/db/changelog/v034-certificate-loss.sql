--liquibase formatted sql

--changeset teller:034-certificate-loss
-- Loss reports of deposit certificates (存单挂失): oral (口头, lapses after 5 days unless followed in
-- writing) or written (书面, with the owner's ID checked); payment stops while one is ACTIVE; after 7
-- days a written one allows a reissue or a payout (RESOLVED); the owner may release it (RELEASED).
-- One ACTIVE report per deposit at most, kept under the account's row lock.
CREATE SEQUENCE certificate_loss_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE certificate_loss (
    id             BIGINT      PRIMARY KEY,
    account_number VARCHAR(16) NOT NULL REFERENCES account (account_number),
    certificate_no VARCHAR(12) NOT NULL,
    kind           VARCHAR(8)  NOT NULL,
    reported_on    DATE        NOT NULL,
    status         VARCHAR(10) NOT NULL,
    reported_by    VARCHAR(40) NOT NULL,
    ended_on       DATE,
    ended_by       VARCHAR(40),
    version        BIGINT      NOT NULL,
    CONSTRAINT certificate_loss_kind CHECK (kind IN ('ORAL', 'WRITTEN')),
    CONSTRAINT certificate_loss_status CHECK (status IN ('ACTIVE', 'LAPSED', 'RELEASED', 'RESOLVED'))
);
CREATE INDEX certificate_loss_account_idx ON certificate_loss (account_number, status);
CREATE INDEX certificate_loss_status_idx ON certificate_loss (status, kind, reported_on);

-- The fees (reference data): a loss report and a reissue, paid in cash at the counter.
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (4, 'CERTIFICATE_LOSS_REPORT', 'INDIVIDUAL', 'ANY', 'FIXED', 10.00, NULL, NULL, NULL,
    '存单挂失手续费', 'Certificate loss report fee', DATE '2000-01-01', NULL);
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (5, 'CERTIFICATE_REISSUE', 'INDIVIDUAL', 'ANY', 'FIXED', 10.00, NULL, NULL, NULL,
    '存单补发工本费', 'Certificate reissue fee', DATE '2000-01-01', NULL);
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (10, 'CERTIFICATE_REISSUE', 'ANY', NULL, '存单挂失补发', 'Reissue of a lost certificate');
