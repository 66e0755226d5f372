--liquibase formatted sql

--changeset teller:044-core-acknowledgements
-- Where each journal entry stands with the core banking system (issue 18): SENT when the outbox relay
-- announced it, ACKNOWLEDGED when the core booked it and said so with its own reference; RECONCILED or
-- BREAK once end of day compared the day with the core's reconciliation file.
CREATE TABLE core_posting (
    entry_id        BIGINT       PRIMARY KEY REFERENCES journal_entry (id),
    state           VARCHAR(12)  NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    core_ref        VARCHAR(40),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT core_posting_state CHECK (state IN ('SENT', 'ACKNOWLEDGED', 'RECONCILED', 'BREAK')),
    CONSTRAINT core_posting_acknowledged CHECK (state <> 'ACKNOWLEDGED' OR core_ref IS NOT NULL)
);
CREATE INDEX core_posting_state_idx ON core_posting (state, entry_id);
