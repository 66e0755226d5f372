-- pg_temp.bench_number(prefix, i): an account number of the bench's own, the one-digit prefix and a serial of 14
-- digits with the Luhn check digit Teller checks (AccountNumber). Included by accounts.sql and deposits.sql (\ir).
CREATE FUNCTION pg_temp.bench_number(prefix TEXT, i BIGINT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
    SELECT b || (10 - SUM(CASE WHEN p % 2 = 1 THEN (2 * d) % 10 + (2 * d) / 10 ELSE d END) % 10) % 10
    FROM (SELECT prefix || LPAD(i::text, 14, '0') AS b) body,
         LATERAL (SELECT p, substr(b, 16 - p, 1)::int AS d FROM generate_series(1, 15) AS p) digit
    GROUP BY b
$$;
