-- Equal to SQLite's 010-listening.sql (server/src/storage/sqlite/migrations).
-- Listening as well as telling (issue 18): stories credit departments, colleagues thank them,
-- and employees send what customers told them, ideas and lessons, answered by the CX team.

-- The departments behind a story's customer outcome: JSON array of department ids, NULL = none.
ALTER TABLE stories ADD COLUMN credits text;

-- One thanks per story, credited department and install, whatever the install sends again: the
-- key keeps the first (ingest writes it with ON CONFLICT DO NOTHING). `day` is the company-local
-- day it counts on. Read only as totals per credited department (never per install or story).
CREATE TABLE thanks (
  story_id text NOT NULL,
  department text NOT NULL,          -- the credited department thanked
  install_id text NOT NULL,
  day text NOT NULL,
  PRIMARY KEY (story_id, department, install_id)
);
CREATE INDEX thanks_by_department ON thanks (department, day);

-- The employees' voice. Nothing here names the sender: the department only, and the size of
-- that department when the message came (its active installs over the 28 days before), so the
-- inbox can show a message from a small department as "a small department" for good. The
-- receipt secret went back to the extension once; only its sha256 is kept.
CREATE TABLE voice_messages (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('customer_said', 'idea', 'lesson')),
  text text NOT NULL,
  department text NOT NULL,
  department_installs integer NOT NULL,
  receipt_hash text NOT NULL,
  submitted_at text NOT NULL,        -- ISO instant
  day text NOT NULL,                 -- company-local day it came
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_review', 'adopted', 'not_adopted')),
  reason text,                       -- not_adopted: why (the sender sees it)
  reply_said text,                   -- the public card: "You said" (edited by the CX lead) …
  reply_did text,                    -- … "we did"
  reply_from text,                   -- company-local days the card is shown, inclusive
  reply_until text,
  shared_said text,                  -- a lesson shared to all departments as a card
  shared_from text,
  shared_until text,
  story_id text,                     -- the draft story a customer voice became
  revision integer NOT NULL DEFAULT 1,
  updated_at text NOT NULL
);
CREATE INDEX voice_messages_by_submitted ON voice_messages (submitted_at);
CREATE INDEX voice_messages_by_day ON voice_messages (day, department);

-- The voice form's daily limit per browser: key = sha256(day + the form's own random sender key),
-- never the install id. Rows of past days are deleted.
CREATE TABLE voice_quota (
  key text PRIMARY KEY,
  day text NOT NULL,
  count integer NOT NULL
);
CREATE INDEX voice_quota_by_day ON voice_quota (day);
