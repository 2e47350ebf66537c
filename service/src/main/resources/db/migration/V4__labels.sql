-- Analysts' labels on accounts, an audit trail: who decided what, when, why, and from which log position on
-- detection takes it into account.
CREATE TABLE labels (
  id BIGINT PRIMARY KEY,
  account_id VARCHAR(256) NOT NULL,
  label VARCHAR(20) NOT NULL,
  note VARCHAR(500) NOT NULL,
  author VARCHAR(128) NOT NULL,
  created_at BIGINT NOT NULL,
  applied_seq BIGINT NOT NULL
);
CREATE INDEX labels_account ON labels (account_id);
