--liquibase formatted sql

--changeset teller:026-audit-chained-after
-- An audit record is written alone, with no lock: the posting's transaction no longer waits on its
-- actor's chain head (one row per actor, so all of a channel's or an API client's postings queued
-- on it). The chainer links the records into their chains within a second of their commit
-- (AuditChainer): it sets their number in the chain and their hashes, once.
ALTER TABLE audit_record ALTER COLUMN chain_seq DROP NOT NULL;
ALTER TABLE audit_record ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_record ALTER COLUMN hash DROP NOT NULL;

--changeset teller:026-audit-unchained-index dbms:postgresql
-- the records still to chain, and only those
CREATE INDEX audit_record_unchained ON audit_record (id) WHERE chain_seq IS NULL;

--changeset teller:026-audit-unchained-index-h2 dbms:h2
CREATE INDEX audit_record_unchained ON audit_record (chain_seq, id);

--changeset teller:026-audit-chain-once dbms:postgresql splitStatements:false
-- PostgreSQL still refuses any change to a record, but one: the chainer linking a record not yet
-- linked, which sets its link (chain_seq, prev_hash, hash) and nothing else.
CREATE FUNCTION audit_record_chained_once() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
            AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
            AND NEW.id = OLD.id AND NEW.chain = OLD.chain AND NEW.occurred_at = OLD.occurred_at
            AND NEW.actor = OLD.actor AND NEW.roles = OLD.roles
            AND NEW.branch_code IS NOT DISTINCT FROM OLD.branch_code
            AND NEW.terminal IS NOT DISTINCT FROM OLD.terminal AND NEW.action = OLD.action
            AND NEW.subject IS NOT DISTINCT FROM OLD.subject AND NEW.detail IS NOT DISTINCT FROM OLD.detail
            AND NEW.result = OLD.result THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER audit_record_append_only ON audit_record;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_chained_once();
