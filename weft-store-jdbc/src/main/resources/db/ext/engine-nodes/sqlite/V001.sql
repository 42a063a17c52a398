-- engine-nodes V001: every engine node of the store, as it last recorded itself (at start, then at
-- each heartbeat). Times are epoch milliseconds. A node is live while its heartbeats are recent;
-- dead nodes stay until a node deletes them (a day after their last heartbeat).

CREATE TABLE engine_nodes (
  node_id       TEXT NOT NULL PRIMARY KEY,
  host          TEXT NOT NULL,
  process_id    BIGINT NOT NULL,
  started_at    BIGINT NOT NULL,
  heartbeat_at  BIGINT NOT NULL,
  version       TEXT NOT NULL
);

CREATE TABLE engine_node_queues (
  node_id     TEXT NOT NULL,
  task_queue  TEXT NOT NULL,
  PRIMARY KEY (node_id, task_queue)
) WITHOUT ROWID;
