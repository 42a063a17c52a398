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
