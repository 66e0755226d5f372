--liquibase formatted sql

--changeset teller:033-term-deposits
-- Time (整存整取) and notice (通知存款) deposits (issue 16). Each is an account (its balance is the
-- principal; types INDIVIDUAL_TIME ... CORPORATE_NOTICE, each a subledger of its own GL account), so
-- freezes, holds, the journal and the trial balance treat it like any other; its terms are here.
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2014', '单位定期存款', 'Corporate time deposits', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2015', '个人通知存款', 'Individual notice deposits', 'LIABILITY', 'CREDIT');
INSERT INTO gl_account (code, name_zh, name_en, gl_type, normal_side) VALUES ('2016', '单位通知存款', 'Corporate notice deposits', 'LIABILITY', 'CREDIT');
ALTER TABLE account DROP CONSTRAINT account_type_check;
ALTER TABLE account ADD CONSTRAINT account_type_check CHECK (account_type IN ('INDIVIDUAL_I', 'INDIVIDUAL_II',
    'INDIVIDUAL_III', 'CORPORATE_BASIC', 'CORPORATE_GENERAL', 'CORPORATE_SPECIAL', 'CORPORATE_TEMPORARY',
    'INDIVIDUAL_TIME', 'CORPORATE_TIME', 'INDIVIDUAL_NOTICE', 'CORPORATE_NOTICE'));

-- A deposit's terms: for a time deposit those of its current term (the rate fixed when it began, its
-- maturity by 对年对月对日), what happens at maturity, whether its one partial early withdrawal is
-- taken; for a notice deposit the day it opened and its notice, if one is registered. The settlement
-- account is the holder's demand account that takes the interest of a principal-only renewal.
CREATE TABLE term_deposit (
    account_number       VARCHAR(16)   PRIMARY KEY REFERENCES account (account_number),
    product              VARCHAR(20)   NOT NULL,
    annual_rate          NUMERIC(9, 6),
    term_start           DATE          NOT NULL,
    matures_on           DATE,
    renewal              VARCHAR(24)   NOT NULL,
    partly_withdrawn     BOOLEAN       NOT NULL,
    notice_date          DATE,
    notice_amount        NUMERIC(19, 2),
    notice_registered_on DATE,
    settlement_account   VARCHAR(16)   REFERENCES account (account_number),
    certificate_no       VARCHAR(12),
    version              BIGINT        NOT NULL,
    CONSTRAINT term_deposit_renewal CHECK (renewal IN ('NONE', 'PRINCIPAL', 'PRINCIPAL_AND_INTEREST')),
    CONSTRAINT term_deposit_time CHECK ((product LIKE 'TIME_%') = (matures_on IS NOT NULL AND annual_rate IS NOT NULL)),
    CONSTRAINT term_deposit_notice CHECK ((notice_date IS NULL) = (notice_amount IS NULL))
);
CREATE INDEX term_deposit_matures_idx ON term_deposit (matures_on);

-- What happened to a deposit and its certificate (存单): opened, renewed, partly withdrawn, noticed,
-- lost, released, reissued, closed; with the entry that moved money, if one did.
CREATE SEQUENCE deposit_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE deposit_event (
    id             BIGINT        PRIMARY KEY,
    account_number VARCHAR(16)   NOT NULL REFERENCES account (account_number),
    kind           VARCHAR(20)   NOT NULL,
    business_date  DATE          NOT NULL,
    certificate_no VARCHAR(12),
    amount         NUMERIC(19, 2),
    interest       NUMERIC(19, 2),
    entry_id       BIGINT,
    detail         VARCHAR(200),
    actor          VARCHAR(40)   NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deposit_event_account_idx ON deposit_event (account_number, id);
CREATE INDEX deposit_event_certificate_idx ON deposit_event (certificate_no);

-- The interest slip (利息清单) of an event that paid or renewed with interest, line by line, so a
-- reprint shows what was paid: the period, the principal, the rate, the days, the interest.
CREATE TABLE deposit_interest_line (
    event_id    BIGINT         NOT NULL REFERENCES deposit_event (id),
    line_no     INTEGER        NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    from_date   DATE           NOT NULL,
    to_date     DATE           NOT NULL,
    days        INTEGER        NOT NULL,
    principal   NUMERIC(19, 2) NOT NULL,
    annual_rate NUMERIC(9, 6)  NOT NULL,
    interest    NUMERIC(19, 2) NOT NULL,
    CONSTRAINT deposit_interest_line_pk PRIMARY KEY (event_id, line_no)
);

-- PBOC benchmark rates in force since 24 October 2015 (five years: none published since; the 3-year
-- rate, as banks posted), which the bank replaces with its posted rates.
INSERT INTO interest_rate (product, effective_from, annual_rate, entered_by, entered_at) VALUES
    ('TIME_3M', DATE '2015-10-24', 0.011000, 'system', CURRENT_TIMESTAMP),
    ('TIME_6M', DATE '2015-10-24', 0.013000, 'system', CURRENT_TIMESTAMP),
    ('TIME_1Y', DATE '2015-10-24', 0.015000, 'system', CURRENT_TIMESTAMP),
    ('TIME_2Y', DATE '2015-10-24', 0.021000, 'system', CURRENT_TIMESTAMP),
    ('TIME_3Y', DATE '2015-10-24', 0.027500, 'system', CURRENT_TIMESTAMP),
    ('TIME_5Y', DATE '2015-10-24', 0.027500, 'system', CURRENT_TIMESTAMP),
    ('NOTICE_1D', DATE '2015-10-24', 0.008000, 'system', CURRENT_TIMESTAMP),
    ('NOTICE_7D', DATE '2015-10-24', 0.013500, 'system', CURRENT_TIMESTAMP);

-- The approval policy for deposits (reference data, changed by administrators like any other):
-- a large opening, a large payout, and any early withdrawal of a large deposit (the amount weighed
-- is the deposit's principal).
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (7, 'DEPOSIT_OPENING', 'TELLER', 200000.00, '大额存款开户（20万元及以上）', 'Large deposit opening (200,000 and above)');
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (8, 'DEPOSIT_WITHDRAWAL', 'TELLER', 200000.00, '大额存款支取（20万元及以上）', 'Large deposit withdrawal (200,000 and above)');
INSERT INTO approval_policy (id, operation, maker_role, min_amount, description_zh, description_en)
VALUES (9, 'DEPOSIT_EARLY_WITHDRAWAL', 'TELLER', 50000.00, '大额存款提前支取（本金5万元及以上）', 'Early withdrawal of a large deposit (principal 50,000 and above)');
