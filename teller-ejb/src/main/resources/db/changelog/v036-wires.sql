--liquibase formatted sql

--changeset teller:036-wires
-- Wire transfers out to other banks (电汇, 跨行汇款) through the clearing system (issue 17).

-- The banks a wire can go to: CNAPS participant codes (12 digits), reference data the bank keeps
-- up to date from the clearing system's directory; an inactive code takes no new wires.
CREATE TABLE clearing_bank (
    cnaps_code VARCHAR(12)  PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    active     BOOLEAN      NOT NULL,
    CONSTRAINT clearing_bank_code CHECK (LENGTH(cnaps_code) = 12)
);
INSERT INTO clearing_bank (cnaps_code, name_zh, name_en, active) VALUES
    ('102100099996', '中国工商银行', 'Industrial and Commercial Bank of China', TRUE),
    ('103100000026', '中国农业银行', 'Agricultural Bank of China', TRUE),
    ('104100000004', '中国银行总行', 'Bank of China', TRUE),
    ('105100000017', '中国建设银行', 'China Construction Bank', TRUE),
    ('301290000007', '交通银行', 'Bank of Communications', TRUE),
    ('308584000013', '招商银行', 'China Merchants Bank', TRUE),
    ('403100000004', '中国邮政储蓄银行', 'Postal Savings Bank of China', TRUE),
    ('302100011000', '中信银行', 'China CITIC Bank', TRUE),
    ('305100000013', '中国民生银行', 'China Minsheng Bank', TRUE),
    ('309391000011', '兴业银行', 'Industrial Bank', TRUE),
    ('310290000013', '上海浦东发展银行', 'Shanghai Pudong Development Bank', TRUE),
    ('303100000006', '中国光大银行', 'China Everbright Bank', FALSE);

-- The clearing system's routes: the large-value system (大额, HVPS: urgent wires and those above the
-- bulk limit, in its business hours, up to the bank's limit per wire) and the bulk system (小额,
-- BEPS: up to its limit, around the clock). Reference data.
CREATE TABLE clearing_route (
    route       VARCHAR(12)    PRIMARY KEY,
    name_zh     VARCHAR(40)    NOT NULL,
    name_en     VARCHAR(40)    NOT NULL,
    opens_at    TIME           NOT NULL,
    cut_off     TIME           NOT NULL,
    max_amount  NUMERIC(19, 2),
    CONSTRAINT clearing_route_name CHECK (route IN ('LARGE_VALUE', 'BULK'))
);
INSERT INTO clearing_route (route, name_zh, name_en, opens_at, cut_off, max_amount) VALUES
    ('LARGE_VALUE', '大额支付系统', 'Large-value payment system', TIME '08:30:00', TIME '17:00:00', 100000000.00),
    ('BULK', '小额批量支付系统', 'Bulk payment system', TIME '00:00:00', TIME '23:59:59', 50000.00);

-- 汇出汇款（在途）: what payers have sent and clearing has not settled yet.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2261', '汇出汇款（在途）', 'Outgoing wires in transit', 'LIABILITY', 'CREDIT');

-- A wire out: the payer's account was debited into 2261 by the entry of (requested_by, request_id);
-- its state follows the clearing system's answers, each kept in wire_event.
CREATE SEQUENCE wire_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE wire (
    id              BIGINT         PRIMARY KEY,
    reference       VARCHAR(20)    NOT NULL UNIQUE,
    payer_account   VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    payee_name      VARCHAR(60)    NOT NULL,
    payee_account   VARCHAR(32)    NOT NULL,
    payee_bank      VARCHAR(12)    NOT NULL REFERENCES clearing_bank (cnaps_code),
    amount          NUMERIC(19, 2) NOT NULL,
    fee             NUMERIC(19, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    purpose         VARCHAR(60)    NOT NULL,
    urgent          BOOLEAN        NOT NULL,
    route           VARCHAR(12)    NOT NULL REFERENCES clearing_route (route),
    status          VARCHAR(10)    NOT NULL,
    clearing_ref    VARCHAR(40),
    business_date   DATE           NOT NULL,
    branch_code     VARCHAR(4)     NOT NULL,
    requested_by    VARCHAR(40)    NOT NULL,
    request_id      VARCHAR(64)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT         NOT NULL,
    CONSTRAINT wire_status CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'SETTLED', 'REJECTED', 'RETURNED')),
    CONSTRAINT wire_amount CHECK (amount > 0 AND fee >= 0),
    CONSTRAINT wire_request UNIQUE (requested_by, request_id)
);
CREATE INDEX wire_payer_idx ON wire (payer_account, id);
CREATE INDEX wire_status_idx ON wire (status, updated_at);

CREATE SEQUENCE wire_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE wire_event (
    id           BIGINT       PRIMARY KEY,
    wire_id      BIGINT       NOT NULL REFERENCES wire (id),
    status       VARCHAR(10)  NOT NULL,
    clearing_ref VARCHAR(40),
    detail       VARCHAR(200),
    entry_id     BIGINT,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wire_event_wire_idx ON wire_event (wire_id, id);

-- Wires whose message the clearing system has not been sent yet, written with the wire.
CREATE TABLE clearing_outbox (
    wire_id    BIGINT       PRIMARY KEY REFERENCES wire (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts   INTEGER      NOT NULL,
    last_error VARCHAR(500)
);

-- The fee of a wire at the counter (PBOC's tiers for cross-bank remittances), individuals and companies.
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    description_zh, description_en, valid_from, valid_to)
VALUES (6, 'WIRE_TRANSFER', 'ANY', 'COUNTER', 'TIERED', NULL, NULL, NULL, NULL,
    '跨行汇款手续费（分档）', 'Wire transfer fee (tiered)', DATE '2000-01-01', NULL);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (6, 1, 10000.00, 5.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (6, 2, 100000.00, 10.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (6, 3, 500000.00, 15.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (6, 4, 1000000.00, 20.00);
INSERT INTO fee_tier (rule_id, tier_no, up_to, fee) VALUES (6, 5, NULL, 50.00);

-- A teller's wire of 500,000 or more waits for a supervisor.
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (11, 'WIRE_TRANSFER', 'TELLER', 500000.00, '大额汇款（50万元及以上）', 'Large wire transfer (500,000 and above)');

-- The clearing system signs in to the broker with a JMS account of its own (role clearing).
DROP VIEW jms_account_role;
CREATE VIEW jms_account_role AS
    SELECT username, CASE WHEN system_name IN ('core', 'clearing') THEN system_name ELSE 'channel-' || system_name END
        AS role_name
    FROM jms_account WHERE enabled = TRUE;
