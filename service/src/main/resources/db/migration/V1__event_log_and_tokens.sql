-- The event log: every acknowledged event, in the order it was acknowledged. seq is assigned by the service.
CREATE TABLE events (
  seq BIGINT PRIMARY KEY,
  event_id VARCHAR(256) NOT NULL,
  account_id VARCHAR(256) NOT NULL,
  ts BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX events_event_id ON events (event_id);

-- Bearer tokens, stored as SHA-256 hashes; the token itself is shown once when it is created.
CREATE TABLE tokens (
  token_hash VARCHAR(64) PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  name VARCHAR(128) NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
