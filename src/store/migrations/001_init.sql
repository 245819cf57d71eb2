-- Lotsen schema, version 1. No names, emails or phone numbers of users; codes only as HMAC; user text only encrypted.
CREATE TABLE municipality (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE code_batch (
  id TEXT PRIMARY KEY,
  municipality_id TEXT NOT NULL REFERENCES municipality(id),
  persona TEXT NOT NULL,
  age_band TEXT,
  label TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);

CREATE TABLE access_code (
  hash TEXT PRIMARY KEY,
  municipality_id TEXT NOT NULL REFERENCES municipality(id),
  batch_id TEXT REFERENCES code_batch(id),
  persona TEXT NOT NULL CHECK (persona IN ('parent', 'child-mini', 'child-next')),
  age_band TEXT CHECK (age_band IS NULL OR age_band IN ('6-8', '9-12', '13-17')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  first_used_at INTEGER
);
CREATE INDEX access_code_batch ON access_code(batch_id);

CREATE TABLE conversation (
  id TEXT PRIMARY KEY,
  code_hash TEXT UNIQUE REFERENCES access_code(hash) ON DELETE SET NULL,
  municipality_id TEXT NOT NULL REFERENCES municipality(id),
  persona TEXT NOT NULL,
  age_band TEXT,
  locale TEXT NOT NULL,
  next_seq INTEGER NOT NULL DEFAULT 0,
  last_flow TEXT,
  last_step TEXT,
  created_at INTEGER NOT NULL,
  active_at INTEGER NOT NULL
);
CREATE INDEX conversation_active ON conversation(active_at);

-- botbuilder Storage: one row per state key, sealed JSON, eTag for optimistic concurrency.
CREATE TABLE bot_state (
  key TEXT PRIMARY KEY,
  conversation_id TEXT REFERENCES conversation(id) ON DELETE CASCADE,
  etag TEXT NOT NULL,
  body BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bot_state_conversation ON bot_state(conversation_id);

-- The transcript: every user and bot activity, sealed; watermark = seq.
CREATE TABLE activity (
  conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'bot')),
  body BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE note (
  conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  flow TEXT NOT NULL,
  slot TEXT NOT NULL,
  step TEXT NOT NULL,
  body BLOB,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, flow, slot)
);

CREATE TABLE checkin (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  flow TEXT NOT NULL,
  step TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
  created_at INTEGER NOT NULL
);

CREATE TABLE plan_item (
  conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  body BLOB,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, field)
);

CREATE TABLE session (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- Failed and successful logins by keyed hash of the address, for throttling; old rows are pruned.
CREATE TABLE login_attempt (
  id INTEGER PRIMARY KEY,
  ip_key TEXT NOT NULL,
  ok INTEGER NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_attempt_ip ON login_attempt(ip_key, at);
CREATE INDEX login_attempt_at ON login_attempt(at);

-- Anonymous statistics: no conversation id, no text.
CREATE TABLE stat_event (
  id INTEGER PRIMARY KEY,
  municipality_id TEXT NOT NULL,
  month TEXT NOT NULL,
  event TEXT NOT NULL,
  persona TEXT NOT NULL,
  locale TEXT NOT NULL,
  flow TEXT,
  step TEXT,
  category TEXT
);
CREATE INDEX stat_event_month ON stat_event(municipality_id, month);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  municipality_id TEXT REFERENCES municipality(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  staff_id TEXT,
  municipality_id TEXT,
  action TEXT NOT NULL,
  detail TEXT,
  at INTEGER NOT NULL
);
