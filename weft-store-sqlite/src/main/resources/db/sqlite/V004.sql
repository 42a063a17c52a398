-- V004: retention. Closed runs are found oldest close first, per namespace, to be deleted
-- (findRunsClosedBefore). The index holds closed runs only (running runs have no close time and
-- would only fill it) and orders ties by run ID, so the query reads a range in order and stops at
-- its limit: no scan of the namespace, no sort. The retention query repeats the index's condition
-- word for word, which is how SQLite knows that a partial index applies.

CREATE INDEX runs_by_close ON runs (namespace, close_time, run_id) WHERE status <> 'RUNNING';
