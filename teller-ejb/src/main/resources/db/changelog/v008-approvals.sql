--liquibase formatted sql

--changeset teller:008-approvals
-- Which operations need a second person's approval (授权): by operation, the maker's role and an
-- amount threshold (none: always). Reference data.
CREATE TABLE approval_policy (
    id             BIGINT         PRIMARY KEY,
    operation      VARCHAR(30)    NOT NULL,
    maker_role     VARCHAR(20)    NOT NULL,
    min_amount     NUMERIC(19, 2),
    description_zh VARCHAR(100)   NOT NULL,
    description_en VARCHAR(100)   NOT NULL,
    CONSTRAINT approval_policy_amount CHECK (min_amount IS NULL OR min_amount >= 0)
);
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (1, 'CASH_WITHDRAWAL', 'TELLER', 50000.00, '大额现金支取（5万元及以上）', 'Large cash withdrawal (50,000 and above)');
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (2, 'CASH_DEPOSIT', 'TELLER', 50000.00, '大额现金存入（5万元及以上）', 'Large cash deposit (50,000 and above)');
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (3, 'TRANSFER', 'TELLER', 500000.00, '超过柜员权限的转账（50万元及以上）', 'Transfer above a teller''s limit (500,000 and above)');
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (4, 'ACCOUNT_CLOSING', 'TELLER', NULL, '销户', 'Closing an account');

-- One request for approval: what the maker asked (operation, the request's fingerprint, amount,
-- account), who decided and how, once. It is valid on its business date only; the operation runs
-- when the maker submits the same request again after approval, and is checked again then.
CREATE SEQUENCE approval_request_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE approval_request (
    id             BIGINT         PRIMARY KEY,
    operation      VARCHAR(30)    NOT NULL,
    request_id     VARCHAR(64)    NOT NULL,
    fingerprint    VARCHAR(200)   NOT NULL,
    amount         NUMERIC(19, 2),
    account_number VARCHAR(16),
    summary        VARCHAR(300)   NOT NULL,
    policy_id      BIGINT         NOT NULL REFERENCES approval_policy (id),
    maker          VARCHAR(40)    NOT NULL,
    branch_code    VARCHAR(4)     NOT NULL,
    business_date  DATE           NOT NULL,
    status         VARCHAR(10)    NOT NULL,
    checker        VARCHAR(40),
    decision_note  VARCHAR(200),
    decided_at     TIMESTAMP,
    created_at     TIMESTAMP      NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT approval_request_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    CONSTRAINT approval_request_once UNIQUE (request_id),
    CONSTRAINT approval_request_checker CHECK (checker IS NULL OR checker <> maker)
);
CREATE INDEX approval_request_pending_idx ON approval_request (branch_code, status);
CREATE INDEX approval_request_account_idx ON approval_request (account_number);
