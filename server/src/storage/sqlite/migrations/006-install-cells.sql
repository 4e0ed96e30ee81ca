-- The department view names a surface (new tab, Zoom…) or an action only when enough installs
-- used it in every week shown (plan-disclosure), so it needs distinct installs per surface and
-- per action, kept like install_activity: a bit per day, one row per install, department, cell
-- and year. cell is 'surface:<surface>' or 'action:<role>:<action id>'.
CREATE TABLE install_cells (
  year INTEGER NOT NULL,
  install_id TEXT NOT NULL,
  department TEXT NOT NULL,
  cell TEXT NOT NULL,
  days BLOB NOT NULL,
  PRIMARY KEY (year, install_id, department, cell)
) WITHOUT ROWID;

-- Actions logged per department and role: an action is shown under its role only.
CREATE TABLE daily_action_counts (
  day TEXT NOT NULL,
  department TEXT NOT NULL,
  role TEXT NOT NULL,
  action_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, department, role, action_id)
) WITHOUT ROWID;

-- From the raw events still kept; older weeks have no cells, so their surfaces and actions
-- are shown only together, as "other".
INSERT INTO install_cells (year, install_id, department, cell, days)
  SELECT CAST(substr(day, 1, 4) AS INTEGER), install_id, department, 'surface:' || surface, day_bits(day)
  FROM events GROUP BY 1, 2, 3, 4;
INSERT INTO install_cells (year, install_id, department, cell, days)
  SELECT CAST(substr(day, 1, 4) AS INTEGER), install_id, department, 'action:' || role || ':' || action_id, day_bits(day)
  FROM events WHERE type = 'action_taken' AND action_id IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO daily_action_counts (day, department, role, action_id, count)
  SELECT day, department, role, action_id, COUNT(*)
  FROM events WHERE type = 'action_taken' AND action_id IS NOT NULL GROUP BY 1, 2, 3, 4;
