-- :accounts demand accounts of :balance each (default 100.00) at branch 0001, opened on the business date, held by the
-- first customer, their balances credited by one balanced journal entry (Dr clearing / Cr each
-- account), so the books still balance. For end-of-day runs over many accounts: bench/eod and
-- EndOfDayRestartIT (psql -v accounts=N -f bench/eod/accounts.sql, as the database's owner or postgres).
-- Their numbers are 9 and a serial of 14 digits, with the Luhn check digit Teller checks (AccountNumber).
\set ON_ERROR_STOP on
\if :{?balance}
\else
    \set balance 100.00
\endif
\ir numbers.sql
BEGIN;
INSERT INTO account (account_number, customer_id, branch_code, gl_code, product, currency, balance, status,
                     opened_on, version, account_type, hot)
SELECT pg_temp.bench_number('9', i), (SELECT MIN(id) FROM customer), '0001', '2011', '01', 'CNY', :balance, 'ACTIVE',
       (SELECT business_date FROM business_day), 0, 'INDIVIDUAL_I', FALSE
FROM generate_series(1, :accounts) AS i;
INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at)
VALUES (2000000000, 'OPENING_BALANCES', (SELECT business_date FROM business_day), '0001', 'bench',
        'bench-opening-balances', CURRENT_TIMESTAMP);
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
VALUES (2000000000, 2000000000, 1, '1011', NULL, 'DEBIT', :accounts * :balance, 'CNY', NULL);
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2000000000 + i, 2000000000, i + 1, '2011', pg_temp.bench_number('9', i), 'CREDIT', :balance, 'CNY', :balance
FROM generate_series(1, :accounts) AS i;
COMMIT;
ANALYZE account;
ANALYZE journal_line;
