--liquibase formatted sql

--changeset teller:003-account-restrictions
-- Holds and judicial freezes. Rows are never deleted: a release is recorded on the row.
CREATE SEQUENCE account_restriction_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_restriction (
    id              BIGINT         PRIMARY KEY,
    account_number  VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    kind            VARCHAR(14)    NOT NULL,
    amount          NUMERIC(19, 2),
    currency        VARCHAR(3)     NOT NULL,
    reason          VARCHAR(200)   NOT NULL,
    legal_reference VARCHAR(200),
    expires_on      DATE,
    placed_by       VARCHAR(40)    NOT NULL,
    placed_at       TIMESTAMP      NOT NULL,
    released_by     VARCHAR(40),
    released_at     TIMESTAMP,
    CONSTRAINT account_restriction_kind CHECK (kind IN ('HOLD', 'FREEZE_AMOUNT', 'FREEZE_ALL')),
    CONSTRAINT account_restriction_amount CHECK ((kind = 'FREEZE_ALL' AND amount IS NULL)
                                                 OR (kind <> 'FREEZE_ALL' AND amount > 0))
);
CREATE INDEX account_restriction_account_idx ON account_restriction (account_number);
