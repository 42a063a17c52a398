-- V003: visibility. Typed search attributes, one row per run and name, the value in the column of
-- its type (KEYWORD, TEXT: text_value; INT, BOOL as 0/1, DATETIME as epoch millis: int_value;
-- DOUBLE: double_value). Each index serves `name = ? AND type = ? AND <value> op ?` and carries
-- the run ID, so a filter on an attribute is an index range that leads to runs by primary key.
-- Partial: a row fills one value column, so each index holds only the rows of its types.
-- The memo is opaque bytes on the run's row, read only with the run.

CREATE TABLE search_attributes (
  run_id        TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  type          TEXT    NOT NULL,
  text_value    TEXT,
  int_value     INTEGER,
  double_value  REAL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
CREATE INDEX search_attributes_text ON search_attributes (name, type, text_value, run_id) WHERE text_value IS NOT NULL;
CREATE INDEX search_attributes_int ON search_attributes (name, type, int_value, run_id) WHERE int_value IS NOT NULL;
CREATE INDEX search_attributes_double ON search_attributes (name, type, double_value, run_id) WHERE double_value IS NOT NULL;

ALTER TABLE runs ADD COLUMN memo BLOB;

-- Listings are ordered by (start_time DESC, run_id DESC); with the run ID in the index, a listing
-- filtered by status, type or workflow ID reads its index range in order instead of scanning the
-- namespace newest first (SQLite preferred that over sorting the range).
DROP INDEX runs_by_status;
DROP INDEX runs_by_type;
DROP INDEX runs_by_workflow_id;
CREATE INDEX runs_by_status ON runs (namespace, status, start_time, run_id);
CREATE INDEX runs_by_type ON runs (namespace, workflow_type, start_time, run_id);
CREATE INDEX runs_by_workflow_id ON runs (namespace, workflow_id, start_time, run_id);
