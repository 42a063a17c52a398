-- V010: an activity task whose workflow asked it to cancel while an attempt held it, and that
-- waits for that attempt's outcome (ActivityCancellationType.WAIT_CANCELLATION_COMPLETED). The
-- attempt learns of it from its heartbeats; the task is not retried once it is set.
ALTER TABLE activity_tasks ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
