-- Versions of the policy rules; the highest version is the active one.
CREATE TABLE policies (
  version BIGINT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  origin VARCHAR(200) NOT NULL,
  body TEXT NOT NULL
);
