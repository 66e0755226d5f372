--liquibase formatted sql

--changeset teller:037-incoming-wires
-- Wires in from other banks (来账, issue 17): credited to the named account when its number and name
-- match, else held in suspense (2251) with the reason, for a supervisor to apply or return.
CREATE SEQUENCE incoming_wire_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE incoming_wire (
    id                 BIGINT         PRIMARY KEY,
    clearing_ref       VARCHAR(40)    NOT NULL UNIQUE,
    payer_name         VARCHAR(60)    NOT NULL,
    payer_account      VARCHAR(32)    NOT NULL,
    payer_bank         VARCHAR(12)    NOT NULL,
    payee_name         VARCHAR(60)    NOT NULL,
    payee_account      VARCHAR(32)    NOT NULL,
    amount             NUMERIC(19, 2) NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    purpose            VARCHAR(60),
    status             VARCHAR(10)    NOT NULL,
    suspense_reason    VARCHAR(24),
    reason_detail      VARCHAR(200),
    credited_account   VARCHAR(16),
    entry_id           BIGINT         NOT NULL,
    settled_entry_id   BIGINT,
    settled_by         VARCHAR(40),
    settled_request_id VARCHAR(64),
    settled_note       VARCHAR(200),
    settled_at         TIMESTAMP WITH TIME ZONE,
    business_date      DATE           NOT NULL,
    branch_code        VARCHAR(4)     NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT         NOT NULL,
    CONSTRAINT incoming_wire_status CHECK (status IN ('CREDITED', 'SUSPENDED', 'APPLIED', 'RETURNED')),
    CONSTRAINT incoming_wire_amount CHECK (amount > 0),
    CONSTRAINT incoming_wire_reason CHECK ((status = 'CREDITED') = (suspense_reason IS NULL))
);
CREATE INDEX incoming_wire_status_idx ON incoming_wire (status, id);
CREATE INDEX incoming_wire_payee_idx ON incoming_wire (payee_account, id);
