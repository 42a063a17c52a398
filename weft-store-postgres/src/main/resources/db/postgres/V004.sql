-- V004: a run's lock and its inbox check in one call, for writes the writer defers to the end of
-- its group (completing a workflow task, closing a run). The function locks the run's row, then
-- reads the inbox with a snapshot taken after the lock (a VOLATILE function's queries each take a
-- fresh one under READ COMMITTED), as the two separate statements did: an event committed by a
-- concurrent signal is either seen here or finds the workflow task still to come.
CREATE FUNCTION weft_lock_run_inbox_after(p_run_id TEXT, p_after BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM runs WHERE run_id = p_run_id FOR UPDATE;
  RETURN EXISTS (SELECT 1 FROM inbox WHERE run_id = p_run_id AND inbox_id > p_after);
END
$$;
