--liquibase formatted sql

--changeset teller:032-statement-files
-- The statement files end of day wrote (对账单登记): one row per file, its path in the day's folder,
-- size and SHA-256, written in the transaction of the chunk that wrote the file (a chunk written
-- again after a restart replaces its rows), so the day's manifest is read from here, not from disk.
CREATE TABLE statement_file (
    business_date  DATE         NOT NULL,
    path           VARCHAR(100) NOT NULL,
    account_number VARCHAR(16)  NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    CONSTRAINT statement_file_pk PRIMARY KEY (business_date, path)
);
