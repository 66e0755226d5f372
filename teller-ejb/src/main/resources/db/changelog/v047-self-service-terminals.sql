--liquibase formatted sql

--changeset teller:047-self-service-terminals
-- Self-service terminals (自助终端, issue 18): cash deposit/withdrawal machines and kiosks, each a client
-- of its own (a system user with an API key) registered to a branch, whose cash box is a till of the
-- branch (till code = the terminal's), loaded from and unloaded to the vault and counted like any till.
CREATE TABLE terminal (
    terminal_id    VARCHAR(8)   PRIMARY KEY,
    branch_code    VARCHAR(4)   NOT NULL REFERENCES branch (code),
    till_code      VARCHAR(3)   NOT NULL,
    kind           VARCHAR(6)   NOT NULL,
    username       VARCHAR(40)  NOT NULL UNIQUE REFERENCES app_user (username),
    description    VARCHAR(100) NOT NULL,
    registered_by  VARCHAR(40)  NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT terminal_kind CHECK (kind IN ('ATM', 'CDM', 'KIOSK')),
    CONSTRAINT terminal_till UNIQUE (branch_code, till_code)
);

-- Wrong PINs entered at terminals, per card and business day: the third locks the card for the day.
CREATE TABLE card_pin_try (
    pan            VARCHAR(19)  NOT NULL REFERENCES card (pan),
    business_date  DATE         NOT NULL,
    failures       INTEGER      NOT NULL,
    PRIMARY KEY (pan, business_date)
);

-- Cash a terminal paid out, per its request: the card's daily limit counts them; one the terminal
-- reports it did not dispense is reversed (NOT_DISPENSED, with the reversal's entry).
CREATE TABLE terminal_withdrawal (
    terminal_id       VARCHAR(8)     NOT NULL REFERENCES terminal (terminal_id),
    request_id        VARCHAR(64)    NOT NULL,
    pan               VARCHAR(19)    NOT NULL REFERENCES card (pan),
    business_date     DATE           NOT NULL,
    amount            NUMERIC(19, 2) NOT NULL,
    entry_id          BIGINT         NOT NULL REFERENCES journal_entry (id),
    status            VARCHAR(14)    NOT NULL,
    reversal_entry_id BIGINT         REFERENCES journal_entry (id),
    PRIMARY KEY (terminal_id, request_id),
    CONSTRAINT terminal_withdrawal_status CHECK (status IN ('DISPENSED', 'NOT_DISPENSED')),
    CONSTRAINT terminal_withdrawal_reversed CHECK ((status = 'NOT_DISPENSED') = (reversal_entry_id IS NOT NULL))
);
CREATE INDEX terminal_withdrawal_card_idx ON terminal_withdrawal (pan, business_date);
