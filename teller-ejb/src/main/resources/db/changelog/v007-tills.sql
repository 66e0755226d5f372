--liquibase formatted sql

--changeset teller:007-tills
-- Till sessions (尾箱): a teller works the till of their till code for one business date at a time.
-- Cash postings name the session they went through; the till's position is the session's opening
-- cash plus the till-cash lines of its entries. Closing counts the cash by denomination.
CREATE SEQUENCE till_session_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE till_session (
    id             BIGINT         PRIMARY KEY,
    branch_code    VARCHAR(4)     NOT NULL REFERENCES branch (code),
    till_code      VARCHAR(3)     NOT NULL,
    teller         VARCHAR(40)    NOT NULL REFERENCES app_user (username),
    business_date  DATE           NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    opening_cash   NUMERIC(19, 2) NOT NULL,
    counted_cash   NUMERIC(19, 2),
    expected_cash  NUMERIC(19, 2),
    count_detail   VARCHAR(200),
    close_note     VARCHAR(200),
    opened_at      TIMESTAMP      NOT NULL,
    counted_at     TIMESTAMP,
    closed_at      TIMESTAMP,
    approved_by    VARCHAR(40),
    variance_entry BIGINT         REFERENCES journal_entry (id),
    version        BIGINT         NOT NULL,
    CONSTRAINT till_session_status CHECK (status IN ('OPEN', 'PENDING_VARIANCE', 'CLOSED')),
    CONSTRAINT till_session_one_per_day UNIQUE (branch_code, till_code, business_date)
);
CREATE INDEX till_session_teller_idx ON till_session (teller, status);

ALTER TABLE journal_entry ADD COLUMN till_session_id BIGINT REFERENCES till_session (id);
CREATE INDEX journal_entry_till_session_idx ON journal_entry (till_session_id);

-- Cash between the branch vault (库房) and a till, asked for by the teller and confirmed by the
-- vault keeper (a supervisor, never the teller who asked); posted only when confirmed.
CREATE SEQUENCE vault_transfer_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE vault_transfer (
    id             BIGINT         PRIMARY KEY,
    session_id     BIGINT         NOT NULL REFERENCES till_session (id),
    direction      VARCHAR(8)     NOT NULL,
    amount         NUMERIC(19, 2) NOT NULL,
    status         VARCHAR(10)    NOT NULL,
    requested_by   VARCHAR(40)    NOT NULL,
    requested_at   TIMESTAMP      NOT NULL,
    decided_by     VARCHAR(40),
    decided_at     TIMESTAMP,
    entry_id       BIGINT         REFERENCES journal_entry (id),
    version        BIGINT         NOT NULL,
    CONSTRAINT vault_transfer_direction CHECK (direction IN ('TO_TILL', 'TO_VAULT')),
    CONSTRAINT vault_transfer_status CHECK (status IN ('REQUESTED', 'CONFIRMED', 'REJECTED')),
    CONSTRAINT vault_transfer_amount CHECK (amount > 0)
);
CREATE INDEX vault_transfer_session_idx ON vault_transfer (session_id);
