-- Company sign-in (issue 19), people in the dashboard: the role a person's groups gave at their
-- latest sign-in (so an admin sees why someone has access, and a grant or its revocation can be
-- applied to their live sessions at once), and a department an admin set (it wins over the claim).
ALTER TABLE people ADD COLUMN group_role TEXT CHECK (group_role IN ('admin', 'judge', 'viewer'));
ALTER TABLE people ADD COLUMN set_department TEXT;

-- Scorecards belong to a judge's admin token or to a person who signed in with the company's
-- provider. SQLite cannot drop NOT NULL or a primary key in place: the table is rebuilt, its rows kept.
CREATE TABLE recognition_scores_new (
  entry_id TEXT NOT NULL REFERENCES recognition_entries (id),
  admin_token_id INTEGER REFERENCES admin_tokens (id),
  person_id INTEGER REFERENCES people (id),
  scores TEXT NOT NULL,
  feedback TEXT,
  panel_note TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((admin_token_id IS NULL) <> (person_id IS NULL))
);
INSERT INTO recognition_scores_new (entry_id, admin_token_id, scores, feedback, panel_note, updated_at)
  SELECT entry_id, admin_token_id, scores, feedback, panel_note, updated_at FROM recognition_scores;
DROP TABLE recognition_scores;
ALTER TABLE recognition_scores_new RENAME TO recognition_scores;
-- One scorecard per entry and judge, whichever kind of judge.
CREATE UNIQUE INDEX recognition_scores_by_token ON recognition_scores (entry_id, admin_token_id) WHERE admin_token_id IS NOT NULL;
CREATE UNIQUE INDEX recognition_scores_by_person ON recognition_scores (entry_id, person_id) WHERE person_id IS NOT NULL;
