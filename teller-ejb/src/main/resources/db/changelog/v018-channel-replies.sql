--liquibase formatted sql

--changeset teller:018-channel-replies
-- The answer given to each channel request id, so that every message carrying the same request id
-- (a duplicate sent again, or redelivered) gets the same answer, a refusal included: the channel
-- never hears "refused" and then "done" for one request. Reserved before the request is carried
-- out, in the listener's transaction, so a concurrent duplicate waits for the first answer.
CREATE TABLE channel_reply (
    request_id  VARCHAR(64)   PRIMARY KEY,
    fingerprint VARCHAR(64)   NOT NULL,
    reply       VARCHAR(4000),
    received_at TIMESTAMP     NOT NULL
);
