-- Dashboard sign-ins: the cookie holds a random id; only its hash is stored.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  admin_token_id INTEGER NOT NULL REFERENCES admin_tokens (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
