-- The department view lists a story only when enough installs saw or used it in every week
-- shown (plan-disclosure). Distinct installs per story cannot be summed, and one row per
-- install and story would grow with every day's story, so up to 20 install ids are kept per
-- week, department and story: enough to tell a story with at least MIN_GROUP_SIZE (when it
-- is 20 or less) from one with fewer, which is all the rule needs. With MIN_GROUP_SIZE above
-- 20, no story is named.
CREATE TABLE story_reach (
  week TEXT NOT NULL,
  department TEXT NOT NULL,
  story_id TEXT NOT NULL,
  install_id TEXT NOT NULL,
  PRIMARY KEY (week, department, story_id, install_id)
) WITHOUT ROWID;

-- From the raw events still kept; older weeks have none, so their stories are not listed.
INSERT INTO story_reach (week, department, story_id, install_id)
  SELECT week, department, story_id, install_id FROM (
    SELECT week, department, story_id, install_id,
           ROW_NUMBER() OVER (PARTITION BY week, department, story_id ORDER BY install_id) AS n
    FROM (
      SELECT DISTINCT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days') AS week,
             department, story_id, install_id
      FROM events WHERE story_id IS NOT NULL AND type IN ('story_viewed', 'story_inserted', 'story_shared')
    )
  ) WHERE n <= 20;
