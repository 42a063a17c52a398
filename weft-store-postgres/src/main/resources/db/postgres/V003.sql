-- V003: fairness passes are kept in each node's memory, not in shared counter rows. queue_vtime
-- and fairness_passes were written by every transaction that queued or claimed a task, so the
-- writers of all nodes waited for (and deadlocked on) the same few rows. A node loads a priority
-- level's figures from the waiting tasks the first time it touches the level. queue_levels was
-- never used: the anti-starvation counts live in each node.

DROP TABLE queue_vtime;
DROP TABLE fairness_passes;
DROP TABLE queue_levels;
