package dev.weft.store.jdbc;

import dev.weft.store.CommitResult;
import dev.weft.store.StoreException;
import dev.weft.store.StoreListener;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a store: one thread, one connection, and group commit.
 *
 * <p>Callers submit units of work; the writer takes every unit waiting in its queue (up to a
 * maximum), runs each inside its own savepoint of one transaction, and commits once. A unit whose
 * condition fails or whose statement fails is rolled back to its savepoint alone; the others
 * commit. So N concurrent steps share one fsync, and no caller hears of success before the commit
 * that carries its writes returned.
 *
 * <p>Invariant: a future completes only after the transaction holding its work is committed (or
 * with a failure after it was rolled back); notifications are delivered after the commit, never for
 * rolled-back work.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private final Statements statements;
  private final int maxGroup;
  private final TransactionHook hook;
  private final List<StoreListener> listeners;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;

  GroupCommitWriter(
      Statements statements,
      int maxGroup,
      TransactionHook hook,
      List<StoreListener> listeners,
      String name) {
    this.statements = statements;
    this.maxGroup = maxGroup;
    this.hook = hook;
    this.listeners = listeners;
    this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
  }

  void start() throws SQLException {
    statements.connection().setAutoCommit(false);
    thread.start();
  }

  /** Submits work that cannot conflict. */
  <T> CompletableFuture<T> submit(TxWork<T> work) {
    return submit(
        work,
        conflict -> {
          throw new IllegalStateException("unexpected conflict: " + conflict.reason());
        });
  }

  /** Submits work; a {@link ConflictException} it throws completes the future via onConflict. */
  <T> CompletableFuture<T> submit(TxWork<T> work, Function<CommitResult.Conflict, T> onConflict) {
    Job<T> job = new Job<>(work, onConflict);
    if (closing) {
      job.future.completeExceptionally(new StoreException("store is closed"));
      return job.future;
    }
    queue.add(job);
    return job.future;
  }

  private void loop() {
    List<Job<?>> group = new ArrayList<>(maxGroup);
    while (true) {
      try {
        Job<?> first = queue.take();
        if (first == Job.POISON) {
          return;
        }
        group.add(first);
        queue.drainTo(group, maxGroup - 1);
        boolean stop = group.remove(Job.POISON);
        runGroup(group);
        group.clear();
        if (stop) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        log.error("store writer failed; failing {} waiting commits and going on", group.size(), e);
        for (Job<?> job : group) {
          job.future.completeExceptionally(new StoreException("store writer failed", e));
        }
        group.clear();
      }
    }
  }

  private void runGroup(List<Job<?>> group) {
    List<Job<?>> applied = new ArrayList<>(group.size());
    for (Job<?> job : group) {
      if (job.runIn(statements)) {
        applied.add(job);
      }
    }
    try {
      hook.beforeCommit(group.size());
      statements.connection().commit();
      hook.afterCommit(group.size());
    } catch (SQLException e) {
      rollbackQuietly();
      StoreException failure =
          new StoreException("commit of " + group.size() + " batches failed", e);
      for (Job<?> job : group) {
        job.future.completeExceptionally(failure);
      }
      return;
    }
    for (Job<?> job : applied) {
      job.notifications.deliver(listeners);
    }
    for (Job<?> job : group) {
      job.complete();
    }
  }

  private void rollbackQuietly() {
    try {
      statements.connection().rollback();
    } catch (SQLException e) {
      log.warn("rollback failed", e);
    }
  }

  /** Stops taking work, finishes what is queued, and closes the connection. */
  @Override
  public void close() {
    closing = true;
    queue.add(Job.POISON);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Job<?> job : queue) {
      job.future.completeExceptionally(new StoreException("store is closed"));
    }
    statements.close();
  }

  /** One submitted unit of work and its outcome. */
  private static final class Job<T> {
    static final Job<Object> POISON = new Job<>(null, null);

    final TxWork<T> work;
    final Function<CommitResult.Conflict, T> onConflict;
    final CompletableFuture<T> future = new CompletableFuture<>();
    final Notifications notifications = new Notifications();
    T result;
    Throwable failure;

    Job(TxWork<T> work, Function<CommitResult.Conflict, T> onConflict) {
      this.work = work;
      this.onConflict = onConflict;
    }

    /** Runs the work in a savepoint; returns whether its writes stay in the transaction. */
    boolean runIn(Statements statements) {
      try {
        statements.prepare("SAVEPOINT job").execute();
      } catch (SQLException e) {
        failure = new StoreException("could not open a savepoint", e);
        return false;
      }
      try {
        result = work.run(statements, notifications);
        statements.prepare("RELEASE job").execute();
        return true;
      } catch (ConflictException e) {
        rollbackToSavepoint(statements);
        result = onConflict.apply(e.conflict());
        return false;
      } catch (SQLException | RuntimeException e) {
        rollbackToSavepoint(statements);
        failure = e instanceof StoreException ? e : new StoreException(e.getMessage(), e);
        return false;
      }
    }

    private void rollbackToSavepoint(Statements statements) {
      try {
        statements.prepare("ROLLBACK TO job").execute();
        statements.prepare("RELEASE job").execute();
      } catch (SQLException e) {
        failure = new StoreException("rollback to savepoint failed", e);
      }
    }

    void complete() {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else {
        future.complete(result);
      }
    }
  }
}
