--liquibase formatted sql

--changeset teller:041-fee-schedule
-- The fee schedule (issue 17): rules for a customer class (an account type) besides the customer type
-- and channel; waivers (free for some account types or channels, or the first N a month); and who put
-- a rule in the schedule on its screen. A rule once in force is never rewritten: a change is a new rule
-- from a later date, the one before it ended the day before.
ALTER TABLE fee_rule ADD COLUMN account_type VARCHAR(20);
ALTER TABLE fee_rule ADD COLUMN created_by VARCHAR(40);
ALTER TABLE fee_rule ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
CREATE SEQUENCE fee_rule_seq START WITH 100 INCREMENT BY 1;

CREATE TABLE fee_waiver (
    id               BIGINT       PRIMARY KEY,
    transaction_type VARCHAR(30)  NOT NULL,
    account_type     VARCHAR(20),
    channel          VARCHAR(10)  NOT NULL,
    free_per_month   INTEGER,
    description_zh   VARCHAR(100) NOT NULL,
    description_en   VARCHAR(100) NOT NULL,
    valid_from       DATE         NOT NULL,
    valid_to         DATE,
    CONSTRAINT fee_waiver_channel CHECK (channel IN ('COUNTER', 'ONLINE', 'ANY')),
    CONSTRAINT fee_waiver_free CHECK (free_per_month IS NULL OR free_per_month > 0)
);
-- Online wires cost nothing; a company's general account transfers three times a month free.
INSERT INTO fee_waiver (id, transaction_type, account_type, channel, free_per_month, description_zh, description_en,
    valid_from, valid_to) VALUES
    (1, 'WIRE_TRANSFER', NULL, 'ONLINE', NULL, '网上跨行汇款免费', 'Online wires free', DATE '2000-01-01', NULL),
    (2, 'TRANSFER', 'CORPORATE_GENERAL', 'ANY', 3, '一般存款账户每月前 3 笔转账免费',
        'General accounts: the first 3 transfers a month free', DATE '2000-01-01', NULL);
