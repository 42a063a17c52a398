package dev.weft.internal.retention;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.NamespaceRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the runs of every namespace of the catalog that closed longer than their namespace's
 * retention ago, on one background virtual thread: a pass shortly after start, then one every sweep
 * interval of the engine's clock (a clock jump of the time-skipping test environment wakes it). A
 * pass deletes {@value #BATCH} runs per transaction until none is left, pausing between
 * transactions at least as long as the last one took, so that workflow steps always get the store's
 * single writer at least half the time. A pass reads the catalog, so a namespace created or a
 * retention changed since the last one counts. A failed pass is logged and retried at the next one.
 */
public final class RetentionSweeper {
  private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

  /** Runs deleted per transaction: small enough that a step waits milliseconds behind one. */
  static final int BATCH = 200;

  /** The first pass waits for this (or the interval, if shorter), so resumed work goes first. */
  private static final Duration FIRST_PASS_DELAY = Duration.ofSeconds(10);

  private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Store store;
  private final WeftClock clock;
  private final IdleTracker idle;
  private final Duration interval;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean clockAdvanced;
  private volatile boolean running = true;
  private Thread thread;

  /**
   * Creates a sweeper of the store's namespaces; {@link #start()} starts it.
   *
   * @param idle counts each pass as work in progress (a time-skipping clock waits for it)
   * @param interval how long after a pass the next one starts
   */
  public RetentionSweeper(Store store, WeftClock clock, IdleTracker idle, Duration interval) {
    this.store = store;
    this.clock = clock;
    this.idle = idle;
    this.interval = interval;
  }

  /** Starts the background thread. */
  public void start() {
    clock.addAdvanceListener(this::clockAdvanced);
    thread = Thread.ofVirtual().name("weft-retention").start(this::loop);
  }

  /**
   * Stops the sweeper: a pass in progress ends after its current transaction. Waits up to five
   * seconds for the thread to end.
   */
  public void stop() {
    running = false;
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void clockAdvanced() {
    lock.lock();
    try {
      clockAdvanced = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    Duration first = interval.compareTo(FIRST_PASS_DELAY) < 0 ? interval : FIRST_PASS_DELAY;
    Instant next = clock.now().plus(first);
    try {
      while (awaitClock(next)) {
        // the next pass is due an interval after this one started: a clock that moved on during
        // the pass (skipped time) makes it due at once, never later than the interval
        Instant started = clock.now();
        pass(started);
        next = started.plus(interval);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sweeps each namespace of the catalog in turn. */
  private void pass(Instant now) throws InterruptedException {
    List<NamespaceRecord> namespaces;
    try {
      namespaces = store.listNamespaces();
    } catch (RuntimeException e) {
      log.warn("retention could not read the namespaces; retrying at the next pass", e);
      return;
    }
    for (NamespaceRecord namespace : namespaces) {
      if (!running) {
        return;
      }
      sweep(namespace.name(), namespace.retention(), now);
    }
  }

  /** Deletes every run of a namespace closed before now minus its retention, a batch per commit. */
  private void sweep(String namespace, Duration retention, Instant now)
      throws InterruptedException {
    Instant cutoff = now.minus(retention);
    int deleted = 0;
    int transactions = 0;
    try {
      while (running) {
        long started = System.nanoTime();
        List<String> runIds;
        idle.enter();
        try {
          runIds = store.findRunsClosedBefore(namespace, cutoff, BATCH);
          if (!runIds.isEmpty()) {
            deleted += delete(runIds);
            transactions++;
          }
        } finally {
          idle.exit();
        }
        if (runIds.size() < BATCH) {
          break;
        }
        pause(Math.max(MIN_PAUSE_NANOS, System.nanoTime() - started));
      }
    } catch (RuntimeException e) {
      log.warn(
          "retention of namespace '{}' failed after deleting {} run(s); retrying at the next pass",
          namespace,
          deleted,
          e);
      return;
    }
    if (deleted > 0) {
      log.info(
          "retention deleted {} run(s) of namespace '{}' closed before {} (retention {}) in {}"
              + " transaction(s)",
          deleted,
          namespace,
          cutoff,
          retention,
          transactions);
    } else {
      log.debug("retention found no run of namespace '{}' closed before {}", namespace, cutoff);
    }
  }

  /**
   * Deletes runs in one transaction and returns how many. A run that conflicts (running: it cannot
   * be, as only closed runs were found, but the store decides) is left out and the rest committed.
   */
  private int delete(List<String> runIds) {
    List<String> left = new ArrayList<>(runIds);
    while (!left.isEmpty()) {
      List<Write> writes = new ArrayList<>(left.size());
      for (String runId : left) {
        writes.add(new Write.DeleteRun(runId));
      }
      CommitResult result = store.commit(new Batch(writes)).join();
      if (!(result instanceof CommitResult.Conflict conflict)) {
        return left.size();
      }
      log.warn("retention keeps run {}: {}", conflict.write().runId(), conflict.reason());
      left.remove(conflict.write().runId());
    }
    return 0;
  }

  /** Waits until the clock reaches {@code target}; returns false if stopped first. */
  private boolean awaitClock(Instant target) throws InterruptedException {
    while (running) {
      if (!clock.now().isBefore(target)) {
        return true;
      }
      long nanos = Math.max(MIN_WAIT_NANOS, clock.realDelayUntil(target).toNanos());
      lock.lock();
      try {
        if (!clockAdvanced && running) {
          changed.awaitNanos(nanos);
        }
        clockAdvanced = false;
      } finally {
        lock.unlock();
      }
    }
    return false;
  }

  /** Waits {@code nanos} of real time, or until stopped. */
  private void pause(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (running && left > 0) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
