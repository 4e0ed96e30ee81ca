-- Content editing by several CX leads: every editable item has a revision (a stale edit is
-- refused), the company time zone can be set from the dashboard, and every change is audited.
ALTER TABLE roles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE departments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  timezone TEXT,                     -- NULL: the server's TIMEZONE applies
  revision INTEGER NOT NULL
);
INSERT INTO settings (id, timezone, revision) VALUES (1, NULL, 1);

-- Who (the token's label at the time) changed what and when. Content text is not copied here.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  admin_token_id INTEGER REFERENCES admin_tokens (id),   -- NULL: the server's command line
  label TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  summary TEXT NOT NULL
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);
