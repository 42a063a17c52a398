package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read connections, lent one at a time. A borrower blocks while all are in use
 * (virtual threads park cheaply), so the number of concurrent reads is bounded by the pool size.
 *
 * <p>When the database drops a connection and the store can reconnect, a read replaces its
 * connection and runs again, with backoff, for up to {@link #MAX_OUTAGE_MILLIS}; reads are safe to
 * repeat.
 */
final class ReadPool implements AutoCloseable {
  static final long MAX_OUTAGE_MILLIS = 60_000;

  /** A read against one connection. */
  @FunctionalInterface
  interface ReadWork<T> {
    T run(Statements statements) throws SQLException;
  }

  private final Dialect dialect;
  private final ConnectionSource reconnect;
  private final Outage outage;
  private final BlockingQueue<Statements> idle;
  private final List<Statements> all;

  /**
   * @param reconnect opens a replacement for a lost connection; null if connections are never lost
   */
  ReadPool(
      Dialect dialect, List<Statements> connections, ConnectionSource reconnect, Outage outage) {
    this.dialect = dialect;
    this.reconnect = reconnect;
    this.outage = outage;
    this.all = new ArrayList<>(connections);
    this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
  }

  <T> T read(String what, ReadWork<T> work) {
    Statements st;
    try {
      st = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a read connection (" + what + ")");
    }
    long deadline = System.currentTimeMillis() + MAX_OUTAGE_MILLIS;
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          T result = work.run(st);
          if (attempt > 1) {
            outage.restored("reader");
          }
          return result;
        } catch (SQLException e) {
          if (reconnect == null || !lost(st, e)) {
            throw new StoreException("read failed: " + what + ": " + e.getMessage(), e);
          }
          outage.lost("reader", e);
          if (System.currentTimeMillis() > deadline) {
            throw new StoreUnavailableException(
                "read failed: "
                    + what
                    + ": the database has been unreachable for "
                    + MAX_OUTAGE_MILLIS / 1000
                    + " s",
                false,
                e);
          }
          st = replace(st, attempt);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while reconnecting (" + what + ")");
    } finally {
      idle.add(st);
    }
  }

  /** This pool as store extensions see it: the same connections, the same retries. */
  JdbcReads forExtensions() {
    return new JdbcReads() {
      @Override
      public <T> T read(String what, JdbcReads.Query<T> query) {
        return ReadPool.this.read(what, query::run);
      }
    };
  }

  private boolean lost(Statements st, SQLException e) {
    if (dialect.isConnectionLost(e)) {
      return true;
    }
    try {
      return !st.connection().isValid(2);
    } catch (SQLException invalid) {
      return true;
    }
  }

  /** Closes a lost connection and opens its replacement (or keeps the old one to retry later). */
  private Statements replace(Statements lost, int attempt) throws InterruptedException {
    Thread.sleep(ConnectionSource.backoffMillis(attempt));
    try {
      Statements fresh = new Statements(reconnect.open());
      synchronized (all) {
        all.remove(lost);
        all.add(fresh);
      }
      lost.close();
      return fresh;
    } catch (SQLException e) {
      return lost;
    }
  }

  @Override
  public void close() {
    synchronized (all) {
      for (Statements st : all) {
        st.close();
      }
    }
  }
}
