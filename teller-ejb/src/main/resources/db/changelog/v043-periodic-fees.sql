--liquibase formatted sql

--changeset teller:043-periodic-fees
-- Periodic account fees (issue 17), charged by end of day on the month's last business day: each is a
-- transaction type of the fee schedule (its rules price it per customer class, with effective dates;
-- its waivers free it), here with what makes an account owe it. The annual card fee (借记卡年费) is
-- owed for each year of an active card's validity after the first, at the end of its anniversary
-- month; the small-balance fee (小额账户管理费) by an account open before the month whose average
-- daily balance over the month was under balance_below.
CREATE TABLE periodic_fee (
    code           VARCHAR(30)    PRIMARY KEY,
    balance_below  NUMERIC(19, 2),
    description_zh VARCHAR(100)   NOT NULL,
    description_en VARCHAR(100)   NOT NULL,
    CONSTRAINT periodic_fee_code CHECK (code IN ('ANNUAL_CARD_FEE', 'SMALL_BALANCE_FEE')),
    CONSTRAINT periodic_fee_threshold CHECK ((code = 'SMALL_BALANCE_FEE') = (balance_below IS NOT NULL))
);
INSERT INTO periodic_fee (code, balance_below, description_zh, description_en) VALUES
    ('ANNUAL_CARD_FEE', NULL, '借记卡年费：卡片启用满一年起每年收取', 'Annual card fee: each year of an active card after the first'),
    ('SMALL_BALANCE_FEE', 300.00, '小额账户管理费：月日均余额低于 300 元', 'Small-balance fee: a month''s average daily balance under 300');

INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    account_type, description_zh, description_en, valid_from, valid_to)
VALUES (7, 'ANNUAL_CARD_FEE', 'INDIVIDUAL', 'ANY', 'FIXED', 10.00, NULL, NULL, NULL, NULL,
    '借记卡年费', 'Annual debit card fee', DATE '2000-01-01', NULL);
INSERT INTO fee_rule (id, transaction_type, customer_type, channel, method, fixed_amount, rate, min_fee, max_fee,
    account_type, description_zh, description_en, valid_from, valid_to)
VALUES (8, 'SMALL_BALANCE_FEE', 'INDIVIDUAL', 'ANY', 'FIXED', 1.00, NULL, NULL, NULL, 'INDIVIDUAL_I',
    '小额账户管理费（Ⅰ类户，每月 1 元）', 'Small-balance fee (class I, 1 a month)', DATE '2000-01-01', NULL);

-- What each account owed of a periodic fee for a period (the month, or the card's year, ending on
-- period_end) and what was taken: never more than the available balance, so never below zero; the
-- rest is not collected (no arrears). One row per fee, account and period: a restart never charges twice.
CREATE TABLE periodic_fee_charge (
    fee_code       VARCHAR(30)    NOT NULL REFERENCES periodic_fee (code),
    account_number VARCHAR(16)    NOT NULL REFERENCES account (account_number),
    period_end     DATE           NOT NULL,
    owed           NUMERIC(19, 2) NOT NULL,
    charged        NUMERIC(19, 2) NOT NULL,
    entry_id       BIGINT         REFERENCES journal_entry (id),
    note           VARCHAR(200),
    business_date  DATE           NOT NULL,
    charged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT periodic_fee_charge_pk PRIMARY KEY (fee_code, account_number, period_end),
    CONSTRAINT periodic_fee_charge_amounts CHECK (charged >= 0 AND owed > 0 AND charged <= owed),
    CONSTRAINT periodic_fee_charge_entry CHECK ((charged > 0) = (entry_id IS NOT NULL))
);
CREATE INDEX periodic_fee_charge_account_idx ON periodic_fee_charge (account_number);
