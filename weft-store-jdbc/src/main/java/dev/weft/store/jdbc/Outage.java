package dev.weft.store.jdbc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a lost database once per outage, not once per failed statement: the first connection that
 * fails logs a warning with the cause, the ones that fail while the outage lasts log nothing, and
 * the first one back logs how long it lasted. Shared by the writer, the readers and the listener of
 * one store.
 */
final class Outage {
  private static final Logger log = LoggerFactory.getLogger(Outage.class);

  private final String store;
  private final AtomicLong since = new AtomicLong();

  /**
   * @param store how logs name the store (a URL without its password)
   */
  Outage(String store) {
    this.store = store;
  }

  /** A connection was lost; logs if this starts an outage. */
  void lost(String who, Throwable cause) {
    long now = System.nanoTime();
    if (since.compareAndSet(0, now == 0 ? 1 : now)) {
      log.warn(
          "lost the connection to {} ({}): {}; reconnecting with backoff",
          store,
          who,
          String.valueOf(cause.getMessage()).strip());
    }
  }

  /** A connection works again; logs if this ends an outage. */
  void restored(String who) {
    long start = since.getAndSet(0);
    if (start != 0) {
      log.info(
          "reconnected to {} ({}) after {} ms",
          store,
          who,
          Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
  }

  /** Returns whether an outage is going on. */
  boolean ongoing() {
    return since.get() != 0;
  }
}
