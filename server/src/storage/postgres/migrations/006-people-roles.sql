-- Company sign-in (issue 19), people in the dashboard: the role a person's groups gave at their
-- latest sign-in (so an admin sees why someone has access, and a grant or its revocation can be
-- applied to their live sessions at once), and a department an admin set (it wins over the claim).
ALTER TABLE people ADD COLUMN group_role text CHECK (group_role IN ('admin', 'judge', 'viewer'));
ALTER TABLE people ADD COLUMN set_department text;

-- Scorecards belong to a judge's admin token or to a person who signed in with the company's provider.
ALTER TABLE recognition_scores DROP CONSTRAINT recognition_scores_pkey;
ALTER TABLE recognition_scores ALTER COLUMN admin_token_id DROP NOT NULL;
ALTER TABLE recognition_scores ADD COLUMN person_id integer REFERENCES people (id);
ALTER TABLE recognition_scores ADD CONSTRAINT recognition_scores_token_or_person CHECK ((admin_token_id IS NULL) <> (person_id IS NULL));
-- One scorecard per entry and judge, whichever kind of judge.
CREATE UNIQUE INDEX recognition_scores_by_token ON recognition_scores (entry_id, admin_token_id) WHERE admin_token_id IS NOT NULL;
CREATE UNIQUE INDEX recognition_scores_by_person ON recognition_scores (entry_id, person_id) WHERE person_id IS NOT NULL;
