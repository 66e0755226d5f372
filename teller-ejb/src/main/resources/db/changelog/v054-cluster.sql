--liquibase formatted sql

--changeset teller:054-cluster
-- Two WildFly nodes (issue 20). Each expands the schema only (new table, nullable column), so a node
-- still on the release before runs beside one on this release during a rolling upgrade.
-- A user's one session, whichever node made it: the key of their latest sign-in; a session holding
-- another key was replaced (bank.teller.web.security.ActiveSessions).
ALTER TABLE app_user ADD COLUMN session_key VARCHAR(44);
-- Each server's heartbeat (bank.teller.platform.ServerNode): its name (jboss.node.name), this start's
-- random id, when it last said it was alive (epoch milliseconds, its clock).
CREATE TABLE server_node (
    name VARCHAR(64) PRIMARY KEY,
    incarnation VARCHAR(36) NOT NULL,
    seen_millis BIGINT NOT NULL
);
-- Which server (and which start of it) runs a batch execution: one another live node runs is going,
-- not to be restarted from this node (bank.teller.batch.JobLiveness).
CREATE TABLE batch_run_node (
    execution_id BIGINT PRIMARY KEY,
    node VARCHAR(64) NOT NULL,
    incarnation VARCHAR(36) NOT NULL
);
