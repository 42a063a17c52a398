-- asset-catalog V002: runs waiting for a condition on an asset partition (AwaitAsset). Every catalog
-- write that can make a condition hold (a materialization, an observation, a graph registration)
-- reads the namespace's waiters whose condition holds, in its own transaction, puts each one's
-- wake-up event into its run's inbox with a workflow task, and deletes it: no wake-up is lost.
-- condition_kind: MATERIALIZED_AFTER (a materialization finished after after_ms, or a source was
-- observed after it) or FRESH. The run's inbox event is stored as the engine encoded it.
CREATE TABLE asset_waiters (
  namespace        TEXT NOT NULL,
  waiter_id        TEXT NOT NULL,
  asset_key        TEXT NOT NULL,
  partition_key    TEXT NOT NULL,
  condition_kind   TEXT NOT NULL,
  after_ms         BIGINT NOT NULL,
  run_id           TEXT NOT NULL,
  task_queue       TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  event_data       BLOB NOT NULL,
  registered_at    BIGINT NOT NULL,
  PRIMARY KEY (namespace, waiter_id)
) WITHOUT ROWID;

CREATE INDEX asset_waiters_by_run ON asset_waiters (run_id);
