package dev.weft.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a run's coroutines deterministically: one at a time, in creation order, pass after pass,
 * until a whole pass finds none that can make progress.
 *
 * <p>Invariant: at most one of {the scheduler's thread, one coroutine} runs at any moment. The
 * scheduler releases a coroutine's permit and then waits on its own; the coroutine releases the
 * scheduler's permit when it parks in {@link #yieldUntil} or ends. Because the order of resumption
 * depends only on creation order and on the state the coroutines themselves built, two replays of
 * the same history make the same calls in the same order.
 */
final class CoroutineScheduler {
  private static final Logger log = LoggerFactory.getLogger(CoroutineScheduler.class);

  private final WorkflowRunner runner;
  private final Duration deadlockTimeout;
  private final List<Coroutine> coroutines = new ArrayList<>();
  private final Semaphore schedulerPermit = new Semaphore(0);
  private volatile boolean destroying;
  private int created;

  CoroutineScheduler(WorkflowRunner runner, Duration deadlockTimeout) {
    this.runner = runner;
    this.deadlockTimeout = deadlockTimeout;
  }

  /** Adds a coroutine; it first runs in the current or next pass. */
  Coroutine spawn(String name, ScopeNode scope, Runnable body) {
    Coroutine c = new Coroutine(name + "#" + (++created), scope, body);
    coroutines.add(c);
    return c;
  }

  /**
   * Runs passes until no coroutine can make progress or {@code stop} says so.
   *
   * @throws PotentialDeadlockException if a coroutine does not yield in time
   */
  void runUntilBlocked(BooleanSupplier stop) {
    boolean progress = true;
    while (progress && !stop.getAsBoolean()) {
      progress = false;
      for (int i = 0; i < coroutines.size() && !stop.getAsBoolean(); i++) {
        Coroutine c = coroutines.get(i);
        if (c.isRunnable()) {
          resume(c);
          progress = true;
        }
      }
      coroutines.removeIf(c -> c.done);
    }
  }

  private void resume(Coroutine c) {
    if (!c.started) {
      c.started = true;
      c.thread = Thread.ofVirtual().name("weft-wf-" + c.name).unstarted(() -> main(c));
      c.thread.start();
    }
    c.permit.release();
    boolean yielded;
    try {
      yielded = schedulerPermit.tryAcquire(deadlockTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running workflow code", e);
    }
    if (!yielded) {
      throw new PotentialDeadlockException(
          c.name, deadlockTimeout.toMillis(), c.thread.getStackTrace());
    }
  }

  private void main(Coroutine c) {
    c.permit.acquireUninterruptibly();
    WorkflowThreadContext.enter(runner, c, false);
    try {
      if (!destroying) {
        c.body.run();
      }
    } catch (DestroyWorkflowThreadError e) {
      // unwound on purpose
    } catch (ContinueAsNewRequest request) {
      runner.continuedAsNew(request);
    } catch (Throwable t) {
      runner.abortTask(t);
    } finally {
      c.done = true;
      WorkflowThreadContext.exit();
      schedulerPermit.release();
    }
  }

  /**
   * Parks the calling coroutine until {@code condition} holds. Called on a coroutine's thread.
   *
   * @throws DestroyWorkflowThreadError if the run is destroyed while parked
   */
  void yieldUntil(Coroutine self, BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      self.blockedOn = condition;
      schedulerPermit.release();
      self.permit.acquireUninterruptibly();
      if (destroying) {
        throw DestroyWorkflowThreadError.INSTANCE;
      }
    }
    self.blockedOn = null;
  }

  /**
   * Returns where each live coroutine is blocked (the {@code __stack_trace} query's answer). Call
   * only between passes, while no coroutine runs.
   */
  String stackTrace() {
    return WorkflowStacks.describe(coroutines);
  }

  /** Returns whether the scheduler is unwinding its coroutines. */
  boolean isDestroying() {
    return destroying;
  }

  /**
   * Unwinds every started coroutine: each parked one wakes with {@link DestroyWorkflowThreadError}.
   * A coroutine stuck outside Weft's primitives is interrupted and left behind.
   */
  void destroy() {
    destroying = true;
    for (Coroutine c : coroutines) {
      if (!c.started || c.done) {
        continue;
      }
      c.permit.release();
      boolean ended;
      try {
        ended = schedulerPermit.tryAcquire(deadlockTimeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (!ended) {
        log.warn("workflow thread {} did not unwind; interrupting it", c.name);
        c.thread.interrupt();
      }
    }
    coroutines.clear();
  }
}
