package dev.weft.store.jdbc;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a lost database once per outage, not once per failed statement or connection: the first
 * connection that fails logs a warning with the cause, the others that fail while the outage lasts
 * (or within {@link #SAME_OUTAGE} after it ended: the writer, the readers and the listener notice a
 * restart at different moments) log nothing, and the first one back logs how long it lasted. Shared
 * by the writer, the readers and the listener of one store.
 */
final class Outage {
  private static final Logger log = LoggerFactory.getLogger(Outage.class);
  static final Duration SAME_OUTAGE = Duration.ofSeconds(30);

  private final String store;
  private final ReentrantLock lock = new ReentrantLock();
  private long since;
  private boolean announced;
  private long lastRestored = System.nanoTime() - SAME_OUTAGE.toNanos() - 1;

  /**
   * @param store how logs name the store (a URL without its password)
   */
  Outage(String store) {
    this.store = store;
  }

  /** A connection was lost; logs if this starts an outage. */
  void lost(String who, Throwable cause) {
    lock.lock();
    try {
      if (since != 0) {
        return;
      }
      long now = System.nanoTime();
      since = now;
      announced = now - lastRestored > SAME_OUTAGE.toNanos();
      if (announced) {
        log.warn(
            "lost the connection to {} ({}): {}; reconnecting with backoff",
            store,
            who,
            String.valueOf(cause.getMessage()).strip());
      }
    } finally {
      lock.unlock();
    }
  }

  /** A connection works again; logs if this ends an announced outage. */
  void restored(String who) {
    lock.lock();
    try {
      if (since == 0) {
        return;
      }
      long now = System.nanoTime();
      if (announced) {
        log.info(
            "reconnected to {} ({}) after {} ms",
            store,
            who,
            Duration.ofNanos(now - since).toMillis());
      }
      since = 0;
      lastRestored = now;
    } finally {
      lock.unlock();
    }
  }
}
