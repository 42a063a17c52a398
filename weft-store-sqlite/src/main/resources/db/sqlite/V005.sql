-- V005: outcomes of update requests, read by the client that waits for them. An accepted update's
-- result or failure is also in history; a rejected one is only here (rejections leave no history).
-- Kept until the run is deleted (retention).

CREATE TABLE update_outcomes (
  run_id     TEXT NOT NULL,
  update_id  TEXT NOT NULL,
  outcome    BLOB NOT NULL,
  PRIMARY KEY (run_id, update_id)
) WITHOUT ROWID;
