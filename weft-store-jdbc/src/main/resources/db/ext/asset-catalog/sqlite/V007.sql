-- asset-catalog V007: backfills.
-- asset_backfills: one row per backfill; seq orders the list newest first (keyset pages).
CREATE TABLE asset_backfills (
  seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace            TEXT NOT NULL,
  backfill_id          TEXT NOT NULL,
  location             TEXT NOT NULL,
  selection            TEXT NOT NULL,
  partitions_json      TEXT NOT NULL,
  max_concurrent_runs  INTEGER NOT NULL,
  status               TEXT NOT NULL,
  retry_of             TEXT,
  workflow_id          TEXT NOT NULL,
  created_at           BIGINT NOT NULL,
  updated_at           BIGINT NOT NULL,
  ended_at             BIGINT
);

CREATE UNIQUE INDEX asset_backfills_by_id ON asset_backfills (namespace, backfill_id);

CREATE INDEX asset_backfills_by_status ON asset_backfills (namespace, status, seq);

-- Progress per asset of a backfill, in partitions, moved by each chunk record in its transaction.
CREATE TABLE asset_backfill_assets (
  namespace     TEXT NOT NULL,
  backfill_id   TEXT NOT NULL,
  asset_key     TEXT NOT NULL,
  position      INTEGER NOT NULL,
  partitions    BIGINT NOT NULL,
  materialized  BIGINT NOT NULL,
  failed        BIGINT NOT NULL,
  in_progress   BIGINT NOT NULL,
  skipped       BIGINT NOT NULL,
  PRIMARY KEY (namespace, backfill_id, asset_key)
) WITHOUT ROWID;

-- What became of each chunk of a backfill per asset (IN_PROGRESS, MATERIALIZED, FAILED, SKIPPED):
-- keeps chunk records idempotent and lists the failed ranges (by id, the order of their records).
CREATE TABLE asset_backfill_chunks (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  namespace    TEXT NOT NULL,
  backfill_id  TEXT NOT NULL,
  asset_key    TEXT NOT NULL,
  start_index  BIGINT NOT NULL,
  end_index    BIGINT NOT NULL,
  from_key     TEXT NOT NULL,
  to_key       TEXT NOT NULL,
  status       TEXT NOT NULL,
  error        TEXT,
  at           BIGINT NOT NULL
);

CREATE UNIQUE INDEX asset_backfill_chunks_by_range
  ON asset_backfill_chunks (namespace, backfill_id, asset_key, start_index);

CREATE INDEX asset_backfill_chunks_by_status
  ON asset_backfill_chunks (namespace, backfill_id, status, id);
