--liquibase formatted sql

--changeset teller:030-interest-rates
-- Interest rates (利率表) per deposit product, each from the date it takes effect: a rate applies
-- from its date on, the days before keep theirs, so a change never rewrites accrued interest. An
-- administrator adds future rates (InterestRates); the first is the PBOC benchmark demand rate of
-- 0.35 % in force since 24 October 2015, which the bank replaces with its posted rate.
CREATE TABLE interest_rate (
    product        VARCHAR(20)   NOT NULL,
    effective_from DATE          NOT NULL,
    annual_rate    NUMERIC(9, 6) NOT NULL,
    entered_by     VARCHAR(40)   NOT NULL,
    entered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT interest_rate_pk PRIMARY KEY (product, effective_from),
    CONSTRAINT interest_rate_range CHECK (annual_rate >= 0 AND annual_rate < 1)
);
INSERT INTO interest_rate (product, effective_from, annual_rate, entered_by, entered_at)
VALUES ('DEMAND', DATE '2015-10-24', 0.003500, 'system', CURRENT_TIMESTAMP);
