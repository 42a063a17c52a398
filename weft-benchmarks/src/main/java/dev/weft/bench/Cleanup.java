package dev.weft.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a benchmark run must undo whatever happens: child processes, the PostgreSQL server, the
 * temporary directory. Closed in reverse order of registration at the end of the run, or by a
 * shutdown hook if the JVM is stopped first (Ctrl-C, SIGTERM), so that no child process or server
 * outlives the bench. A resource that fails to close is logged; the others are still closed.
 *
 * <p>Thread-safe: the hook and the run's own {@link #close()} may race; each resource is closed
 * once.
 */
final class Cleanup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Thread hook = new Thread(this::closeAll, "weft-bench-cleanup");

  Cleanup() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Registers a resource to close at the end of the run; returns it. */
  <T extends AutoCloseable> T add(T resource) {
    lock.lock();
    try {
      resources.push(resource);
      return resource;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private void closeAll() {
    lock.lock();
    try {
      while (!resources.isEmpty()) {
        AutoCloseable resource = resources.pop();
        try {
          resource.close();
        } catch (Exception e) {
          log.warn("could not clean up {}: {}", resource, e.toString());
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
