-- V008: fairness passes are kept in the memory of the one process that owns the store, loaded
-- from the queued tasks the first time it touches a queue's priority level. The counter tables
-- are no longer written (queue_levels never was: the anti-starvation counts live in memory).

DROP TABLE queue_vtime;
DROP TABLE fairness_passes;
DROP TABLE queue_levels;
