-- A day's postings for bench/eod: :postings cash deposits (1.00 to 500.00) to random accounts among
-- those bench/eod/accounts.sql generated (:accounts of them), each its own balanced journal entry
-- (Dr cash 1011 / Cr the account) with the balance after it, the accounts' balances raised by their
-- deposits, so the books still balance and an account's lines add up to its balance.
-- psql -v accounts=N -v postings=M -f bench/eod/postings.sql, after accounts.sql.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMPORARY TABLE bench_posting ON COMMIT DROP AS
WITH generated AS (SELECT account_number, ROW_NUMBER() OVER (ORDER BY account_number) AS n
                   FROM account WHERE account_number LIKE '9%'),
     drawn AS (SELECT i, 1 + floor(random() * :accounts)::int AS n, round((1 + random() * 499)::numeric, 2) AS amount
               FROM generate_series(1, :postings) AS i)
SELECT d.i, g.account_number, d.amount FROM drawn d JOIN generated g ON g.n = d.n;
INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at)
SELECT 2100000000 + i, 'CASH_DEPOSIT', (SELECT business_date FROM business_day), '0001', 'bench',
       'bench-deposit-' || i, CURRENT_TIMESTAMP
FROM bench_posting;
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2100000000 + 2 * i, 2100000000 + i, 1, '1011', NULL, 'DEBIT', amount, 'CNY', NULL FROM bench_posting;
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2100000001 + 2 * i, 2100000000 + i, 2, '2011', p.account_number, 'CREDIT', p.amount, 'CNY',
       a.balance + SUM(p.amount) OVER (PARTITION BY p.account_number ORDER BY p.i)
FROM bench_posting p JOIN account a ON a.account_number = p.account_number;
UPDATE account a SET balance = a.balance + d.total, version = a.version + 1
FROM (SELECT account_number, SUM(amount) AS total FROM bench_posting GROUP BY account_number) d
WHERE a.account_number = d.account_number;
COMMIT;
ANALYZE account;
ANALYZE journal_entry;
ANALYZE journal_line;
