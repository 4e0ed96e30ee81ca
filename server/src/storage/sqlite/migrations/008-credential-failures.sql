-- Wrong credentials (admin tokens, session cookies, the enrollment key) per throttle key: a client
-- address ("a …") or a hash of a credential's first characters ("p …"). In the database, not in a
-- process, so that every instance counts the same failures: N wrong guesses spread over three
-- instances back off after N, not 3N. Bounded: keys without a failure for an hour are forgotten
-- and only the most recently failing are kept (credentialThrottle prunes them, by last_at).
CREATE TABLE credential_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at TEXT NOT NULL
);
CREATE INDEX credential_failures_by_last ON credential_failures (last_at);
