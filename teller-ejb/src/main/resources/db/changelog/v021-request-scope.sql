--liquibase formatted sql

--changeset teller:021-request-ids-per-caller
-- An idempotency key (Idempotency-Key, JMS requestId) belongs to the caller who sent it: a user, an
-- API client (api-...) or the channel listener (channel, the JMS requests alone). The same key from
-- another caller is another request. The reservations move to a table keyed by (caller, request id);
-- the caller of an earlier reservation is taken from what it left behind (its journal entry, its
-- approval request, the customer it registered); one whose caller cannot be told keeps the caller ''
-- and, for its own key only, still answers any caller with the first result, as it did before.
CREATE TABLE request_reservation (
    caller      VARCHAR(40)  NOT NULL,
    request_id  VARCHAR(64)  NOT NULL,
    operation   VARCHAR(30)  NOT NULL,
    fingerprint VARCHAR(200) NOT NULL,
    result_ref  VARCHAR(64),
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT request_reservation_pk PRIMARY KEY (caller, request_id)
);
INSERT INTO request_reservation (caller, request_id, operation, fingerprint, result_ref, created_at)
SELECT COALESCE(
           (SELECT MIN(e.teller) FROM journal_entry e WHERE e.request_id = p.request_id),
           (SELECT MIN(r.maker) FROM approval_request r WHERE r.request_id = p.request_id),
           (SELECT MIN(c.created_by) FROM customer c WHERE p.operation LIKE 'REGISTER_%'
                AND CAST(c.id AS VARCHAR(64)) = p.result_ref),
           ''),
       p.request_id, p.operation, p.fingerprint, p.result_ref, p.created_at
FROM processed_request p;
DROP TABLE processed_request;

-- An approval request is the maker's: the same key from another maker is another request.
ALTER TABLE approval_request DROP CONSTRAINT approval_request_once;
ALTER TABLE approval_request ADD CONSTRAINT approval_request_once UNIQUE (maker, request_id);
