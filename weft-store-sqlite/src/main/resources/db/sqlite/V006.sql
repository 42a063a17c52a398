-- V006: sticky workflow tasks. run_affinity remembers which node last claimed a run's workflow
-- task (the node that has the run cached), for claims that ask for stickiness; a workflow task
-- inserted for such a run carries that node in sticky_owner, and other nodes leave it alone until
-- it has waited the claim's sticky wait. A store one process owns never fills either.

CREATE TABLE run_affinity (
  run_id  TEXT NOT NULL PRIMARY KEY,
  owner   TEXT NOT NULL
) WITHOUT ROWID;

ALTER TABLE workflow_tasks ADD COLUMN sticky_owner TEXT;
