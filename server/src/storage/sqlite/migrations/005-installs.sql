-- Every install id the server has stored an event of, and the company-local day it first arrived:
-- ingest refuses a network address that brings too many new ones in a day, and the dashboard shows
-- how many appeared each week, so a wave of invented installs is visible (issue 14, fake installs).
CREATE TABLE installs (
  install_id TEXT PRIMARY KEY,
  first_seen_day TEXT NOT NULL   -- YYYY-MM-DD, company-local day of receipt
) WITHOUT ROWID;
CREATE INDEX installs_by_first_seen_day ON installs (first_seen_day);

-- Installs from before this table: the earliest day any of their events counted on. Raw events
-- go after RETENTION_DAYS, so the activity bitmaps (kept for good) are read too: per row, the
-- first non-zero byte of the year's bits (hex digits stripped of leading zeros, halved), then its
-- lowest set bit (bit n of byte b is day 8b + n of the year, see shared/src/domain/set-day-bit.ts).
INSERT INTO installs (install_id, first_seen_day)
SELECT install_id, MIN(day) FROM (
  SELECT install_id, MIN(day) AS day FROM events GROUP BY install_id
  UNION ALL
  SELECT install_id, date(printf('%04d-01-01', year), '+' || (byte_index * 8 + CASE
      WHEN byte & 1 THEN 0 WHEN byte & 2 THEN 1 WHEN byte & 4 THEN 2 WHEN byte & 8 THEN 3
      WHEN byte & 16 THEN 4 WHEN byte & 32 THEN 5 WHEN byte & 64 THEN 6 ELSE 7 END) || ' days') AS day
  FROM (
    SELECT install_id, year, byte_index,
      (instr('0123456789ABCDEF', substr(bits, byte_index * 2 + 1, 1)) - 1) * 16
        + instr('0123456789ABCDEF', substr(bits, byte_index * 2 + 2, 1)) - 1 AS byte
    FROM (
      SELECT install_id, year, hex(days) AS bits, (length(hex(days)) - length(ltrim(hex(days), '0'))) / 2 AS byte_index
      FROM install_activity
      WHERE (install_id, year) IN (SELECT install_id, MIN(year) FROM install_activity GROUP BY install_id)
        AND ltrim(hex(days), '0') <> ''
    )
  )
)
GROUP BY install_id;
