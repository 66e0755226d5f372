--liquibase formatted sql

--changeset teller:004-identity-verification
-- Every identity check (联网核查) the counter made, whatever its result: who, when, what came back.
CREATE SEQUENCE identity_verification_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE identity_verification (
    id            BIGINT       PRIMARY KEY,
    id_type       VARCHAR(12)  NOT NULL,
    id_number     VARCHAR(18)  NOT NULL,
    name          VARCHAR(60)  NOT NULL,
    result        VARCHAR(14)  NOT NULL,
    reference     VARCHAR(40)  NOT NULL,
    verified_by   VARCHAR(40)  NOT NULL,
    verified_at   TIMESTAMP    NOT NULL,
    business_date DATE         NOT NULL,
    CONSTRAINT identity_verification_type CHECK (id_type IN ('RESIDENT_ID', 'CREDIT_CODE')),
    CONSTRAINT identity_verification_result CHECK (result IN ('MATCH', 'NAME_MISMATCH', 'NOT_FOUND'))
);
CREATE INDEX identity_verification_number_idx ON identity_verification (id_number);

--changeset teller:004-customer-kinds
-- Individual and corporate customers in one table; the ID number is a resident ID or a unified
-- social credit code, unique per kind. Birth date and gender are derived from the resident ID.
ALTER TABLE customer ADD COLUMN customer_type VARCHAR(10);
UPDATE customer SET customer_type = 'INDIVIDUAL';
ALTER TABLE customer ALTER COLUMN customer_type SET NOT NULL;
ALTER TABLE customer ADD CONSTRAINT customer_type_check CHECK (customer_type IN ('INDIVIDUAL', 'CORPORATE'));
ALTER TABLE customer RENAME COLUMN resident_id TO id_number;
ALTER TABLE customer DROP CONSTRAINT customer_resident_id_unique;
ALTER TABLE customer ADD CONSTRAINT customer_id_number_unique UNIQUE (customer_type, id_number);
ALTER TABLE customer ADD COLUMN phone VARCHAR(20);
ALTER TABLE customer ADD COLUMN address VARCHAR(200);
ALTER TABLE customer ADD COLUMN occupation VARCHAR(60);
ALTER TABLE customer ADD COLUMN legal_representative VARCHAR(60);
ALTER TABLE customer ADD COLUMN contact_name VARCHAR(60);
ALTER TABLE customer ADD COLUMN contact_phone VARCHAR(20);
ALTER TABLE customer ADD COLUMN verification_id BIGINT REFERENCES identity_verification (id);
CREATE INDEX customer_name_idx ON customer (name);
CREATE INDEX customer_phone_idx ON customer (phone);

--changeset teller:004-account-types
-- Individual class I/II/III and corporate basic/general/special/temporary accounts. Accounts
-- opened before types existed were individual class-I accounts.
ALTER TABLE account ADD COLUMN account_type VARCHAR(20);
UPDATE account SET account_type = 'INDIVIDUAL_I';
ALTER TABLE account ALTER COLUMN account_type SET NOT NULL;
ALTER TABLE account ADD CONSTRAINT account_type_check CHECK (account_type IN ('INDIVIDUAL_I', 'INDIVIDUAL_II',
    'INDIVIDUAL_III', 'CORPORATE_BASIC', 'CORPORATE_GENERAL', 'CORPORATE_SPECIAL', 'CORPORATE_TEMPORARY'));
ALTER TABLE account ADD COLUMN expires_on DATE;
ALTER TABLE account ADD COLUMN bound_account VARCHAR(16) REFERENCES account (account_number);

-- What counts toward a class-II account's daily and yearly limits (cash, and transfers with
-- accounts other than its bound one), one row per posting, appended under the account's lock.
CREATE SEQUENCE account_limit_usage_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_limit_usage (
    id             BIGINT         PRIMARY KEY,
    account_number VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    direction      VARCHAR(3)     NOT NULL,
    business_date  DATE           NOT NULL,
    amount         NUMERIC(19, 2) NOT NULL,
    request_id     VARCHAR(64)    NOT NULL,
    CONSTRAINT account_limit_usage_direction CHECK (direction IN ('IN', 'OUT'))
);
CREATE INDEX account_limit_usage_idx ON account_limit_usage (account_number, business_date);

--changeset teller:004-fee-schedule
-- The fee schedule (收费标准): per transaction type, customer type and channel, the most specific
-- rule in force applies. FIXED: fixed_amount; PERCENT: rate of the amount within min_fee..max_fee;
-- TIERED: the fee of the first tier whose up_to covers the amount (the last tier has no up_to).
CREATE TABLE fee_rule (
    id               BIGINT         PRIMARY KEY,
    transaction_type VARCHAR(30)    NOT NULL,
    customer_type    VARCHAR(10)    NOT NULL,
    channel          VARCHAR(10)    NOT NULL,
    method           VARCHAR(8)     NOT NULL,
    fixed_amount     NUMERIC(19, 2),
    rate             NUMERIC(9, 6),
    min_fee          NUMERIC(19, 2),
    max_fee          NUMERIC(19, 2),
    description_zh   VARCHAR(100)   NOT NULL,
    description_en   VARCHAR(100)   NOT NULL,
    valid_from       DATE           NOT NULL,
    valid_to         DATE,
    CONSTRAINT fee_rule_customer_type CHECK (customer_type IN ('INDIVIDUAL', 'CORPORATE', 'ANY')),
    CONSTRAINT fee_rule_channel CHECK (channel IN ('COUNTER', 'ONLINE', 'ANY')),
    CONSTRAINT fee_rule_method CHECK ((method = 'FIXED' AND fixed_amount >= 0)
        OR (method = 'PERCENT' AND rate >= 0 AND min_fee >= 0 AND max_fee >= min_fee)
        OR method = 'TIERED')
);
CREATE TABLE fee_tier (
    rule_id BIGINT         NOT NULL REFERENCES fee_rule (id),
    tier_no INTEGER        NOT NULL,
    up_to   NUMERIC(19, 2),
    fee     NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (rule_id, tier_no),
    CONSTRAINT fee_tier_fee CHECK (fee >= 0)
);
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (1, 'TRANSFER', 'CORPORATE', 'COUNTER', 'TIERED', NULL, NULL, NULL, NULL,
    '对公柜面转账手续费（分档）', 'Corporate counter transfer fee (tiered)', DATE '2000-01-01', NULL);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (1, 1, 10000.00, 5.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (1, 2, 100000.00, 10.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (1, 3, 500000.00, 15.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (1, 4, 1000000.00, 20.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (1, 5, NULL, 50.00);
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (2, 'CASH_WITHDRAWAL', 'CORPORATE', 'COUNTER', 'PERCENT', NULL, 0.000500, 2.00, 100.00,
    '对公现金支取手续费（0.05%，最低2元，最高100元）', 'Corporate cash withdrawal fee (0.05%, min 2, max 100)',
    DATE '2000-01-01', NULL);
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (3, 'CARD_REPLACEMENT', 'INDIVIDUAL', 'ANY', 'FIXED', 10.00, NULL, NULL, NULL,
    '借记卡补卡工本费', 'Debit card replacement fee', DATE '2000-01-01', NULL);
