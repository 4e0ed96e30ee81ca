-- Content: edited by CX leads, served to every extension as one versioned bundle.
CREATE TABLE content_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  customer TEXT NOT NULL,
  quote TEXT,
  body TEXT NOT NULL,
  impact TEXT,
  source TEXT,
  tags TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
  roles TEXT,                        -- JSON array of role ids, NULL = everyone
  publish_on TEXT,                   -- YYYY-MM-DD
  archived INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE prompts (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  place TEXT NOT NULL CHECK (place IN ('meeting', 'newtab', 'both')),
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE role_actions (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL REFERENCES roles (id),
  text TEXT NOT NULL,
  position INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  headcount INTEGER,
  position INTEGER NOT NULL
);

CREATE TABLE schedule (
  day TEXT PRIMARY KEY,              -- YYYY-MM-DD in the company's time zone
  story_id TEXT NOT NULL REFERENCES stories (id)
);

-- CX leads' tokens: only a SHA-256 hash is kept.
CREATE TABLE admin_tokens (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Raw usage events, pruned after RETENTION_DAYS. The client-made id makes replays harmless.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  install_id TEXT NOT NULL,
  type TEXT NOT NULL,
  department TEXT NOT NULL,
  role TEXT NOT NULL,
  surface TEXT NOT NULL,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  story_id TEXT,
  prompt_id TEXT,
  action_id TEXT,
  received_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_by_at ON events (at);

-- Roll-ups, kept forever and updated in the ingest transaction: stats read only these.
-- Their size grows with days x departments x roles, not with the number of events.
CREATE TABLE daily_counts (
  day TEXT NOT NULL,                 -- company-local day
  week TEXT NOT NULL,                -- the Monday of the day's week
  department TEXT NOT NULL,
  role TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, department, role, type)
) WITHOUT ROWID;
CREATE INDEX daily_counts_by_week ON daily_counts (week, department, type, count);

-- Which surfaces (new tab, Meet, Zoom…) each department uses.
CREATE TABLE daily_surface_counts (
  day TEXT NOT NULL,
  department TEXT NOT NULL,
  surface TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, department, surface, type)
) WITHOUT ROWID;

-- Engagement per content item (which stories and actions draw people in).
CREATE TABLE daily_item_counts (
  day TEXT NOT NULL,
  department TEXT NOT NULL,
  type TEXT NOT NULL,
  item_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, department, type, item_id)
) WITHOUT ROWID;

-- Distinct installs cannot be summed across days, so each install's activity is kept as
-- one row per department, role and year, with a bit for every day it was active: any
-- range (last 30 days, a past quarter, each week of a trend) is answered from one row
-- per install, however many events there are.
CREATE TABLE install_activity (
  year INTEGER NOT NULL,             -- calendar year of the company-local days
  install_id TEXT NOT NULL,
  department TEXT NOT NULL,
  role TEXT NOT NULL,
  days BLOB NOT NULL,                -- 366 bits: bit n = active on day n of the year
  PRIMARY KEY (year, install_id, department, role)
) WITHOUT ROWID;
