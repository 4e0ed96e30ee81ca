-- The stats sum daily counts in memory now (db/daily-counts-cache.ts); this index served the weekly sums in SQL.
-- It holds each cell's count, so every ingest rewrote its entries as well as the table's.
DROP INDEX daily_counts_by_week;
