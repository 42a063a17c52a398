-- V001: the whole schema of the PostgreSQL store, equal to the SQLite store's as of its V006.
-- Times are epoch milliseconds; durations are milliseconds. Text that is compared or ordered is
-- COLLATE "C" (binary, code point order), so listings and filters order as on every other store,
-- whatever the database's default collation.

CREATE TABLE runs (
  run_id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  namespace      TEXT COLLATE "C" NOT NULL,
  workflow_id    TEXT COLLATE "C" NOT NULL,
  workflow_type  TEXT COLLATE "C" NOT NULL,
  task_queue     TEXT COLLATE "C" NOT NULL,
  status         TEXT COLLATE "C" NOT NULL,
  start_time     BIGINT NOT NULL,
  close_time     BIGINT,
  memo           BYTEA
);
CREATE INDEX runs_by_start ON runs (namespace, start_time, run_id);
CREATE INDEX runs_by_status ON runs (namespace, status, start_time, run_id);
CREATE INDEX runs_by_type ON runs (namespace, workflow_type, start_time, run_id);
CREATE INDEX runs_by_workflow_id ON runs (namespace, workflow_id, start_time, run_id);
CREATE INDEX runs_by_close ON runs (namespace, close_time, run_id) WHERE status <> 'RUNNING';

CREATE TABLE history (
  run_id       TEXT COLLATE "C" NOT NULL,
  event_id     BIGINT NOT NULL,
  event_type   TEXT NOT NULL,
  event_time   BIGINT NOT NULL,
  data         BYTEA NOT NULL,
  total_bytes  BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, event_id)
);

CREATE TABLE inbox (
  inbox_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id      TEXT COLLATE "C" NOT NULL,
  event_type  TEXT NOT NULL,
  event_time  BIGINT NOT NULL,
  data        BYTEA NOT NULL
);
CREATE INDEX inbox_by_run ON inbox (run_id, inbox_id);

CREATE TABLE workflow_tasks (
  run_id       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  task_queue   TEXT COLLATE "C" NOT NULL,
  visible_at   BIGINT NOT NULL,
  attempt      INTEGER NOT NULL,
  last_failure TEXT,
  lease_owner  TEXT,
  lease_token  BIGINT NOT NULL DEFAULT 0,
  sticky_owner TEXT
);
CREATE INDEX workflow_tasks_ready ON workflow_tasks (task_queue, visible_at);
CREATE INDEX workflow_tasks_due ON workflow_tasks (visible_at);

CREATE TABLE activity_tasks (
  run_id                     TEXT COLLATE "C" NOT NULL,
  seq                        BIGINT NOT NULL,
  task_queue                 TEXT COLLATE "C" NOT NULL,
  activity_type              TEXT NOT NULL,
  attempt                    INTEGER NOT NULL,
  visible_at                 BIGINT NOT NULL,
  schedule_to_close_deadline BIGINT,
  start_to_close_ms          BIGINT,
  heartbeat_timeout_ms       BIGINT,
  spec                       BYTEA NOT NULL,
  heartbeat_details          BYTEA,
  last_failure               BYTEA,
  lease_owner                TEXT,
  lease_token                BIGINT NOT NULL DEFAULT 0,
  started_at                 BIGINT,
  lease_until                BIGINT,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX activity_tasks_ready ON activity_tasks (task_queue, visible_at) WHERE lease_owner IS NULL;
CREATE INDEX activity_tasks_visible ON activity_tasks (visible_at) WHERE lease_owner IS NULL;
CREATE INDEX activity_tasks_lease ON activity_tasks (lease_until) WHERE lease_owner IS NOT NULL;
CREATE INDEX activity_tasks_deadline ON activity_tasks (schedule_to_close_deadline) WHERE schedule_to_close_deadline IS NOT NULL;

CREATE TABLE timers (
  run_id   TEXT COLLATE "C" NOT NULL,
  seq      BIGINT NOT NULL,
  fire_at  BIGINT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX timers_due ON timers (fire_at);

CREATE TABLE search_attributes (
  run_id        TEXT COLLATE "C" NOT NULL,
  name          TEXT COLLATE "C" NOT NULL,
  type          TEXT COLLATE "C" NOT NULL,
  text_value    TEXT COLLATE "C",
  int_value     BIGINT,
  double_value  DOUBLE PRECISION,
  PRIMARY KEY (run_id, name)
);
CREATE INDEX search_attributes_text ON search_attributes (name, type, text_value, run_id) WHERE text_value IS NOT NULL;
CREATE INDEX search_attributes_int ON search_attributes (name, type, int_value, run_id) WHERE int_value IS NOT NULL;
CREATE INDEX search_attributes_double ON search_attributes (name, type, double_value, run_id) WHERE double_value IS NOT NULL;

CREATE TABLE update_outcomes (
  run_id     TEXT COLLATE "C" NOT NULL,
  update_id  TEXT COLLATE "C" NOT NULL,
  outcome    BYTEA NOT NULL,
  PRIMARY KEY (run_id, update_id)
);

-- which node last claimed a run's workflow task (sticky claims); see the SQLite store's V006
CREATE TABLE run_affinity (
  run_id  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  owner   TEXT NOT NULL
);
