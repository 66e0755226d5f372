--liquibase formatted sql

--changeset teller:025-reference-version
-- The version of the reference data (fee schedule, approval policy, role limits), bumped in the
-- transaction of every change to it. A posting reads it with the business date, in the one
-- statement it reads that with, and uses what the server has cached for that version (ReferenceData):
-- correct on any number of servers, with no read of the reference tables per posting.
ALTER TABLE business_day ADD COLUMN reference_version BIGINT DEFAULT 0 NOT NULL;
