--liquibase formatted sql

--changeset teller:006-cards
-- Debit cards (借记卡). The PIN is only ever a bcrypt hash. Rows are never deleted: a lost,
-- replaced or cancelled card keeps its row with who changed it last and when.
CREATE SEQUENCE card_serial_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE card (
    pan            VARCHAR(19)  PRIMARY KEY,
    account_number VARCHAR(16)  NOT NULL REFERENCES account (account_number),
    status         VARCHAR(10)  NOT NULL,
    expires_on     DATE         NOT NULL,
    pin_hash       VARCHAR(100),
    issued_by      VARCHAR(40)  NOT NULL,
    issued_at      TIMESTAMP    NOT NULL,
    changed_by     VARCHAR(40),
    changed_at     TIMESTAMP,
    replaced_by    VARCHAR(19),
    version        BIGINT       NOT NULL,
    CONSTRAINT card_status CHECK (status IN ('ISSUED', 'ACTIVE', 'LOST', 'BLOCKED', 'CANCELLED')),
    CONSTRAINT card_pin_when_active CHECK (status <> 'ACTIVE' OR pin_hash IS NOT NULL)
);
CREATE INDEX card_account_idx ON card (account_number);
