-- V008: see the SQLite store's V012. The runs that need attention
-- (Store.listRunsNeedingAttention) come from these partial indexes: workflow tasks that have
-- failed (attempt > 1) and activity tasks that are retrying (an attempt failed: attempt > 1, or
-- a failure waiting out its backoff) are few, so the read costs what needs attention, not the
-- number of runs.
-- failure_details keeps a failed workflow task's failure as data (JSON the engine writes, for
-- example the two sides of a non-determinism error), next to its text in last_failure.
CREATE INDEX workflow_tasks_failing ON workflow_tasks (run_id) WHERE attempt > 1;
CREATE INDEX activity_tasks_retrying ON activity_tasks (run_id)
  WHERE attempt > 1 OR last_failure IS NOT NULL;
ALTER TABLE workflow_tasks ADD COLUMN failure_details TEXT;
