-- A year of business for bench/dashboard: :branches branches (0001 and 7001 on), each with :per_day
-- postings on every weekday of the :days calendar days up to and including the business date, spread
-- over the bank's hours 09:00 to 17:59 and eight entry types; every entry balanced (Dr 1001 / Cr 2011,
-- one in 97 of 60,000.00, large cash); then the summary tables as the posting path, the activity folder
-- and end of day would have kept them (activity_hour and activity_teller summed from the journal as
-- the changeset v049 sums the history it finds; a closed day's figures per branch and weekday).
-- psql -v branches=N -v days=D -v per_day=P -f bench/dashboard/year.sql, on a database Teller created.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO branch (code, name_zh, name_en)
SELECT '7' || lpad(i::text, 3, '0'), '压测网点 ' || i, 'Bench branch ' || i FROM generate_series(1, :branches - 1) AS i;
CREATE TEMPORARY TABLE bench_day ON COMMIT DROP AS
SELECT d::date AS business_date, ROW_NUMBER() OVER (ORDER BY d) AS n
FROM generate_series((SELECT business_date FROM business_day) - :days, (SELECT business_date FROM business_day),
                     interval '1 day') AS d
WHERE EXTRACT(ISODOW FROM d) < 6;
CREATE TEMPORARY TABLE bench_branch ON COMMIT DROP AS
SELECT code, ROW_NUMBER() OVER (ORDER BY code) AS n FROM branch WHERE code = '0001' OR code LIKE '7%';
CREATE TEMPORARY TABLE bench_entry ON COMMIT DROP AS
SELECT 3000000000 + ((d.n - 1) * 1000 + b.n - 1) * :per_day + i AS id, d.business_date, b.code AS branch_code, i,
       CASE WHEN i % 97 = 0 THEN 60000.00 ELSE round(10 + ((d.n * 7919 + b.n * 104729 + i * 31) % 500000) / 100.0, 2) END
           AS amount
FROM bench_day d CROSS JOIN bench_branch b CROSS JOIN generate_series(1, :per_day) AS i;
INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at)
SELECT id, (ARRAY['CASH_DEPOSIT', 'CASH_WITHDRAWAL', 'TRANSFER', 'DEPOSIT_OPENING', 'WIRE_TRANSFER', 'COLLECTION',
                  'DIRECT_DEBIT', 'REVERSAL'])[1 + i % 8],
       business_date, branch_code, 'bench' || (i % 5), 'bench-year-' || id,
       (business_date + make_interval(hours => 9 + i % 9, mins => i % 60)) AT TIME ZONE 'Asia/Shanghai'
FROM bench_entry;
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2 * id, id, 1, '1001', NULL, 'DEBIT', amount, 'CNY', NULL FROM bench_entry;
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2 * id + 1, id, 2, '2011', NULL, 'CREDIT', amount, 'CNY', NULL FROM bench_entry;

DELETE FROM activity_hour;
DELETE FROM activity_teller;
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

INSERT INTO branch_day_figure (branch_code, business_date, figure, item, items, amount)
SELECT b.code, d.business_date, 'DEPOSITS', g.code, 1000 + d.n, 1000000 + d.n * 1000 + b.n
FROM bench_day d CROSS JOIN bench_branch b
CROSS JOIN (VALUES ('2011'), ('2012'), ('2013'), ('2014'), ('2015'), ('2016')) AS g (code)
WHERE d.business_date < (SELECT business_date FROM business_day)
ON CONFLICT DO NOTHING;
INSERT INTO branch_day_figure (branch_code, business_date, figure, item, items, amount)
SELECT b.code, d.business_date, f.figure, f.item, 1 + (d.n + b.n) % 7, CASE WHEN f.figure = 'FEE_INCOME' THEN 5 * (1 + d.n % 9) ELSE 0 END
FROM bench_day d CROSS JOIN bench_branch b
CROSS JOIN (VALUES ('OPENED', 'INDIVIDUAL_I'), ('OPENED', 'CORPORATE_BASIC'), ('FEE_INCOME', 'CASH_WITHDRAWAL'),
                   ('FEE_INCOME', 'WIRE_TRANSFER')) AS f (figure, item)
WHERE d.business_date < (SELECT business_date FROM business_day)
ON CONFLICT DO NOTHING;
COMMIT;
ANALYZE journal_entry;
ANALYZE journal_line;
ANALYZE activity_hour;
ANALYZE activity_teller;
ANALYZE branch_day_figure;
