--liquibase formatted sql

--changeset teller:014-audit-trail
-- The audit trail: one hash chain per actor (a person acts one step at a time, so chains do not
-- contend), each record's hash = SHA-256 over the previous hash and the record's canonical form.
CREATE SEQUENCE audit_record_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_record (
    id          BIGINT        PRIMARY KEY,
    chain       VARCHAR(40)   NOT NULL,
    chain_seq   BIGINT        NOT NULL,
    occurred_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(40)   NOT NULL,
    roles       VARCHAR(120)  NOT NULL,
    branch_code VARCHAR(4),
    terminal    VARCHAR(64),
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(100),
    detail      VARCHAR(2000),
    result      VARCHAR(60)   NOT NULL,
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_record_link UNIQUE (chain, chain_seq)
);
CREATE INDEX audit_record_actor ON audit_record (actor, occurred_at);
CREATE INDEX audit_record_subject ON audit_record (subject);
CREATE INDEX audit_record_time ON audit_record (occurred_at);
-- Where each chain ends: locked by the next record of the chain (not evidence: the verifier trusts
-- only the records and the seals).
CREATE TABLE audit_chain (
    chain     VARCHAR(40) PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
-- The daily seals: every chain's head, under a keyed MAC, so that rewriting a whole tail shows.
CREATE SEQUENCE audit_seal_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_seal (
    id        BIGINT         PRIMARY KEY,
    sealed_at TIMESTAMP      NOT NULL,
    heads     VARCHAR(200000) NOT NULL,
    mac       VARCHAR(64)    NOT NULL
);

--changeset teller:014-audit-append-only dbms:postgresql splitStatements:false
-- PostgreSQL refuses to change or remove audit records and seals, whoever asks (the embedded H2
-- demo database has no such trigger; the hash chain and the seals still show any change).
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
