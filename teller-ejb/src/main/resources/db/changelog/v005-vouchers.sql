--liquibase formatted sql

--changeset teller:005-vouchers
-- A teller's cash drawer (尾箱) code, part of every voucher number; users without one (systems) print none.
ALTER TABLE app_user ADD COLUMN till_code VARCHAR(3);

-- The last voucher sequence per branch, business date and till; taken with a row lock as the last
-- step of a posting, so numbers are unique and without gaps (a rolled-back posting gives its back).
CREATE TABLE voucher_sequence (
    branch_code   VARCHAR(4) NOT NULL REFERENCES branch (code),
    business_date DATE       NOT NULL,
    till_code     VARCHAR(3) NOT NULL,
    last_value    INTEGER    NOT NULL,
    PRIMARY KEY (branch_code, business_date, till_code)
);

-- One voucher (凭证) per customer posting at the counter: its number, what it is for, how often
-- it was printed (the first print is the original, every later one a copy) and the customer's
-- confirmation (签字确认).
CREATE TABLE voucher (
    voucher_no     VARCHAR(24) PRIMARY KEY,
    entry_id       BIGINT      NOT NULL REFERENCES journal_entry (id),
    branch_code    VARCHAR(4)  NOT NULL REFERENCES branch (code),
    business_date  DATE        NOT NULL,
    till_code      VARCHAR(3)  NOT NULL,
    sequence_no    INTEGER     NOT NULL,
    account_number VARCHAR(16) NOT NULL REFERENCES account (account_number),
    counterparty   VARCHAR(16) REFERENCES account (account_number),
    teller         VARCHAR(40) NOT NULL,
    print_count    INTEGER     NOT NULL,
    confirmed_by   VARCHAR(40),
    confirmed_at   TIMESTAMP,
    CONSTRAINT voucher_entry_unique UNIQUE (entry_id),
    CONSTRAINT voucher_number_unique UNIQUE (branch_code, business_date, till_code, sequence_no)
);
