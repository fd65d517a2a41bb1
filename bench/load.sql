-- bench/load.sql - the benchmark's tables (run.sh loads them once, as the superuser).
-- Every value is a fixed function of the row number, so the digests are the same on every run.
-- :owner is the user the benchmarks log in as.
DROP TABLE IF EXISTS bench_rows, bench_ins;
CREATE TABLE bench_rows (
    i int4 PRIMARY KEY,
    b int8 NOT NULL,
    n numeric(12,2),
    s varchar(40),
    t timestamp,
    f float8,
    x bool
);
INSERT INTO bench_rows
SELECT g,
       g::int8 * 1000003 - 500000000000,
       CASE WHEN g % 101 = 0 THEN NULL ELSE ((g::int8 * 7919) % 10000000 - 5000000) / 100.0 END,
       CASE WHEN g % 97 = 0 THEN NULL ELSE 'r' || g || '-' || left(md5(g::text), g % 25) END,
       timestamp '2001-02-03 04:05:06' + g * interval '1 minute' + (g % 1000000) * interval '1 microsecond',
       (g - 500000)::float8 / 7,
       g % 3 = 0
FROM generate_series(1, 1000000) AS g;
CREATE TABLE bench_ins (LIKE bench_rows);
ALTER TABLE bench_rows OWNER TO :owner;
ALTER TABLE bench_ins OWNER TO :owner;
VACUUM (FREEZE, ANALYZE) bench_rows;
