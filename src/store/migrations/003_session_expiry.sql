-- A code holder's session ends after a while without activity and at the latest a fixed time after login
-- (SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS, applied when a session is checked). `seen_at` is the last activity: the
-- login, a resume, a message. Sessions from before this migration count as last seen at their login.
ALTER TABLE session ADD COLUMN seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE session SET seen_at = created_at;
