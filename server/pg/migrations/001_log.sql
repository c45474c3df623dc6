-- One row per airport: its seq is the head of its log, and locking the row is what orders its writers.
CREATE TABLE airports (
  id text PRIMARY KEY,
  seq bigint NOT NULL DEFAULT 0,
  -- Secret, PIN hashes, revocations and enrolled kiosks (StoredData in server/store.ts).
  meta jsonb NOT NULL
);

-- The operation log. json (not jsonb) keeps each operation's text as written, so a replay sees the same input.
CREATE TABLE log_entries (
  airport text NOT NULL REFERENCES airports (id),
  seq bigint NOT NULL,
  op_id text NOT NULL,
  at text NOT NULL,
  op json NOT NULL,
  PRIMARY KEY (airport, seq),
  -- An operation is in the log at most once, whichever hub it was sent to and however often.
  UNIQUE (airport, op_id)
);

-- Refusals, so a retry on any hub gets the same answer.
CREATE TABLE rejections (
  airport text NOT NULL REFERENCES airports (id),
  op_id text NOT NULL,
  code text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (airport, op_id)
);

-- The state at some seq, so a starting hub replays only what came after; the log stays the truth.
CREATE TABLE checkpoints (
  airport text PRIMARY KEY REFERENCES airports (id),
  seq bigint NOT NULL,
  state json NOT NULL,
  digest text NOT NULL
);
