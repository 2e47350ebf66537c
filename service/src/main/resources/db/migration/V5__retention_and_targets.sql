-- Retention: how far the event log's bodies have been blanked (events stay, as ids for idempotency).
CREATE TABLE log_state (
  name VARCHAR(40) PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO log_state (name, value) VALUES ('pruned_through', 0);
-- Labels name an account (as before) or a whole campaign.
ALTER TABLE labels ADD COLUMN target VARCHAR(20) DEFAULT 'account' NOT NULL;
