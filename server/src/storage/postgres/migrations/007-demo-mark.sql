-- `pnpm demo` (issue 20): a database made for the demo says so in itself. The dashboard shows a banner
-- on it, and generated usage is written only into a database marked here (and holding no usage yet),
-- so a real company's database never gets invented figures. Set once, on a new database, never unset.
ALTER TABLE settings ADD COLUMN demo boolean NOT NULL DEFAULT false;
