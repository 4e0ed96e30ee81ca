-- Recognition rounds (issue 17): teams self-report customer wins against a round's published
-- criteria, judges score them, the chair marks winners and publishes the results.

-- A round ("2027 Q1"): its days are company-local 'YYYY-MM-DD'; its categories, with their
-- weighted criteria, are one JSON document (RoundSchema's categories). entry_salt is random per
-- round: entries are bounded per install by sha256(entry_salt + install id), so an entry cannot
-- be joined to the install's usage events by hashing install ids.
CREATE TABLE recognition_rounds (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  submission_opens TEXT NOT NULL,
  submission_closes TEXT NOT NULL,
  judging_ends TEXT NOT NULL,
  announce_on TEXT NOT NULL,
  categories TEXT NOT NULL,          -- JSON array of categories with their criteria
  revision INTEGER NOT NULL DEFAULT 1,
  results_published_at TEXT,         -- ISO instant, NULL until the chair publishes
  entry_salt TEXT NOT NULL,
  position INTEGER NOT NULL
);

-- A team's entry. The id is the server's; the receipt secret goes back to the extension once,
-- only its sha256 stays here. install_hash = sha256(round's entry_salt + install id).
CREATE TABLE recognition_entries (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES recognition_rounds (id),
  category_id TEXT NOT NULL,
  team_name TEXT NOT NULL,
  department TEXT NOT NULL,
  customer TEXT NOT NULL,
  before_text TEXT NOT NULL,
  after_text TEXT NOT NULL,
  method TEXT NOT NULL,
  ack_quote TEXT,
  ack_source TEXT,
  self_check TEXT NOT NULL DEFAULT '[]',   -- JSON array of SelfCheck
  previous_entry_id TEXT REFERENCES recognition_entries (id),
  receipt_hash TEXT NOT NULL,
  install_hash TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('recognized', 'not_this_round')),   -- set when results are published
  story_id TEXT                            -- the story a winner became
);
CREATE INDEX recognition_entries_by_install ON recognition_entries (round_id, install_hash);
CREATE INDEX recognition_entries_by_previous ON recognition_entries (previous_entry_id);

-- One judge's scorecard of one entry: scores per criterion (JSON), feedback to the team
-- (shown unsigned once results are out) and a note for the panel only.
CREATE TABLE recognition_scores (
  entry_id TEXT NOT NULL REFERENCES recognition_entries (id),
  admin_token_id INTEGER NOT NULL REFERENCES admin_tokens (id),
  scores TEXT NOT NULL,
  feedback TEXT,
  panel_note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, admin_token_id)
);

-- The entries the chair marked as winners, before publishing.
CREATE TABLE recognition_winners (
  entry_id TEXT PRIMARY KEY REFERENCES recognition_entries (id)
);

-- Dashboard credentials get a role (admin | judge | viewer); a judge may be tied to a
-- department, whose entries they then neither see nor score. Existing tokens stay admins.
ALTER TABLE admin_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';
ALTER TABLE admin_tokens ADD COLUMN department TEXT;

-- A story a winner became: JSON {roundName, categoryName, teamName}, NULL for other stories.
ALTER TABLE stories ADD COLUMN recognition TEXT;
