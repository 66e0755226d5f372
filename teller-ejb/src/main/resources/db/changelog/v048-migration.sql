--liquibase formatted sql

--changeset teller:048-migration
-- Migration from the bank's old system (业务迁移, issue 18): a branch's files, staged row by row, imported
-- by the migration-import job. A batch is LOADED, IMPORTING, IMPORTED, then SIGNED_OFF (by a supervisor
-- other than its loader, once its control totals equal the old system's) or DISCARDED (what it migrated
-- removed, so the branch can be migrated again from scratch).
CREATE SEQUENCE migration_batch_seq START WITH 10 INCREMENT BY 10;
CREATE TABLE migration_batch (
    id             BIGINT       PRIMARY KEY,
    branch_code    VARCHAR(4)   NOT NULL REFERENCES branch (code),
    status         VARCHAR(10)  NOT NULL,
    business_date  DATE         NOT NULL,
    execution_id   BIGINT,
    loaded_by      VARCHAR(40)  NOT NULL,
    loaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by      VARCHAR(40),
    closed_at      TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    CONSTRAINT migration_batch_status CHECK (status IN ('LOADED', 'IMPORTING', 'IMPORTED', 'SIGNED_OFF', 'DISCARDED'))
);
CREATE INDEX migration_batch_branch_idx ON migration_batch (branch_code, status);

-- One row of one of the batch's files as it came (its cells, as one CSV line; legacy_key: the old
-- system's customer id or account number, what later files refer to), what became of it: the record it
-- made or found (ref: a customer id, an account number, a card, a voucher range; created when the
-- migration made it), the product, units and amount it counts toward in the control totals, the entry
-- of its opening balance, or why it was rejected (an error code and its arguments, tab-separated).
CREATE SEQUENCE migration_row_seq START WITH 500 INCREMENT BY 500;
CREATE TABLE migration_row (
    id             BIGINT        PRIMARY KEY,
    batch_id       BIGINT        NOT NULL REFERENCES migration_batch (id),
    file           VARCHAR(14)   NOT NULL,
    line_no        INTEGER       NOT NULL,
    cells          VARCHAR(2000) NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    legacy_key     VARCHAR(40),
    reason         VARCHAR(40),
    detail         VARCHAR(400),
    ref            VARCHAR(40),
    created        BOOLEAN       NOT NULL,
    product        VARCHAR(20),
    units          INTEGER,
    amount         NUMERIC(19, 2),
    entry_id       BIGINT,
    CONSTRAINT migration_row_status CHECK (status IN ('PENDING', 'IMPORTED', 'REJECTED')),
    CONSTRAINT migration_row_file CHECK (file IN ('CUSTOMERS', 'ACCOUNTS', 'CARDS', 'TIME_DEPOSITS', 'VOUCHER_STOCK')),
    CONSTRAINT migration_row_line UNIQUE (batch_id, file, line_no)
);
CREATE INDEX migration_row_legacy_idx ON migration_row (batch_id, file, legacy_key);
CREATE INDEX migration_row_pending_idx ON migration_row (batch_id, file, status, id);

-- The old system's control totals for the batch: count and sum per product (the batch is one branch's).
CREATE TABLE migration_control (
    batch_id       BIGINT        NOT NULL REFERENCES migration_batch (id),
    product        VARCHAR(20)   NOT NULL,
    expected_count BIGINT        NOT NULL,
    expected_total NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (batch_id, product)
);

-- Opening balances are booked against this account, so the ledger balances from the first day; the
-- core already holds them (they came from the old system), so they are not sent to it.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side)
    VALUES ('1999', '系统迁移过渡户', 'Migration clearing', 'ASSET', 'DEBIT');
