package dev.weft.store;

import java.time.Instant;

/**
 * The tasks of one kind on one task queue that are ready to be claimed and not claimed yet: a
 * queue's backlog, as {@link Store#taskBacklog} reads it.
 *
 * @param taskQueue the queue
 * @param kind workflow or activity tasks
 * @param tasks how many are ready (visible now) and unleased; at least 1
 * @param oldestVisibleAt since when the oldest of them has been claimable
 */
public record QueueBacklog(String taskQueue, TaskKind kind, long tasks, Instant oldestVisibleAt) {}
