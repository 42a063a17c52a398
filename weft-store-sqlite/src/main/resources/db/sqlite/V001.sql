-- V001: the core tables of the durable execution engine.
-- Times are epoch milliseconds; durations are milliseconds.

CREATE TABLE runs (
  run_id         TEXT    NOT NULL PRIMARY KEY,
  namespace      TEXT    NOT NULL,
  workflow_id    TEXT    NOT NULL,
  workflow_type  TEXT    NOT NULL,
  task_queue     TEXT    NOT NULL,
  status         TEXT    NOT NULL,
  start_time     INTEGER NOT NULL,
  close_time     INTEGER,
  next_event_id  INTEGER NOT NULL,
  history_bytes  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_workflow_id ON runs (namespace, workflow_id, start_time);
CREATE INDEX runs_by_start ON runs (namespace, start_time, run_id);
CREATE INDEX runs_by_status ON runs (namespace, status, start_time);
CREATE INDEX runs_by_type ON runs (namespace, workflow_type, start_time);

CREATE TABLE history (
  run_id      TEXT    NOT NULL,
  event_id    INTEGER NOT NULL,
  event_type  TEXT    NOT NULL,
  event_time  INTEGER NOT NULL,
  data        BLOB    NOT NULL,
  PRIMARY KEY (run_id, event_id)
) WITHOUT ROWID;

CREATE TABLE inbox (
  inbox_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id      TEXT    NOT NULL,
  event_type  TEXT    NOT NULL,
  event_time  INTEGER NOT NULL,
  data        BLOB    NOT NULL
);
CREATE INDEX inbox_by_run ON inbox (run_id, inbox_id);

CREATE TABLE workflow_tasks (
  run_id       TEXT    NOT NULL PRIMARY KEY,
  task_queue   TEXT    NOT NULL,
  visible_at   INTEGER NOT NULL,
  attempt      INTEGER NOT NULL,
  last_failure TEXT,
  lease_owner  TEXT,
  lease_token  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workflow_tasks_ready ON workflow_tasks (task_queue, visible_at);
CREATE INDEX workflow_tasks_due ON workflow_tasks (visible_at);

CREATE TABLE activity_tasks (
  run_id                     TEXT    NOT NULL,
  seq                        INTEGER NOT NULL,
  task_queue                 TEXT    NOT NULL,
  activity_type              TEXT    NOT NULL,
  attempt                    INTEGER NOT NULL,
  visible_at                 INTEGER NOT NULL,
  schedule_to_close_deadline INTEGER,
  start_to_close_ms          INTEGER,
  heartbeat_timeout_ms       INTEGER,
  spec                       BLOB    NOT NULL,
  heartbeat_details          BLOB,
  last_failure               BLOB,
  lease_owner                TEXT,
  lease_token                INTEGER NOT NULL DEFAULT 0,
  started_at                 INTEGER,
  lease_until                INTEGER,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE INDEX activity_tasks_ready ON activity_tasks (task_queue, visible_at) WHERE lease_owner IS NULL;
CREATE INDEX activity_tasks_visible ON activity_tasks (visible_at) WHERE lease_owner IS NULL;
CREATE INDEX activity_tasks_lease ON activity_tasks (lease_until) WHERE lease_owner IS NOT NULL;
CREATE INDEX activity_tasks_deadline ON activity_tasks (schedule_to_close_deadline) WHERE schedule_to_close_deadline IS NOT NULL;

CREATE TABLE timers (
  run_id   TEXT    NOT NULL,
  seq      INTEGER NOT NULL,
  fire_at  INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
CREATE INDEX timers_due ON timers (fire_at);
