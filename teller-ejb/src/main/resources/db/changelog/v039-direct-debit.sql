--liquibase formatted sql

--changeset teller:039-direct-debit
-- Direct debit (代扣, issue 17): a payer's mandate for a company (the company's agreement, v038) with its
-- limits; the company's debit files, each line debited once by the direct-debit batch job or refused with
-- its reason, the company credited with the total.

-- 代扣款项（待划转）: what payers' accounts were debited for a company and not yet credited to it.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2271', '代扣款项（待划转）', 'Direct debits to pay over', 'LIABILITY', 'CREDIT');

CREATE SEQUENCE dd_mandate_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dd_mandate (
    id              BIGINT         PRIMARY KEY,
    agreement_id    BIGINT         NOT NULL REFERENCES collection_agreement (id),
    mandate_ref     VARCHAR(32)    NOT NULL,
    payer_account   VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    limit_per_debit NUMERIC(19, 2) NOT NULL,
    limit_per_month NUMERIC(19, 2) NOT NULL,
    valid_from      DATE           NOT NULL,
    expires_on      DATE,
    status          VARCHAR(10)    NOT NULL,
    signed_by       VARCHAR(40)    NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_by    VARCHAR(40),
    cancelled_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT         NOT NULL,
    CONSTRAINT dd_mandate_ref UNIQUE (agreement_id, mandate_ref),
    CONSTRAINT dd_mandate_status CHECK (status IN ('ACTIVE', 'CANCELLED')),
    CONSTRAINT dd_mandate_limits CHECK (limit_per_debit > 0 AND limit_per_month >= limit_per_debit)
);
CREATE INDEX dd_mandate_payer_idx ON dd_mandate (payer_account);

CREATE SEQUENCE dd_file_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE dd_file (
    id               BIGINT         PRIMARY KEY,
    agreement_id     BIGINT         NOT NULL REFERENCES collection_agreement (id),
    file_ref         VARCHAR(40)    NOT NULL,
    business_date    DATE           NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    line_count       INTEGER        NOT NULL,
    execution_id     BIGINT,
    credited_entry_id BIGINT,
    paid_count       INTEGER,
    paid_total       NUMERIC(19, 2),
    received_by      VARCHAR(40)    NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    version          BIGINT         NOT NULL,
    CONSTRAINT dd_file_ref UNIQUE (agreement_id, file_ref),
    CONSTRAINT dd_file_status CHECK (status IN ('RECEIVED', 'COMPLETED'))
);

CREATE SEQUENCE dd_line_seq START WITH 500 INCREMENT BY 500;
CREATE TABLE dd_line (
    id           BIGINT         PRIMARY KEY,
    file_id      BIGINT         NOT NULL REFERENCES dd_file (id),
    line_no      INTEGER        NOT NULL,
    mandate_ref  VARCHAR(32),
    mandate_id   BIGINT         REFERENCES dd_mandate (id),
    amount       NUMERIC(19, 2),
    status       VARCHAR(8)     NOT NULL,
    reason       VARCHAR(30),
    detail       VARCHAR(200),
    payer_account VARCHAR(16),
    entry_id     BIGINT,
    debited_on   DATE,
    CONSTRAINT dd_line_no UNIQUE (file_id, line_no),
    CONSTRAINT dd_line_status CHECK (status IN ('PENDING', 'PAID', 'REFUSED'))
);
CREATE INDEX dd_line_pending_idx ON dd_line (file_id, status, id);
CREATE INDEX dd_line_mandate_idx ON dd_line (mandate_id, debited_on);
