-- V002: the history carries the run's cursor and size, so a step no longer rewrites its run's row.
-- Optimistic concurrency on appends comes from the history's primary key: event N can be
-- inserted once, and only after event N-1. Each event records the history's total size up to it.
-- (Rows of histories written before this version count 0 bytes.)

ALTER TABLE history ADD COLUMN total_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs DROP COLUMN next_event_id;
ALTER TABLE runs DROP COLUMN history_bytes;
