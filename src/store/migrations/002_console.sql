-- The contact-centre console: staff sign-in sessions and sign-in throttling.

-- A signed-in staff member. `id` is the SHA-256 of the cookie value, so a copy of the database opens no session.
CREATE TABLE staff_session (
  id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'sv',
  created_at INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  -- The console preview (sealed JSON): profile and dialogue state, never written anywhere else.
  preview BLOB
);
CREATE INDEX staff_session_staff ON staff_session(staff_id);
CREATE INDEX staff_session_seen ON staff_session(seen_at);

-- Sign-in attempts by keyed hashes of the username and the address, for throttling; old rows are pruned.
CREATE TABLE staff_login_attempt (
  id INTEGER PRIMARY KEY,
  user_key TEXT NOT NULL,
  ip_key TEXT NOT NULL,
  ok INTEGER NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX staff_login_attempt_user ON staff_login_attempt(user_key, at);
CREATE INDEX staff_login_attempt_ip ON staff_login_attempt(ip_key, at);

CREATE INDEX code_batch_municipality ON code_batch(municipality_id, created_at);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX stat_event_event ON stat_event(municipality_id, month, event);
CREATE INDEX conversation_municipality ON conversation(municipality_id, active_at);
