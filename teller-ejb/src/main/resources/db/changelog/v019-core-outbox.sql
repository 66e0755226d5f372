--liquibase formatted sql

--changeset teller:019-core-outbox
-- The journal entries not yet announced to the core system (transactional outbox): a posting adds
-- its entry here in its own database transaction, and CorePostingRelay sends the message and
-- removes the row together. A posting thus commits in PostgreSQL alone, without a two-phase commit
-- with the broker, and no committed entry is ever left unannounced.
CREATE TABLE core_outbox (
    entry_id   BIGINT    PRIMARY KEY REFERENCES journal_entry (id),
    created_at TIMESTAMP NOT NULL
);
