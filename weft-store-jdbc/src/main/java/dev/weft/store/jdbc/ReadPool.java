package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read connections, lent one at a time. A borrower blocks while all are in use
 * (virtual threads park cheaply), so the number of concurrent reads is bounded by the pool size.
 */
final class ReadPool implements AutoCloseable {

  /** A read against one connection. */
  @FunctionalInterface
  interface ReadWork<T> {
    T run(Statements statements) throws SQLException;
  }

  private final BlockingQueue<Statements> idle;
  private final List<Statements> all;

  ReadPool(List<Statements> connections) {
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
    try {
      return work.run(st);
    } catch (SQLException e) {
      throw new StoreException("read failed: " + what + ": " + e.getMessage(), e);
    } finally {
      idle.add(st);
    }
  }

  @Override
  public void close() {
    for (Statements st : all) {
      st.close();
    }
  }
}
