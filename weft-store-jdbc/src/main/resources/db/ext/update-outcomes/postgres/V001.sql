-- update-outcomes V001: outcomes of update requests, read by the client that waits for them. An
-- accepted update's result or failure is also in history; a rejected one is only here (rejections
-- leave no history). Kept until the run is deleted (retention).
--
-- The core migration db/postgres/V001.sql created this table before update outcomes became a
-- store extension, and applied core migrations are never edited: so this script adopts the table
-- where V001 made it (IF NOT EXISTS, the same definition) and creates it where it does not exist.
-- The table has no index but its primary key.

CREATE TABLE IF NOT EXISTS update_outcomes (
  run_id     TEXT COLLATE "C" NOT NULL,
  update_id  TEXT COLLATE "C" NOT NULL,
  outcome    BYTEA NOT NULL,
  PRIMARY KEY (run_id, update_id)
);
