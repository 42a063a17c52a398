-- tck-notes V001: the probe extension's table. Deliberately not IF NOT EXISTS: a migration that
-- ran twice would fail, which is what the contract checks.

CREATE TABLE tck_notes (
  run_id  TEXT NOT NULL,
  name    TEXT NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (run_id, name)
);
