-- asset-catalog V005: freshness policies. A policy per asset (at most one), registered by its code
-- location with the graph (RegisterFreshnessPolicies): kind MAX_LAG (max_lag_ms) or
-- PARTITION_DEADLINE (deadline_time, HH:MM in the asset's time zone). registered_at changes only
-- when the policy does; it is where an asset never materialized starts its lag.
CREATE TABLE asset_freshness_policies (
  namespace        TEXT NOT NULL,
  asset_key        TEXT NOT NULL,
  location         TEXT NOT NULL,
  kind             TEXT NOT NULL,
  max_lag_ms       BIGINT,
  deadline_time    TEXT,
  registered_at    BIGINT NOT NULL,
  PRIMARY KEY (namespace, asset_key)
) WITHOUT ROWID;

-- Violations, one row per episode: recorded by the freshness workflow at the policy's deadline
-- (RecordFreshnessViolation, committed with its activity's completion; deadline_ms is when the
-- asset became late, recorded_at when the row was written) and cleared in the transaction of the
-- materialization that lands next (cleared_by_id: its asset_history row), or when the policy
-- changes or is removed (clear_reason POLICY_CHANGED / POLICY_REMOVED). At most one open
-- (cleared_at null) per asset partition.
CREATE TABLE asset_freshness_violations (
  id                  INTEGER PRIMARY KEY,
  namespace           TEXT NOT NULL,
  asset_key           TEXT NOT NULL,
  partition_key       TEXT NOT NULL,
  policy              TEXT NOT NULL,
  deadline_ms         BIGINT NOT NULL,
  last_materialized_ms BIGINT,
  recorded_at         BIGINT NOT NULL,
  cleared_at          BIGINT,
  cleared_by_id       BIGINT,
  cleared_by_run      TEXT,
  clear_reason        TEXT
);

CREATE INDEX asset_freshness_violations_by_asset
  ON asset_freshness_violations (namespace, asset_key, partition_key, id);

CREATE UNIQUE INDEX asset_freshness_violations_open
  ON asset_freshness_violations (namespace, asset_key, partition_key) WHERE cleared_at IS NULL;
