package dev.weft.store.jdbc;

/**
 * Observes the writer's transactions at the moments that matter for durability. For fault injection
 * in crash tests (kill the process in the middle of a commit) and for instrumentation; production
 * code leaves it as {@link #NONE}.
 */
public interface TransactionHook {

  /** A hook that does nothing. */
  TransactionHook NONE = new TransactionHook() {};

  /** Called after a group's statements ran and before the database commit. */
  default void beforeCommit(int batches) {}

  /** Called after the database commit returned and before any caller learns of it. */
  default void afterCommit(int batches) {}
}
