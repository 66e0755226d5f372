--liquibase formatted sql

--changeset teller:013-sign-in
-- Multi-factor sign-in: a TOTP secret per user (RFC 6238), the last time step accepted (a code is
-- good once), consecutive failures and the lock they set, when the password was last changed and
-- whether it must be changed at the next sign-in (first sign-in, reset by an administrator).
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_pending_secret VARCHAR(64);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP;
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP;
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
-- Users who existed before: their password counts from now, and they enrol a token at their next sign-in.
UPDATE app_user SET password_changed_at = CURRENT_TIMESTAMP;
ALTER TABLE app_user ALTER COLUMN password_changed_at SET NOT NULL;

-- The passwords a user had before (bcrypt), so that the last few cannot come back.
CREATE SEQUENCE password_history_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE password_history (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    password_hash VARCHAR(100) NOT NULL,
    changed_at    TIMESTAMP    NOT NULL
);
CREATE INDEX password_history_user ON password_history (username, changed_at);
