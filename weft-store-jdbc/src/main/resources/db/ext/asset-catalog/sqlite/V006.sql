-- asset-catalog V006: declarative automation.
-- asset_changes: the change log. Every catalog write that changes an asset (a materialization, a
-- failure, an observation with a new data version, a registration that adds an asset or changes its
-- code version, a cron tick) appends a row in its own transaction. Catalog writes of a namespace are
-- serialized by its asset_graphs row, so within a namespace seq grows in commit order: a reader that
-- remembers the last seq it handled misses nothing.
CREATE TABLE asset_changes (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace      TEXT NOT NULL,
  asset_key      TEXT NOT NULL,
  partition_key  TEXT NOT NULL,
  kind           TEXT NOT NULL,
  run_id         TEXT,
  at             BIGINT NOT NULL
);

CREATE INDEX asset_changes_by_namespace ON asset_changes (namespace, seq);

CREATE INDEX asset_changes_by_asset ON asset_changes (namespace, asset_key, kind, seq);

-- One evaluator per namespace and code location: its durable cursor (the last seq it handled) and
-- its lease (owner until lease_until, epoch ms); any node takes the lease over once it expired.
CREATE TABLE automation_cursors (
  namespace    TEXT NOT NULL,
  location     TEXT NOT NULL,
  cursor_seq   BIGINT NOT NULL,
  owner        TEXT NOT NULL,
  lease_until  BIGINT NOT NULL,
  PRIMARY KEY (namespace, location)
) WITHOUT ROWID;

-- Per asset, what its last fired evaluation handled (the change seq it covered) and the run it
-- started: "since the last run" and "in progress" are read from here.
CREATE TABLE automation_assets (
  namespace    TEXT NOT NULL,
  asset_key    TEXT NOT NULL,
  handled_seq  BIGINT NOT NULL,
  workflow_id  TEXT,
  run_id       TEXT,
  PRIMARY KEY (namespace, asset_key)
) WITHOUT ROWID;

-- Every evaluation: the condition as text, fired or not and why, the partitions (index ranges) and
-- run it fired, the change seq range (from_seq, to_seq] it covered.
CREATE TABLE automation_evaluations (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace    TEXT NOT NULL,
  asset_key    TEXT NOT NULL,
  condition    TEXT NOT NULL,
  fired        INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  partitions   TEXT NOT NULL,
  workflow_id  TEXT,
  run_id       TEXT,
  from_seq     BIGINT NOT NULL,
  to_seq       BIGINT NOT NULL,
  at           BIGINT NOT NULL
);

CREATE INDEX automation_evaluations_by_asset ON automation_evaluations (namespace, asset_key, id);
