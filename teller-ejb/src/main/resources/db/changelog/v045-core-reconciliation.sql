--liquibase formatted sql

--changeset teller:045-core-reconciliation
-- Reconciliation with the core banking system (对账, issue 18): each business day's journal compared
-- with the core's reconciliation file; what does not match is a break for a supervisor to resolve.
CREATE TABLE core_reconciliation (
    business_date   DATE         PRIMARY KEY,
    status          VARCHAR(12)  NOT NULL,
    teller_entries  INTEGER      NOT NULL,
    core_bookings   INTEGER      NOT NULL,
    matched         INTEGER      NOT NULL,
    breaks          INTEGER      NOT NULL,
    detail          VARCHAR(500),
    run_by          VARCHAR(40)  NOT NULL,
    run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT core_reconciliation_status CHECK (status IN ('CLEAN', 'BREAKS', 'NO_FILE'))
);

CREATE SEQUENCE core_break_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE core_break (
    id              BIGINT         PRIMARY KEY,
    business_date   DATE           NOT NULL,
    category        VARCHAR(20)    NOT NULL,
    entry_id        BIGINT         NOT NULL,
    core_ref        VARCHAR(40),
    amount          NUMERIC(19, 2) NOT NULL,
    detail          VARCHAR(500)   NOT NULL,
    status          VARCHAR(10)    NOT NULL,
    found_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution      VARCHAR(12),
    note            VARCHAR(200),
    resolved_by     VARCHAR(40),
    resolved_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT core_break_category CHECK (category IN ('TELLER_ONLY', 'CORE_ONLY', 'AMOUNT_MISMATCH',
        'ACCOUNT_MISMATCH', 'DUPLICATED')),
    CONSTRAINT core_break_status CHECK (status IN ('OPEN', 'RESOLVED')),
    CONSTRAINT core_break_resolved CHECK ((status = 'RESOLVED') = (resolved_by IS NOT NULL))
);
CREATE INDEX core_break_date_idx ON core_break (business_date, status);
