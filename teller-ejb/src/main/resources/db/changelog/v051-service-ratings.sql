--liquibase formatted sql

--changeset teller:051-service-ratings
-- The customer's rating of the service (服务评价, issue 19), given on the customer-facing screen after a
-- transaction: once per voucher, 1 (very unsatisfied) to 5 (very satisfied), for the voucher's teller.
CREATE TABLE service_rating (
    voucher_no    VARCHAR(24)              PRIMARY KEY REFERENCES voucher (voucher_no),
    branch_code   VARCHAR(4)               NOT NULL,
    business_date DATE                     NOT NULL,
    teller        VARCHAR(40)              NOT NULL,
    score         SMALLINT                 NOT NULL,
    rated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_rating_score CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX service_rating_day ON service_rating (business_date, branch_code);
