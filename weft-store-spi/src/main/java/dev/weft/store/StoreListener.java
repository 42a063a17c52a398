package dev.weft.store;

import java.time.Instant;

/**
 * Receives what committed changes mean for waiting workers, so that they wake up on signals instead
 * of polling. Called after the transaction is durable, on a store thread: implementations must be
 * quick and must not block or call back into the store.
 *
 * <p>Notifications are hints: a woken worker may find nothing (another took it), and a store may
 * merge or repeat notifications. Workers still poll slowly as a safety net.
 */
public interface StoreListener {

  /**
   * Tasks of {@code kind} become claimable on {@code taskQueue} at {@code visibleAt} (now, or later
   * for a retry backoff).
   */
  default void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {}

  /** Something becomes due at {@code time}: a timer, a retry's visibility, a lease expiry. */
  default void dueAt(Instant time) {}

  /** The run closed (completed, failed, cancelled, terminated, ...). */
  default void runClosed(String runId) {}

  /**
   * Flow-control settings changed (a pause, a resume, a limit): workers that keep a copy of {@link
   * Store#flowControl()} read it again.
   */
  default void flowControlChanged() {}

  /**
   * Notifications may have been lost (the store's link to other nodes was down for a while):
   * whoever waits for one looks at the store again now instead of at its next safety poll.
   */
  default void notificationsMissed() {}
}
