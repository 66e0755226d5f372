--liquibase formatted sql

--changeset teller:012-approval-policy-edits
-- Approval policy lines added by an administrator are numbered from here (the seeded ones are 1-6).
CREATE SEQUENCE approval_policy_seq START WITH 100 INCREMENT BY 50;
-- A line is retired, never deleted: requests name the line that asked for them.
ALTER TABLE approval_policy ADD COLUMN retired BOOLEAN DEFAULT FALSE NOT NULL;
