-- :deposits three-month time deposits of 10,000.00 each at branch 0001, held by the first customer, opened three
-- months before the business date so they mature on it (:matures, a date literal), renewed with their interest
-- at maturity; the principal credited by one balanced journal entry on the day they opened (Dr clearing / Cr each
-- deposit), so the books still balance and their statements start from it. For EndOfDayRestartIT's maturities (psql -v deposits=N -v matures="'2027-03-31'" -f ...).
-- Their numbers are 8 and a serial of 14 digits, with the Luhn check digit Teller checks (AccountNumber).
\set ON_ERROR_STOP on
\ir numbers.sql
BEGIN;
INSERT INTO account (account_number, customer_id, branch_code, gl_code, product, currency, balance, status,
                     opened_on, version, account_type, hot)
SELECT pg_temp.bench_number('8', i), (SELECT MIN(id) FROM customer), '0001', '2013', '03', 'CNY', 10000.00, 'ACTIVE',
       (DATE :matures - INTERVAL '3 months')::date, 0, 'INDIVIDUAL_TIME', FALSE
FROM generate_series(1, :deposits) AS i;
INSERT INTO term_deposit (account_number, product, annual_rate, term_start, matures_on, renewal, partly_withdrawn,
                          certificate_no, version)
SELECT pg_temp.bench_number('8', i), 'TIME_3M', 0.011000, (DATE :matures - INTERVAL '3 months')::date, DATE :matures,
       'PRINCIPAL_AND_INTEREST', FALSE, 'B' || LPAD(i::text, 7, '0'), 0
FROM generate_series(1, :deposits) AS i;
INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at)
VALUES (2900000000, 'OPENING_BALANCES', (DATE :matures - INTERVAL '3 months')::date, '0001', 'bench',
        'bench-opening-deposits', CURRENT_TIMESTAMP);
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
VALUES (2900000000, 2900000000, 1, '1011', NULL, 'DEBIT', :deposits * 10000.00, 'CNY', NULL);
INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
SELECT 2900000000 + i, 2900000000, i + 1, '2013', pg_temp.bench_number('8', i), 'CREDIT', 10000.00, 'CNY', 10000.00
FROM generate_series(1, :deposits) AS i;
COMMIT;
ANALYZE account;
ANALYZE term_deposit;
