--liquibase formatted sql

--changeset teller:038-collections
-- Collections for companies (代收, issue 17): a company's agreement names the account its collections
-- are credited to; the bills it expects come in a bill list (CSV); a payer pays a bill at the counter in
-- cash or by transfer, once: its payment is the journal entry of (paid_by, paid_request_id).
CREATE SEQUENCE collection_agreement_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE collection_agreement (
    id              BIGINT       PRIMARY KEY,
    code            VARCHAR(12)  NOT NULL UNIQUE,
    name            VARCHAR(60)  NOT NULL,
    category        VARCHAR(10)  NOT NULL,
    company_account VARCHAR(16)  NOT NULL REFERENCES account (account_number),
    active          BOOLEAN      NOT NULL,
    created_by      VARCHAR(40)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT collection_agreement_category CHECK (category IN ('UTILITY', 'TUITION', 'FEE', 'OTHER'))
);

CREATE SEQUENCE collection_bill_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE collection_bill (
    id              BIGINT         PRIMARY KEY,
    agreement_id    BIGINT         NOT NULL REFERENCES collection_agreement (id),
    bill_ref        VARCHAR(32)    NOT NULL,
    payer_name      VARCHAR(60)    NOT NULL,
    amount          NUMERIC(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    due_date        DATE,
    status          VARCHAR(8)     NOT NULL,
    loaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_request_id VARCHAR(64),
    paid_method     VARCHAR(8),
    paid_from       VARCHAR(16),
    paid_by         VARCHAR(40),
    paid_on         DATE,
    paid_at         TIMESTAMP WITH TIME ZONE,
    version         BIGINT         NOT NULL,
    CONSTRAINT collection_bill_ref UNIQUE (agreement_id, bill_ref),
    CONSTRAINT collection_bill_status CHECK (status IN ('OPEN', 'PAID')),
    CONSTRAINT collection_bill_amount CHECK (amount > 0),
    CONSTRAINT collection_bill_paid CHECK ((status = 'PAID') = (paid_request_id IS NOT NULL))
);
CREATE INDEX collection_bill_paid_idx ON collection_bill (agreement_id, paid_on);
