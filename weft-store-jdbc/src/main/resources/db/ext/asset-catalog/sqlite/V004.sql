-- asset-catalog V004: partition status at scale (issue 21). Partitions are long indexes within their
-- definition; status is kept as ranges [start_idx, end_idx) of one asset, never a row per partition.
-- Ranges of an asset never overlap; the appliers merge adjacent ranges whose content (every column
-- but the range and updated_at) is equal. No range covering an index: the partition is missing.
-- status: MATERIALIZED, STALE, FAILED or IN_PROGRESS. previous_status: what an IN_PROGRESS range was
-- (null: missing), restored by a release. data_version, materialization_id (an asset_history id;
-- null for an observation) are kept through STALE, FAILED and IN_PROGRESS. reasons: packed stale
-- reasons (as asset_states.reasons). failure: the latest failure's 'type: message' when FAILED.
-- run_id: the run of the materialization or failure; claim_run_id: the run of an IN_PROGRESS claim.
CREATE TABLE asset_partition_ranges (
  namespace           TEXT NOT NULL,
  asset_key           TEXT NOT NULL,
  start_idx           BIGINT NOT NULL,
  end_idx             BIGINT NOT NULL,
  status              TEXT NOT NULL,
  previous_status     TEXT,
  data_version        TEXT,
  materialization_id  BIGINT,
  reasons             TEXT,
  failure             TEXT,
  run_id              TEXT,
  claim_run_id        TEXT,
  updated_at          BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key, start_idx)
) WITHOUT ROWID;

-- The ranges in one status in index order (paged lists of failed or stale partitions).
CREATE INDEX asset_partition_ranges_by_status
  ON asset_partition_ranges (namespace, asset_key, status, start_idx);

-- Per asset and status, how many partitions the ranges hold: the whole-asset counts in one lookup.
CREATE TABLE asset_partition_counts (
  namespace   TEXT NOT NULL,
  asset_key   TEXT NOT NULL,
  status      TEXT NOT NULL,
  partitions  BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key, status)
) WITHOUT ROWID;

-- A ranged write's history entry: the hull of its indexes, and its ranges (as text) when more than
-- one; partition_key holds the partitions as people read them.
ALTER TABLE asset_history ADD COLUMN partition_start BIGINT;
ALTER TABLE asset_history ADD COLUMN partition_end BIGINT;
ALTER TABLE asset_history ADD COLUMN partition_ranges TEXT;

-- Dynamic partitions definitions: the next index to hand out (indexes are never reused), and the keys.
CREATE TABLE asset_dynamic_definitions (
  namespace        TEXT NOT NULL,
  definition_name  TEXT NOT NULL,
  next_index       BIGINT NOT NULL,
  PRIMARY KEY (namespace, definition_name)
) WITHOUT ROWID;

CREATE TABLE asset_dynamic_partitions (
  namespace        TEXT NOT NULL,
  definition_name  TEXT NOT NULL,
  partition_key    TEXT NOT NULL,
  idx              BIGINT NOT NULL,
  added_at         BIGINT NOT NULL,
  PRIMARY KEY (namespace, definition_name, partition_key)
) WITHOUT ROWID;

CREATE UNIQUE INDEX asset_dynamic_partitions_by_index
  ON asset_dynamic_partitions (namespace, definition_name, idx);

-- What each invalidation did: per target asset (position: its order in the write), how many
-- partitions went from materialized to stale.
CREATE TABLE asset_invalidations (
  namespace              TEXT NOT NULL,
  invalidation_id        TEXT NOT NULL,
  position               INTEGER NOT NULL,
  asset_key              TEXT NOT NULL,
  partitions_made_stale  BIGINT NOT NULL,
  at                     BIGINT NOT NULL,
  PRIMARY KEY (namespace, invalidation_id, position)
) WITHOUT ROWID;
