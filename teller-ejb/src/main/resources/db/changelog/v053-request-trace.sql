--liquibase formatted sql

--changeset teller:053-request-trace
-- Operations (issue 20): the request id (X-Request-Id, or a channel message's) of the work that posted an
-- entry, kept with its place in the core system's outbox until the relay sends it, so that the message
-- carries it (JMS property requestId) and the logs of Teller and of the core system can be followed from
-- the call to the message. Nullable and unread by an older release: adding it is safe while one still runs.
ALTER TABLE core_outbox ADD COLUMN trace_id VARCHAR(64);
