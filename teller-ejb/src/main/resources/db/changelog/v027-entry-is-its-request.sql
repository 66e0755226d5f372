--liquibase formatted sql

--changeset teller:027-entry-is-its-request
-- A posting's journal entry is its own idempotency record: it carries its caller and the request's
-- fingerprint, unique per (caller, request id), so a posting writes no reservation row of its own and
-- looks for an earlier one only when it fails (PostingRequests). Entries posted before keep their
-- reservation, and get its caller and fingerprint here, so a retry of one still finds its first result.
-- Entries of other writes (a card's replacement fee, a till's variance) keep both empty: their
-- requests are reserved in request_reservation.
ALTER TABLE journal_entry ADD COLUMN request_caller VARCHAR(40);
ALTER TABLE journal_entry ADD COLUMN request_fingerprint VARCHAR(200);
UPDATE journal_entry SET
    request_caller = (SELECT r.caller FROM request_reservation r WHERE r.request_id = journal_entry.request_id
        AND r.result_ref = CAST(journal_entry.id AS VARCHAR(64))
        AND r.operation IN ('CASH_DEPOSIT', 'CASH_WITHDRAWAL', 'TRANSFER', 'REVERSAL', 'ADJUSTMENT')),
    request_fingerprint = (SELECT r.fingerprint FROM request_reservation r WHERE r.request_id = journal_entry.request_id
        AND r.result_ref = CAST(journal_entry.id AS VARCHAR(64))
        AND r.operation IN ('CASH_DEPOSIT', 'CASH_WITHDRAWAL', 'TRANSFER', 'REVERSAL', 'ADJUSTMENT'));
CREATE UNIQUE INDEX journal_entry_request ON journal_entry (request_caller, request_id);
