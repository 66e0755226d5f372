--liquibase formatted sql

--changeset teller:016-api-clients
-- Other systems call the API with keys of their own. A key stands for a system user (its roles are
-- the operations the system is granted); the key's secret is kept only as a SHA-256 hash (it is
-- 256 random bits, so a fast hash is enough), found by its public key id.
ALTER TABLE app_user ADD COLUMN system_caller BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE app_user SET system_caller = TRUE WHERE username = 'channel';
CREATE SEQUENCE api_client_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_client (
    id          BIGINT       PRIMARY KEY,
    key_id      VARCHAR(16)  NOT NULL UNIQUE,
    key_hash    VARCHAR(64)  NOT NULL,
    username    VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    description VARCHAR(100) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(40)  NOT NULL
);
