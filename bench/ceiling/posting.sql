-- A cash deposit's five statements as Teller sends them on PostgreSQL (issue 14: the session check,
-- the business date, the account's lock, the till session's lock, then every write in one
-- data-modifying WITH), run by pgbench against the database bench/run left: what PostgreSQL can do
-- for Teller's posting with no application server in the way. Picks one of the bench's 200 accounts
-- and 16 tellers per transaction (bench_pick, made by bench/ceiling/run).
\set n random(1, 200)
\set t random(1, 16)
BEGIN;
SELECT u.branch_code, u.till_code, r.role_name FROM app_user u JOIN app_user_role r ON r.username = u.username
    WHERE u.username = 'bench' || lpad(:t::text, 2, '0') AND u.enabled = true;
SELECT business_date, reference_version FROM business_day WHERE id = 1;
SELECT account_number, customer_id, branch_code, gl_code, product, account_type, expires_on, bound_account, currency,
       balance, hot, status, opened_on, version
    FROM account WHERE account_number = (SELECT account_number FROM bench_pick WHERE n = :n) FOR NO KEY UPDATE;
SELECT id, till_code, status, opening_cash FROM till_session
    WHERE teller = 'bench' || lpad(:t::text, 2, '0') AND status <> 'CLOSED' FOR UPDATE;
WITH p AS (SELECT b.account_number AS acct, a.gl_code AS gl, a.balance + 10.00 AS after,
                  'bench' || lpad(:t::text, 2, '0') AS teller, 'B' || lpad(:t::text, 2, '0') AS till,
                  (SELECT id FROM till_session s WHERE s.teller = 'bench' || lpad(:t::text, 2, '0')
                       AND s.status <> 'CLOSED') AS session,
                  (SELECT business_date FROM business_day WHERE id = 1) AS today,
                  nextval('journal_entry_seq') AS e, nextval('journal_line_seq') AS l1,
                  nextval('journal_line_seq') AS l2, nextval('audit_record_seq') AS au
           FROM bench_pick b JOIN account a ON a.account_number = b.account_number WHERE b.n = :n),
w1 AS (UPDATE account SET balance = balance + 10.00, version = version + 1
       WHERE account_number = (SELECT acct FROM p) RETURNING 1),
w2 AS (INSERT INTO journal_entry (id, entry_type, business_date, branch_code, teller, request_id, posted_at,
           request_caller, request_fingerprint, reverses_entry, reason, adjusts_entry, till_session_id)
       SELECT e, 'CASH_DEPOSIT', teller_posting_date(today), '0001', teller, 'ceiling-' || e, now(), teller,
           acct || '|CNY 10.00', NULL, NULL, NULL, session FROM p RETURNING 1),
w3 AS (INSERT INTO journal_line (id, entry_id, line_no, gl_code, account_number, side, amount, currency, balance_after)
       SELECT l1, e, 1, '1001', NULL, 'DEBIT', 10.00, 'CNY', NULL FROM p
       UNION ALL SELECT l2, e, 2, gl, acct, 'CREDIT', 10.00, 'CNY', after FROM p RETURNING 1),
w4 AS (INSERT INTO core_outbox (entry_id, created_at, attempts) SELECT e, now(), 0 FROM p RETURNING 1),
w5 AS (INSERT INTO audit_record (id, chain, occurred_at, actor, roles, branch_code, terminal, action, subject,
           detail, result)
       SELECT au, teller, now(), teller, 'TELLER', '0001', '127.0.0.1', 'CASH_DEPOSIT', acct,
           'entry ' || e || ': DEBIT GL 1001 CNY 10.00; CREDIT ' || acct || ' CNY 10.00', 'SUCCESS' FROM p
       RETURNING 1),
w6 AS (INSERT INTO voucher_sequence (branch_code, business_date, till_code, last_value)
       SELECT '0001', today, till, 1 FROM p
       ON CONFLICT (branch_code, business_date, till_code) DO UPDATE SET last_value = voucher_sequence.last_value + 1
       RETURNING last_value),
w7 AS (INSERT INTO voucher (voucher_no, entry_id, branch_code, business_date, till_code, sequence_no, account_number,
           counterparty, teller, print_count)
       SELECT '0001-' || to_char(today, 'YYYYMMDD') || '-' || till || '-' || lpad(c.last_value::text, 6, '0'), e,
           '0001', today, till, c.last_value, acct, NULL, teller, 0 FROM p, w6 c RETURNING voucher_no)
SELECT (SELECT COUNT(*) FROM w1), (SELECT COUNT(*) FROM w2), (SELECT COUNT(*) FROM w3), (SELECT COUNT(*) FROM w4),
       (SELECT COUNT(*) FROM w5), (SELECT voucher_no FROM w7);
END;
