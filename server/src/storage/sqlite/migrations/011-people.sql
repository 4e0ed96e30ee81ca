-- Company sign-in (issue 19): people who signed in through the company's OpenID Connect provider.
-- Who they are is what the provider said at their latest sign-in (name and e-mail may be absent);
-- (issuer, subject) is the provider's own stable id of the person.
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  name TEXT,
  email TEXT,
  department TEXT,
  first_sign_in_at TEXT NOT NULL,
  last_sign_in_at TEXT NOT NULL,
  UNIQUE (issuer, subject)
);

-- A role an admin gave a person in the dashboard, on top of what their groups give.
CREATE TABLE role_grants (
  person_id INTEGER NOT NULL REFERENCES people (id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'judge', 'viewer')),
  granted_by TEXT NOT NULL,          -- the granting admin's label (token label or person's name)
  granted_at TEXT NOT NULL,
  PRIMARY KEY (person_id, role)
);

-- A session now belongs to an admin token (its role read from the token) or to a person (the
-- role and department worked out at sign-in, kept here). SQLite cannot drop NOT NULL in place:
-- the table is rebuilt, its rows kept.
CREATE TABLE sessions_new (
  id_hash TEXT PRIMARY KEY,
  admin_token_id INTEGER REFERENCES admin_tokens (id),
  person_id INTEGER REFERENCES people (id),
  role TEXT CHECK (role IN ('admin', 'judge', 'viewer')),
  department TEXT,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  CHECK ((admin_token_id IS NULL) <> (person_id IS NULL)),
  CHECK (person_id IS NULL OR role IS NOT NULL)
);
INSERT INTO sessions_new (id_hash, admin_token_id, csrf_token, created_at, expires_at)
  SELECT id_hash, admin_token_id, csrf_token, created_at, expires_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_person ON sessions (person_id);

-- The audit log names a person who acted (label = their name or e-mail then).
ALTER TABLE audit_log ADD COLUMN person_id INTEGER REFERENCES people (id);

-- Sign-ins under way: the state sent to the provider (hashed) with the nonce and PKCE verifier
-- the callback needs; kept in the database so that any instance can take the callback, and
-- deleted when used (a state works once) or after a few minutes.
CREATE TABLE oidc_sign_ins (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX oidc_sign_ins_by_expiry ON oidc_sign_ins (expires_at);
