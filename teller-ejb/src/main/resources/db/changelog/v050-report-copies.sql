--liquibase formatted sql

--changeset teller:050-report-copies
-- The copies end of day keeps of a closed day's business reports (issue 19), per branch and for the
-- bank (branch_code '*'): the rows as they were computed (a JSON array of rows of text), so reprinting
-- the report of that day gives the same figures.
CREATE TABLE report_copy (
    report        VARCHAR(30)              NOT NULL,
    business_date DATE                     NOT NULL,
    branch_code   VARCHAR(4)               NOT NULL,
    generated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rows_json     VARCHAR(1000000)         NOT NULL,
    CONSTRAINT report_copy_pk PRIMARY KEY (report, business_date, branch_code)
);
