package dev.weft.store.jdbc;

import dev.weft.store.StoreMetrics;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StoreMetrics} registered with a store, told of each writer transaction. Kept in an
 * array replaced on registration, so that telling them costs no allocation and no lock; with none
 * registered it costs one volatile read.
 */
final class CommitObservers {
  private static final Logger log = LoggerFactory.getLogger(CommitObservers.class);
  private volatile StoreMetrics[] observers = new StoreMetrics[0];

  synchronized void add(StoreMetrics metrics) {
    StoreMetrics[] more = Arrays.copyOf(observers, observers.length + 1);
    more[observers.length] = metrics;
    observers = more;
  }

  /** Whether any observer is registered (then the writer measures its transactions). */
  boolean any() {
    return observers.length > 0;
  }

  void committed(int units, long nanos) {
    StoreMetrics[] now = observers;
    for (StoreMetrics m : now) {
      try {
        m.committed(units, nanos);
      } catch (RuntimeException e) {
        log.warn("store metrics observer {} failed; continuing", m, e);
      }
    }
  }
}
