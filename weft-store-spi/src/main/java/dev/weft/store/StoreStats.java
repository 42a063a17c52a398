package dev.weft.store;

/**
 * Row counts of a store's tables: for metrics, operators, and tests that check a refused request
 * changed nothing.
 */
public record StoreStats(
    long runs,
    long historyEvents,
    long inboxEvents,
    long workflowTasks,
    long activityTasks,
    long timers) {}
