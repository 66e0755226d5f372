--liquibase formatted sql

--changeset teller:049-dashboards
-- Summary tables the dashboards and reports read (issue 19), so that a chart never scans the journal.
-- Each posting writes one row into activity_delta in its own transaction (an insert: no row that every
-- posting of a branch would wait for); the activity folder adds the committed deltas into
-- activity_hour (per branch, business date, hour of the bank's day and entry type) and activity_teller
-- (per teller) and the vault's cash into branch_vault, a second or two behind, and deletes them. End of day keeps the day's figures that
-- only a closed day has (deposit balances, accounts opened, fee income, dormant accounts) in
-- branch_day_figure. The audit chainer counts what it links in audit_day_count.
CREATE TABLE activity_delta (
    entry_id      BIGINT         PRIMARY KEY,
    branch_code   VARCHAR(4)     NOT NULL,
    business_date DATE           NOT NULL,
    hour_of_day   SMALLINT       NOT NULL,
    entry_type    VARCHAR(30)    NOT NULL,
    teller        VARCHAR(40)    NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    large_cash    SMALLINT       NOT NULL,
    vault_net     NUMERIC(19, 2) NOT NULL
);
CREATE TABLE activity_hour (
    branch_code   VARCHAR(4)     NOT NULL,
    business_date DATE           NOT NULL,
    hour_of_day   SMALLINT       NOT NULL,
    entry_type    VARCHAR(30)    NOT NULL,
    entries       BIGINT         NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    large_cash    BIGINT         NOT NULL,
    CONSTRAINT activity_hour_pk PRIMARY KEY (branch_code, business_date, hour_of_day, entry_type)
);
CREATE TABLE activity_teller (
    branch_code   VARCHAR(4)     NOT NULL,
    business_date DATE           NOT NULL,
    teller        VARCHAR(40)    NOT NULL,
    entry_type    VARCHAR(30)    NOT NULL,
    entries       BIGINT         NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    CONSTRAINT activity_teller_pk PRIMARY KEY (branch_code, business_date, teller, entry_type)
);
CREATE TABLE branch_day_figure (
    branch_code   VARCHAR(4)     NOT NULL,
    business_date DATE           NOT NULL,
    figure        VARCHAR(20)    NOT NULL,
    item          VARCHAR(30)    NOT NULL,
    items         BIGINT         NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    CONSTRAINT branch_day_figure_pk PRIMARY KEY (branch_code, business_date, figure, item)
);
-- the cash in each branch's vault (库房), kept by the folder from the deltas' vault movements
CREATE TABLE branch_vault (
    branch_code VARCHAR(4)     PRIMARY KEY REFERENCES branch (code),
    cash        NUMERIC(19, 2) NOT NULL
);
CREATE TABLE audit_day_count (
    occurred_on DATE        NOT NULL,
    action  VARCHAR(40) NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    records BIGINT      NOT NULL,
    CONSTRAINT audit_day_count_pk PRIMARY KEY (occurred_on, action, outcome)
);
-- how much cash a till and the vault may hold (库存现金限额); the branch dashboard shows cash against them
ALTER TABLE branch ADD COLUMN till_cash_limit NUMERIC(19, 2) DEFAULT 500000.00 NOT NULL;
ALTER TABLE branch ADD COLUMN vault_cash_limit NUMERIC(19, 2) DEFAULT 20000000.00 NOT NULL;

-- the history posted before this version, summed once (entries' amounts are their debits)
INSERT INTO branch_vault (branch_code, cash)
SELECT e.branch_code, SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END)
FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE l.gl_code = '1002' GROUP BY e.branch_code;
INSERT INTO activity_hour (branch_code, business_date, hour_of_day, entry_type, entries, amount, large_cash)
SELECT e.branch_code, e.business_date, EXTRACT(HOUR FROM (e.posted_at AT TIME ZONE 'Asia/Shanghai')), e.entry_type,
       COUNT(*), SUM(d.amount), SUM(d.large_cash)
FROM journal_entry e JOIN (SELECT entry_id, SUM(CASE WHEN side = 'DEBIT' THEN amount ELSE 0 END) AS amount,
                                  MAX(CASE WHEN gl_code = '1001' AND amount >= 50000 THEN 1 ELSE 0 END) AS large_cash
                           FROM journal_line GROUP BY entry_id) d ON d.entry_id = e.id
WHERE e.entry_type <> 'MIGRATION_OPENING'
GROUP BY e.branch_code, e.business_date, EXTRACT(HOUR FROM (e.posted_at AT TIME ZONE 'Asia/Shanghai')), e.entry_type;
INSERT INTO activity_teller (branch_code, business_date, teller, entry_type, entries, amount)
SELECT e.branch_code, e.business_date, e.teller, e.entry_type, COUNT(*), SUM(d.amount)
FROM journal_entry e JOIN (SELECT entry_id, SUM(CASE WHEN side = 'DEBIT' THEN amount ELSE 0 END) AS amount
                           FROM journal_line GROUP BY entry_id) d ON d.entry_id = e.id
WHERE e.entry_type <> 'MIGRATION_OPENING'
GROUP BY e.branch_code, e.business_date, e.teller, e.entry_type;
