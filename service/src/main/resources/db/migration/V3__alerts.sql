-- Alerts: one per (campaign, kind); delivery state per alert, so retries survive a restart.
CREATE TABLE alerts (
  id BIGINT PRIMARY KEY,
  dedupe_key VARCHAR(300) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  campaign_id VARCHAR(100),
  created_at BIGINT NOT NULL,
  event_time BIGINT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT,
  delivered_at BIGINT,
  last_error VARCHAR(300)
);
CREATE UNIQUE INDEX alerts_dedupe ON alerts (dedupe_key);
