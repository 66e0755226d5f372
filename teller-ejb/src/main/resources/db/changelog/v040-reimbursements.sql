--liquibase formatted sql

--changeset teller:040-reimbursements
-- Reimbursement claims (报销审批, issue 17): a staff member's claim with its lines and scanned receipts,
-- approved in steps by rules (reference data), then paid once from the expense account to the claimant's.

-- 业务及管理费: what the bank spends, reimbursed claims among it.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('6601', '业务及管理费', 'Operating expenses', 'EXPENSE', 'DEBIT');

-- Who approves a claim, in order: the rule for its total (and, when a line is of the category, the
-- category's); of the rules that match, the one with the most steps.
CREATE TABLE claim_rule (
    id             BIGINT         PRIMARY KEY,
    category       VARCHAR(16),
    min_amount     NUMERIC(19, 2) NOT NULL,
    max_amount     NUMERIC(19, 2),
    steps          VARCHAR(200)   NOT NULL,
    description_zh VARCHAR(100)   NOT NULL,
    description_en VARCHAR(100)   NOT NULL
);
INSERT INTO claim_rule (id, category, min_amount, max_amount, steps, description_zh, description_en) VALUES
    (1, NULL, 0.00, 5000.00, 'SUPERVISOR', '5000 元以下：主管审批', 'Below 5,000: a supervisor'),
    (2, NULL, 5000.00, NULL, 'SUPERVISOR,BRANCH_MANAGER', '5000 元及以上：主管、行长依次审批',
        '5,000 and above: a supervisor, then the branch manager'),
    (3, 'ENTERTAINMENT', 0.00, NULL, 'SUPERVISOR,BRANCH_MANAGER', '业务招待费：主管、行长依次审批',
        'Entertainment: a supervisor, then the branch manager');

CREATE SEQUENCE claim_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE claim (
    id              BIGINT         PRIMARY KEY,
    claim_no        VARCHAR(20)    UNIQUE,
    claimant        VARCHAR(40)    NOT NULL,
    request_id      VARCHAR(64)    NOT NULL,
    title           VARCHAR(60)    NOT NULL,
    payee_account   VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    total           NUMERIC(19, 2) NOT NULL,
    status          VARCHAR(12)    NOT NULL,
    steps           VARCHAR(200),
    step_no         INTEGER,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_by         VARCHAR(40),
    paid_request_id VARCHAR(64),
    version         BIGINT         NOT NULL,
    CONSTRAINT claim_request UNIQUE (claimant, request_id),
    CONSTRAINT claim_status CHECK (status IN ('DRAFT', 'IN_APPROVAL', 'RETURNED', 'APPROVED', 'PAID')),
    CONSTRAINT claim_total CHECK (total > 0)
);
CREATE INDEX claim_status_idx ON claim (status, id);
CREATE INDEX claim_claimant_idx ON claim (claimant, id);

CREATE TABLE claim_line (
    claim_id BIGINT         NOT NULL REFERENCES claim (id),
    line_no  INTEGER        NOT NULL,
    category VARCHAR(16)    NOT NULL,
    amount   NUMERIC(19, 2) NOT NULL,
    spent_on DATE           NOT NULL,
    note     VARCHAR(100),
    PRIMARY KEY (claim_id, line_no),
    CONSTRAINT claim_line_amount CHECK (amount > 0)
);

CREATE SEQUENCE claim_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE claim_attachment (
    id           BIGINT       PRIMARY KEY,
    claim_id     BIGINT       NOT NULL REFERENCES claim (id),
    file_name    VARCHAR(100) NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      BYTEA        NOT NULL,
    added_by     VARCHAR(40)  NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX claim_attachment_claim_idx ON claim_attachment (claim_id, id);

CREATE SEQUENCE claim_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE claim_event (
    id       BIGINT       PRIMARY KEY,
    claim_id BIGINT       NOT NULL REFERENCES claim (id),
    action   VARCHAR(12)  NOT NULL,
    step_no  INTEGER,
    role     VARCHAR(20),
    actor    VARCHAR(40)  NOT NULL,
    note     VARCHAR(200),
    at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX claim_event_claim_idx ON claim_event (claim_id, id);
