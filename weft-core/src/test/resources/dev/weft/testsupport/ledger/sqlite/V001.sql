-- test-ledger V001: the engine tests' probe extension (LedgerExtension). An entry is unique: a
-- second write of the same entry fails on the primary key, the constraint the tests break on
-- purpose. task_rows and inbox_rows are what the write saw of its run inside its transaction.

CREATE TABLE test_ledger (
  entry      TEXT    NOT NULL PRIMARY KEY,
  run_id     TEXT    NOT NULL,
  val        TEXT    NOT NULL,
  task_rows  INTEGER NOT NULL,
  inbox_rows INTEGER NOT NULL
);
