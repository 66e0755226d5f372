--liquibase formatted sql

--changeset teller:020-outbox-parking
-- An outbox entry that cannot be sent while the others go through (the broker refuses its message,
-- its journal entry cannot be read as a message) no longer holds up the ones after it: the relay
-- counts its failures and, after a few, sets it aside (parked_at, with the reason) for a supervisor
-- to look at and send again.
ALTER TABLE core_outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE core_outbox ADD COLUMN last_error VARCHAR(500);
ALTER TABLE core_outbox ADD COLUMN parked_at TIMESTAMP;
