-- Turns Mamori's signals table into one partitioned by month of "ReceivedAt" (PostgreSQL), keeping every row.
-- Run once, in a maintenance window, with every Mamori node stopped:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/postgres/partition-signals.sql
-- Creates partitions for this month and the next two plus a default one; create later months ahead of time with
--   CREATE TABLE IF NOT EXISTS signals_2027_01 PARTITION OF signals FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
BEGIN;
ALTER TABLE signals RENAME TO signals_unpartitioned;
ALTER TABLE signals_unpartitioned RENAME CONSTRAINT "PK_signals" TO "PK_signals_unpartitioned";
CREATE TABLE signals (LIKE signals_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE ("ReceivedAt");
-- A partitioned table's primary key must hold the partition key.
ALTER TABLE signals ADD CONSTRAINT "PK_signals" PRIMARY KEY ("Id", "ReceivedAt");
DO $$
DECLARE
  month date := date_trunc('month', now())::date;
BEGIN
  FOR i IN 0..2 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF signals FOR VALUES FROM (%L) TO (%L)',
      'signals_' || to_char(month + make_interval(months => i), 'YYYY_MM'),
      month + make_interval(months => i), month + make_interval(months => i + 1));
  END LOOP;
END $$;
CREATE TABLE signals_default PARTITION OF signals DEFAULT;
INSERT INTO signals SELECT * FROM signals_unpartitioned;
DROP TABLE signals_unpartitioned;
COMMIT;
