--liquibase formatted sql

--changeset teller:028-hot-accounts
-- Hot accounts (热点账户): an account a supervisor marks hot takes credits without its balance row
-- being locked. Each such credit is a pending credit, written with its journal line; the account's
-- balance is its row plus its pending credits until a background step, within a second, or the next
-- debit, under the row's lock, folds them into the row (PendingCredits). Every reader adds them.
ALTER TABLE account ADD COLUMN hot BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE pending_credit (
    entry_id       BIGINT         NOT NULL REFERENCES journal_entry (id),
    line_no        INTEGER        NOT NULL,
    account_number VARCHAR(16)    NOT NULL,
    amount         NUMERIC(19, 2) NOT NULL,
    CONSTRAINT pending_credit_pk PRIMARY KEY (entry_id, line_no)
);
CREATE INDEX pending_credit_account ON pending_credit (account_number);
