package dev.weft.store.jdbc;

import dev.weft.store.CommitResult;
import dev.weft.store.StoreException;
import dev.weft.store.StoreListener;
import dev.weft.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a store: one thread, one connection, and group commit.
 *
 * <p>Callers submit units of work; the writer takes every unit waiting in its queue (up to a
 * maximum), runs them in one transaction, and commits once. A unit whose condition fails or whose
 * statement fails is rolled back alone; the others commit. (The group first runs with no
 * savepoints; only when a unit does not apply is the transaction rolled back and the group run
 * again with each unit in its own savepoint, so the common case spends no statements on
 * savepoints.) So N concurrent steps share one fsync, and no caller hears of success before the
 * commit that carries its writes returned.
 *
 * <p>A unit that failed only because of a concurrent transaction (a deadlock between two processes
 * sharing the database) runs again in a later group, a few times. When the connection is lost (and
 * the store can reconnect), the writer reconnects with backoff while new work waits in the queue: a
 * group that was still running its statements is rolled back by the database and runs again on the
 * new connection; a group whose commit was in flight fails with {@link StoreUnavailableException}
 * (outcome unknown), since running it again could apply it twice.
 *
 * <p>Invariant: a future completes only after the transaction holding its work is committed (or
 * with a failure after it was rolled back); notifications are delivered after the commit, never for
 * rolled-back work.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_TRANSIENT_RETRIES = 5;

  /**
   * How long the writer keeps one savepoint per job after a group that ran without them had to be
   * rolled back and run again: where jobs conflict often (several nodes moving the same runs), a
   * group of dozens redone from the start costs more than the savepoints.
   */
  static final Duration SAVEPOINT_SPELL = Duration.ofSeconds(2);

  private final Dialect dialect;
  private final ConnectionSource reconnect;
  private final Outage outage;
  private final CommitPublisher publisher;
  private final int maxGroup;
  private final TransactionHook hook;
  private final List<StoreListener> listeners;
  private final CommitObservers observers;
  private final BlockingDeque<Job<?>> queue = new LinkedBlockingDeque<>();
  private final Thread thread;
  private Statements statements;
  private volatile boolean closing;

  /** Until when ({@link System#nanoTime()}) groups run with savepoints; see SAVEPOINT_SPELL. */
  private long savepointsUntil = System.nanoTime();

  /** When ({@link System#nanoTime()}) the group being run started, for the commit observers. */
  private long groupStarted;

  /**
   * @param reconnect opens a new connection after the current one is lost; null if the store never
   *     loses its connection (an embedded file)
   * @param publisher tells other processes of committed changes; null if none share the database
   */
  GroupCommitWriter(
      Dialect dialect,
      Statements statements,
      ConnectionSource reconnect,
      Outage outage,
      CommitPublisher publisher,
      int maxGroup,
      TransactionHook hook,
      List<StoreListener> listeners,
      CommitObservers observers,
      String name) {
    this.dialect = dialect;
    this.statements = statements;
    this.reconnect = reconnect;
    this.outage = outage;
    this.publisher = publisher;
    this.maxGroup = maxGroup;
    this.hook = hook;
    this.listeners = listeners;
    this.observers = observers;
    this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
  }

  void start() throws SQLException {
    statements.connection().setAutoCommit(false);
    dialect.prepareWriterSession(statements.connection());
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

  private void runGroup(List<Job<?>> group) throws InterruptedException {
    groupStarted = observers.any() ? System.nanoTime() : 0;
    for (Job<?> job : group) {
      job.reset();
    }
    if (group.size() > 1 && System.nanoTime() - savepointsUntil < 0) {
      runWithSavepoints(group);
      return;
    }
    Job<?> failed = runBare(group);
    if (failed == null) {
      commit(group, group, List.of());
      return;
    }
    rollbackQuietly();
    if (failed.sqlFailure != null
        && reconnect != null
        && (dialect.isConnectionLost(failed.sqlFailure) || !connectionAlive())) {
      requeueAndReconnect(group, failed.sqlFailure);
      return;
    }
    if (group.size() == 1) {
      // the transaction held this job alone: rolling it back was its savepoint
      boolean retry =
          failed.sqlFailure != null
              && dialect.isTransient(failed.sqlFailure)
              && failed.attempts < MAX_TRANSIENT_RETRIES;
      if (retry) {
        queue.addFirst(failed);
      } else {
        failed.complete();
      }
      return;
    }
    for (Job<?> job : group) {
      job.forget();
    }
    savepointsUntil = System.nanoTime() + SAVEPOINT_SPELL.toNanos();
    runWithSavepoints(group);
  }

  /**
   * Runs every job of the group with no savepoint, stopping at the first that does not apply; the
   * common case, since a job rarely conflicts or fails. Returns that job, or null if all applied.
   * Two statements fewer per job than {@link #runWithSavepoints}, which runs the group again when
   * one job must be rolled back alone. Where the database pipelines batches, the jobs' updates that
   * only need their row count checked run together at the end ({@link Statements#flush()}): a group
   * of steps then costs a round trip per kind of update rather than one per update.
   */
  private Job<?> runBare(List<Job<?>> group) {
    // deferred updates fail the group, not the job that made them: only where a failed group runs
    // again with savepoints (more than one job), and where batches save round trips
    boolean defer = group.size() > 1 && dialect.pipelinesBatches();
    statements.deferring(defer);
    try {
      for (Job<?> job : group) {
        if (!job.runBare(statements)) {
          return job;
        }
      }
      if (defer) {
        try {
          statements.flush();
        } catch (SQLException e) {
          Job<?> last = group.get(group.size() - 1);
          last.sqlFailure = e;
          last.failure = new StoreException(e.getMessage(), e);
          return last;
        }
      }
      return null;
    } finally {
      statements.discardDeferred();
      statements.deferring(false);
    }
  }

  private void requeueAndReconnect(List<Job<?>> group, SQLException cause)
      throws InterruptedException {
    // the database rolled the transaction back with the connection: run the whole group again
    for (int i = group.size() - 1; i >= 0; i--) {
      queue.addFirst(group.get(i));
    }
    reconnect(cause);
  }

  private void runWithSavepoints(List<Job<?>> group) throws InterruptedException {
    List<Job<?>> applied = new ArrayList<>(group.size());
    List<Job<?>> again = new ArrayList<>();
    SQLException connectionFailure = null;
    for (Job<?> job : group) {
      if (job.runIn(statements)) {
        applied.add(job);
      } else if (job.sqlFailure != null) {
        if (dialect.isConnectionLost(job.sqlFailure) || !connectionAlive()) {
          connectionFailure = job.sqlFailure;
          break;
        }
        if (dialect.isTransient(job.sqlFailure) && job.attempts < MAX_TRANSIENT_RETRIES) {
          again.add(job);
        }
      }
    }
    if (connectionFailure != null && reconnect != null) {
      requeueAndReconnect(group, connectionFailure);
      return;
    }
    commit(group, applied, again);
  }

  /**
   * Commits the group's transaction, then delivers the notifications of the jobs that applied and
   * completes every job (those in {@code again} go back to the queue instead).
   */
  private void commit(List<Job<?>> group, List<Job<?>> applied, List<Job<?>> again)
      throws InterruptedException {
    try {
      publish(applied);
      hook.beforeCommit(group.size());
      statements.connection().commit();
      hook.afterCommit(group.size());
      if (groupStarted != 0) {
        observers.committed(group.size(), System.nanoTime() - groupStarted);
      }
    } catch (SQLException e) {
      rollbackQuietly();
      if (reconnect != null && (dialect.isConnectionLost(e) || !connectionAlive())) {
        StoreException failure =
            new StoreUnavailableException(
                "the database connection was lost while "
                    + group.size()
                    + " batches were committing; they may or may not have been applied",
                true,
                e);
        group.forEach(job -> job.future.completeExceptionally(failure));
        reconnect(e);
        return;
      }
      StoreException failure =
          new StoreException("commit of " + group.size() + " batches failed", e);
      for (Job<?> job : group) {
        job.future.completeExceptionally(failure);
      }
      return;
    }
    for (Job<?> job : applied) {
      job.notifications.deliver(listeners);
      job.notifications.runAfterCommit();
    }
    for (Job<?> job : group) {
      if (again.contains(job)) {
        queue.addFirst(job);
      } else {
        job.complete();
      }
    }
  }

  private void publish(List<Job<?>> applied) throws SQLException {
    if (publisher == null || applied.stream().allMatch(j -> j.notifications.isEmpty())) {
      return;
    }
    publisher.publish(
        statements.connection(),
        listener -> {
          for (Job<?> job : applied) {
            job.notifications.deliver(List.of(listener));
          }
        });
  }

  private boolean connectionAlive() {
    try {
      return statements.connection().isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Replaces the lost connection, retrying with backoff until it works or the store closes. */
  private void reconnect(SQLException cause) throws InterruptedException {
    outage.lost("writer", cause);
    statements.close();
    for (int attempt = 1; !closing; attempt++) {
      Thread.sleep(ConnectionSource.backoffMillis(attempt));
      try {
        Connection c = reconnect.open();
        try {
          c.setAutoCommit(false);
          dialect.prepareWriterSession(c);
        } catch (SQLException e) {
          c.close();
          throw e;
        }
        statements = new Statements(c);
        outage.restored("writer");
        return;
      } catch (SQLException e) {
        log.debug("reconnect attempt {} failed: {}", attempt, e.getMessage());
      }
    }
    // closing: fail what waits
    Job<?> job;
    while ((job = queue.poll()) != null) {
      if (job != Job.POISON) {
        job.future.completeExceptionally(
            new StoreUnavailableException(
                "store closed while the database was away", false, cause));
      } else {
        queue.addFirst(job);
        return;
      }
    }
  }

  private void rollbackQuietly() {
    try {
      statements.connection().rollback();
    } catch (SQLException e) {
      log.debug("rollback failed", e);
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
    Notifications notifications = new Notifications();
    T result;
    Throwable failure;
    SQLException sqlFailure;
    int attempts;

    Job(TxWork<T> work, Function<CommitResult.Conflict, T> onConflict) {
      this.work = work;
      this.onConflict = onConflict;
    }

    /** Forgets the outcome of an earlier run of this job (it runs again). */
    void reset() {
      if (attempts++ > 0) {
        notifications = new Notifications();
        result = null;
        failure = null;
        sqlFailure = null;
      }
    }

    /** Forgets what a run that was rolled back with its whole group produced. */
    void forget() {
      notifications = new Notifications();
      result = null;
      failure = null;
      sqlFailure = null;
    }

    /**
     * Runs the work with no savepoint of its own; returns whether it applied. When it did not, the
     * transaction must be rolled back: its writes may be in it.
     */
    boolean runBare(Statements statements) {
      try {
        result = work.run(statements, notifications);
        return true;
      } catch (ConflictException e) {
        result = onConflict.apply(e.conflict());
        return false;
      } catch (SQLException e) {
        sqlFailure = e;
        failure = new StoreException(e.getMessage(), e);
        return false;
      } catch (RuntimeException e) {
        failure = e instanceof StoreException ? e : new StoreException(e.getMessage(), e);
        return false;
      }
    }

    /** Runs the work in a savepoint; returns whether its writes stay in the transaction. */
    boolean runIn(Statements statements) {
      try {
        statements.prepare("SAVEPOINT job").execute();
      } catch (SQLException e) {
        sqlFailure = e;
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
      } catch (SQLException e) {
        sqlFailure = e;
        rollbackToSavepoint(statements);
        failure = new StoreException(e.getMessage(), e);
        return false;
      } catch (RuntimeException e) {
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
        if (sqlFailure == null) {
          sqlFailure = e;
        }
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
