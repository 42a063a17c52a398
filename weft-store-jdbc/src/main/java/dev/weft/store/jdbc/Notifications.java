package dev.weft.store.jdbc;

import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one transaction's writes mean for waiting workers, collected while the writes run and
 * delivered to the listeners only after the commit is durable (and dropped if it is rolled back).
 */
final class Notifications {
  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final List<Consumer<StoreListener>> events = new ArrayList<>(4);

  /** Actions of store extensions to run after the commit; created on first use. */
  private List<Runnable> afterCommit;

  void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
    events.add(l -> l.tasksReady(kind, taskQueue, visibleAt));
  }

  void dueAt(Instant time) {
    events.add(l -> l.dueAt(time));
  }

  void runClosed(String runId) {
    events.add(l -> l.runClosed(runId));
  }

  void flowControlChanged() {
    events.add(StoreListener::flowControlChanged);
  }

  /** Queues an action to run after the commit ({@link WriteContext#afterCommit}). */
  void afterCommit(Runnable action) {
    if (afterCommit == null) {
      afterCommit = new ArrayList<>(2);
    }
    afterCommit.add(action);
  }

  /** Runs the queued after-commit actions; only once the transaction is durable. */
  void runAfterCommit() {
    if (afterCommit == null) {
      return;
    }
    for (Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn("after-commit action {} of a store extension failed; continuing", action, e);
      }
    }
  }

  /** Whether no listener notification was collected (after-commit actions do not count). */
  boolean isEmpty() {
    return events.isEmpty();
  }

  void deliver(List<StoreListener> listeners) {
    for (Consumer<StoreListener> event : events) {
      for (StoreListener listener : listeners) {
        try {
          event.accept(listener);
        } catch (RuntimeException e) {
          log.warn("store listener {} failed; continuing", listener, e);
        }
      }
    }
  }
}
