-- V002: flow control. Tasks carry a priority (1 highest .. 5 lowest), a fairness key and its
-- weight, and a pass: the key's virtual time when the task was queued (stride scheduling). A
-- queue hands out the best priority level first, and within a level the lowest pass, so keys take
-- turns in proportion to their weights however deep one key's backlog is. queue_vtime is each
-- queue's virtual time (the highest pass handed out), fairness_passes each key's last pass,
-- queue_levels how often each level has been passed over (anti-starvation). Runs carry the
-- scheduling of their workflow tasks. Pauses and limits are settings of queues, types and runs.

ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
ALTER TABLE runs ADD COLUMN fairness_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN fairness_weight DOUBLE PRECISION NOT NULL DEFAULT 1;

ALTER TABLE workflow_tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
ALTER TABLE workflow_tasks ADD COLUMN fairness_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE workflow_tasks ADD COLUMN fairness_weight DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE workflow_tasks ADD COLUMN pass DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE INDEX workflow_tasks_order ON workflow_tasks (task_queue, priority, pass);
-- claims read the queue in (priority, pass) order now, not by visibility time
DROP INDEX workflow_tasks_ready;

ALTER TABLE activity_tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
ALTER TABLE activity_tasks ADD COLUMN fairness_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE activity_tasks ADD COLUMN fairness_weight DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE activity_tasks ADD COLUMN pass DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE INDEX activity_tasks_order ON activity_tasks (task_queue, priority, pass) WHERE lease_owner IS NULL;
DROP INDEX activity_tasks_ready;
-- only tasks with a key: most tasks have none, and they never touch this index
CREATE INDEX activity_tasks_key_running ON activity_tasks (task_queue, fairness_key) WHERE lease_owner IS NOT NULL AND fairness_key <> '';

CREATE TABLE task_queues (
  task_queue    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  registered_at BIGINT NOT NULL
);

CREATE TABLE queue_vtime (
  kind        TEXT COLLATE "C" NOT NULL,
  task_queue  TEXT COLLATE "C" NOT NULL,
  vtime       DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (kind, task_queue)
);

CREATE TABLE fairness_passes (
  kind          TEXT COLLATE "C" NOT NULL,
  task_queue    TEXT COLLATE "C" NOT NULL,
  fairness_key  TEXT COLLATE "C" NOT NULL,
  last_pass     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (kind, task_queue, fairness_key)
);

CREATE TABLE queue_levels (
  kind        TEXT COLLATE "C" NOT NULL,
  task_queue  TEXT COLLATE "C" NOT NULL,
  priority    INTEGER NOT NULL,
  passed_over INTEGER NOT NULL,
  PRIMARY KEY (kind, task_queue, priority)
);

CREATE TABLE paused_queues (
  task_queue  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  paused_at   BIGINT NOT NULL,
  reason      TEXT COLLATE "C" NOT NULL,
  identity    TEXT COLLATE "C" NOT NULL
);

CREATE TABLE paused_activity_types (
  task_queue     TEXT COLLATE "C" NOT NULL,
  activity_type  TEXT COLLATE "C" NOT NULL,
  paused_at      BIGINT NOT NULL,
  reason         TEXT COLLATE "C" NOT NULL,
  identity       TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (task_queue, activity_type)
);

CREATE TABLE paused_runs (
  run_id     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  paused_at  BIGINT NOT NULL,
  reason     TEXT COLLATE "C" NOT NULL,
  identity   TEXT COLLATE "C" NOT NULL
);

CREATE TABLE queue_rates (
  task_queue   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  per_second   DOUBLE PRECISION NOT NULL,
  burst        INTEGER NOT NULL,
  tokens       DOUBLE PRECISION NOT NULL,
  refilled_at  BIGINT NOT NULL
);

CREATE TABLE key_limits (
  task_queue    TEXT COLLATE "C" NOT NULL,
  fairness_key  TEXT COLLATE "C" NOT NULL,
  max_running   INTEGER,
  per_second    DOUBLE PRECISION,
  burst         INTEGER,
  tokens        DOUBLE PRECISION,
  refilled_at   BIGINT,
  PRIMARY KEY (task_queue, fairness_key)
);
