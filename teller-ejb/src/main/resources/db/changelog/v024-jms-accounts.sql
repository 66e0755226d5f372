--liquibase formatted sql

--changeset teller:024-jms-accounts
-- The accounts other bank systems sign in to the broker with (wildfly-config teller.cli, realm
-- TellerJmsRealm): one or more per system (a channel: online, mobile, terminal; or the core), issued
-- by an administrator, shown once, revoked when the system no longer needs it. Only the SHA-256 of
-- the password is kept: it is 32 random bytes, so a salted slow hash would add nothing.
CREATE TABLE jms_account (
    username      VARCHAR(40)  PRIMARY KEY,
    system_name   VARCHAR(20)  NOT NULL,
    password_hash VARCHAR(64)  NOT NULL,
    description   VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(40)  NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(40)
);
CREATE INDEX jms_account_system ON jms_account (system_name);
-- The broker's role of an account: the core system's, or the channel's own (its request and reply
-- queues and nothing else).
CREATE VIEW jms_account_role AS
    SELECT username, CASE WHEN system_name = 'core' THEN 'core' ELSE 'channel-' || system_name END AS role_name
    FROM jms_account WHERE enabled = TRUE;

-- A channel's request id is its own: Teller keeps it with the channel's name in front
-- ("online:mb-0001"), which no longer fits in 64 characters.
ALTER TABLE channel_reply ALTER COLUMN request_id SET DATA TYPE VARCHAR(100);
ALTER TABLE request_reservation ALTER COLUMN request_id SET DATA TYPE VARCHAR(100);
ALTER TABLE journal_entry ALTER COLUMN request_id SET DATA TYPE VARCHAR(100);
ALTER TABLE account_limit_usage ALTER COLUMN request_id SET DATA TYPE VARCHAR(100);
ALTER TABLE approval_request ALTER COLUMN request_id SET DATA TYPE VARCHAR(100);
