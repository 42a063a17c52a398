package dev.weft.internal.worker;

import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.StoreOutages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims tasks of one kind from one queue while the worker has free slots, and runs each on its own
 * virtual thread. Sleeps on a {@link Wakeup} (signalled when tasks are committed) with a slow
 * safety poll; never a busy loop.
 */
final class TaskPoller<T> {
  private static final Logger log = LoggerFactory.getLogger(TaskPoller.class);

  /** How soon a poller held back by resource limits looks again. */
  private static final Duration RESOURCE_RECHECK = Duration.ofMillis(100);

  private final String name;
  private final Semaphore slots;
  private final int maxBatch;
  private final IntFunction<List<T>> claim;
  private final Consumer<T> dispatch;
  private final Wakeup wakeup;
  private final IdleTracker tracker;
  private final Duration safetyPoll;
  private final BooleanSupplier mayClaim;
  private volatile boolean running = true;
  private Thread thread;

  TaskPoller(
      String name,
      Semaphore slots,
      int maxBatch,
      IntFunction<List<T>> claim,
      Consumer<T> dispatch,
      Wakeup wakeup,
      IdleTracker tracker,
      Duration safetyPoll,
      BooleanSupplier mayClaim) {
    this.name = name;
    this.slots = slots;
    this.maxBatch = maxBatch;
    this.claim = claim;
    this.dispatch = dispatch;
    this.wakeup = wakeup;
    this.tracker = tracker;
    this.safetyPoll = safetyPoll;
    this.mayClaim = mayClaim;
  }

  void start() {
    thread = Thread.ofVirtual().name(name).start(this::loop);
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  void awaitStopped(Duration timeout) throws InterruptedException {
    if (thread != null) {
      thread.join(timeout);
    }
  }

  private void loop() {
    boolean failing = false;
    // a consumed wake-up's unit of work, held until this pass has entered its own, so that the
    // engine never looks idle between a wake-up and the claim it causes
    boolean held = false;
    try {
      while (running) {
        if (!mayClaim.getAsBoolean()) {
          // above the worker's resource limits: leave the queue to others, look again shortly
          held = release(held);
          wakeup.await(RESOURCE_RECHECK.toNanos());
          continue;
        }
        slots.acquire();
        int drained = slots.drainPermits();
        int want = 1 + Math.min(drained, maxBatch - 1);
        slots.release(drained - (want - 1));
        tracker.enter();
        held = release(held);
        wakeup.clear();
        List<T> tasks;
        try {
          tasks = claim.apply(want);
          if (failing) {
            log.info("{}: claiming works again", name);
            failing = false;
          }
        } catch (RuntimeException e) {
          slots.release(want);
          tracker.exit();
          if (!failing && !StoreOutages.isOutage(e)) {
            log.warn("{}: claiming tasks failed; retrying every second until it works", name, e);
            failing = true;
          }
          wakeup.await(1, TimeUnit.SECONDS);
          continue;
        }
        slots.release(want - tasks.size());
        for (T task : tasks) {
          dispatch.accept(task);
        }
        tracker.exit();
        if (tasks.size() < want) {
          // the queue is drained: sleep until a commit signals new work (or the safety poll)
          held = wakeup.awaitAndHold(safetyPoll.toNanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      release(held);
    }
  }

  private boolean release(boolean held) {
    if (held) {
      tracker.exit();
    }
    return false;
  }
}
