-- V007: the namespace catalog. A run's namespace column names one of these (the engine creates
-- its own namespace on start when it is missing); each namespace has its own retention.
CREATE TABLE namespaces (
  name              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  description       TEXT NOT NULL,
  retention_millis  BIGINT NOT NULL,
  create_time       BIGINT NOT NULL,
  update_time       BIGINT NOT NULL
);
