-- Listening as well as telling (issue 18): stories credit departments, colleagues thank them,
-- and employees send what customers told them, ideas and lessons, answered by the CX team.

-- The departments behind a story's customer outcome: JSON array of department ids, NULL = none.
ALTER TABLE stories ADD COLUMN credits TEXT;

-- One thanks per story, credited department and install, whatever the install sends again: the
-- key keeps the first (ingest writes it with ON CONFLICT DO NOTHING). `day` is the company-local
-- day it counts on. Read only as totals per credited department (never per install or story).
CREATE TABLE thanks (
  story_id TEXT NOT NULL,
  department TEXT NOT NULL,          -- the credited department thanked
  install_id TEXT NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (story_id, department, install_id)
) WITHOUT ROWID;
CREATE INDEX thanks_by_department ON thanks (department, day);

-- The employees' voice. Nothing here names the sender: the department only, and the size of
-- that department when the message came (its active installs over the 28 days before), so the
-- inbox can show a message from a small department as "a small department" for good. The
-- receipt secret went back to the extension once; only its sha256 is kept.
CREATE TABLE voice_messages (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('customer_said', 'idea', 'lesson')),
  text TEXT NOT NULL,
  department TEXT NOT NULL,
  department_installs INTEGER NOT NULL,
  receipt_hash TEXT NOT NULL,
  submitted_at TEXT NOT NULL,        -- ISO instant
  day TEXT NOT NULL,                 -- company-local day it came
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_review', 'adopted', 'not_adopted')),
  reason TEXT,                       -- not_adopted: why (the sender sees it)
  reply_said TEXT,                   -- the public card: "You said" (edited by the CX lead) …
  reply_did TEXT,                    -- … "we did"
  reply_from TEXT,                   -- company-local days the card is shown, inclusive
  reply_until TEXT,
  shared_said TEXT,                  -- a lesson shared to all departments as a card
  shared_from TEXT,
  shared_until TEXT,
  story_id TEXT,                     -- the draft story a customer voice became
  revision INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX voice_messages_by_submitted ON voice_messages (submitted_at);
CREATE INDEX voice_messages_by_day ON voice_messages (day, department);

-- The voice form's daily limit per browser: key = sha256(day + the form's own random sender key),
-- never the install id. Rows of past days are deleted.
CREATE TABLE voice_quota (
  key TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  count INTEGER NOT NULL
);
CREATE INDEX voice_quota_by_day ON voice_quota (day);
