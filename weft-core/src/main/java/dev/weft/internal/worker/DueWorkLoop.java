package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.failure.TimeoutType;
import dev.weft.internal.activity.ActivityOutcomes;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.StoreOutages;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Store;
import dev.weft.store.TimerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's clock-driven work, on one background thread: fires due timers, times out activity
 * attempts whose lease or deadline ran out, and wakes the pollers when a task's visibility time (a
 * retry backoff) arrives. It sleeps until the store's next due time, woken early when a commit
 * schedules something sooner; a background failure is logged and the loop goes on.
 */
public final class DueWorkLoop {
  private static final Logger log = LoggerFactory.getLogger(DueWorkLoop.class);
  private static final int BATCH = 256;

  private final Store store;
  private final WeftClock clock;
  private final IdleTracker idle;
  private final Duration safetyPoll;
  private final Wakeup wakeup;
  private final DueTimers timers;
  private final ActivityOutcomes outcomes;
  private final Runnable wakePollers;
  private final AtomicReference<Instant> earliestHint = new AtomicReference<>();

  /**
   * When the loop plans to wake up; {@link Instant#MIN} while it works (it reads the store's next
   * due time after its work, so hints that arrive meanwhile need no wake-up). Only a hint earlier
   * than the plan wakes it: every activity lease is a hint, and most are minutes away.
   */
  private volatile Instant plannedWake = Instant.MIN;

  private volatile boolean running = true;
  private Thread thread;

  /**
   * @param safetyPoll how long the loop sleeps at most without a hint (in case one was lost)
   * @param wakePollers wakes every poller after a pass (tasks whose visibility time came)
   */
  public DueWorkLoop(
      Store store,
      WeftClock clock,
      IdleTracker idle,
      Duration safetyPoll,
      DueTimers timers,
      ActivityOutcomes outcomes,
      Runnable wakePollers) {
    this.store = store;
    this.clock = clock;
    this.idle = idle;
    this.safetyPoll = safetyPoll;
    this.wakeup = new Wakeup(idle);
    this.timers = timers;
    this.outcomes = outcomes;
    this.wakePollers = wakePollers;
  }

  void start() {
    thread = Thread.ofVirtual().name("weft-due-work").start(this::loop);
  }

  /**
   * Stops the loop: wakes it and waits for its pass to end. It is interrupted only if the pass does
   * not end in time, since interrupting a thread in the middle of a store read closes the read's
   * connection.
   */
  void stop() throws InterruptedException {
    running = false;
    wakeup.signal();
    if (thread != null && !thread.join(Duration.ofSeconds(5))) {
      thread.interrupt();
      thread.join(5_000);
    }
    wakeup.close();
  }

  /** Something becomes due at {@code time}; wake earlier than planned if needed. */
  void dueAt(Instant time) {
    earliestHint.accumulateAndGet(time, (a, b) -> a == null || b.isBefore(a) ? b : a);
    if (time.isBefore(plannedWake)) {
      wakeup.signal();
    }
  }

  private void loop() {
    boolean failing = false;
    // a wake-up's unit of work, held until the next pass has entered its own, so that the engine
    // never looks idle between a wake-up and the pass it causes
    boolean held = false;
    try {
      while (running) {
        Instant next;
        idle.enter();
        if (held) {
          idle.exit();
          held = false;
        }
        try {
          plannedWake = Instant.MIN;
          earliestHint.set(null);
          Instant now = clock.now();
          fireTimers(now);
          expireActivities(now);
          wakePollers.run();
          next = store.nextDueTime(now).orElse(null);
          if (failing) {
            log.info("background timer and timeout processing works again");
            failing = false;
          }
        } catch (RuntimeException e) {
          if (!running) {
            return;
          }
          if (!failing && !StoreOutages.isOutage(e)) {
            log.warn("background timer and timeout processing failed; retrying", e);
            failing = true;
          }
          next = null;
        } finally {
          idle.exit();
        }
        held = waitUntil(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (held) {
        idle.exit();
      }
    }
  }

  /**
   * Waits until {@code next}, a hint or a wake-up; returns whether it holds a unit of work for the
   * next pass (it is due at once, or a wake-up was consumed).
   */
  private boolean waitUntil(Instant next) throws InterruptedException {
    Instant now = clock.now();
    Instant target = now.plus(safetyPoll);
    if (next != null && next.isBefore(target)) {
      target = next;
    }
    // publish the plan, then look at hints that came in before it was visible
    plannedWake = target;
    Instant hint = earliestHint.get();
    if (hint != null && hint.isBefore(target)) {
      target = hint;
    }
    if (!target.isAfter(now)) {
      idle.enter();
      wakeup.clear();
      return true;
    }
    return wakeup.awaitAndHold(clock.realDelayUntil(target).toNanos());
  }

  private void fireTimers(Instant now) {
    while (running) {
      List<TimerRecord> due = store.dueTimers(now, BATCH);
      inParallel(due, timer -> timers.fire(timer, now));
      if (due.size() < BATCH) {
        return;
      }
    }
  }

  private void expireActivities(Instant now) {
    while (running) {
      List<ActivityTaskState> expired = store.expiredActivityTasks(now, BATCH);
      inParallel(
          expired,
          state -> {
            ActivitySpec spec = ActivitySpecCodec.decode(state.task().spec());
            TimeoutType type = ActivityOutcomes.timeoutOf(state, now);
            outcomes.record(outcomes.timedOut(state, spec, type, now), now);
          });
      if (expired.size() < BATCH) {
        return;
      }
    }
  }

  /** Runs {@code action} for every item on its own virtual thread and waits for all. */
  private static <T> void inParallel(List<T> items, Consumer<T> action) {
    if (items.isEmpty()) {
      return;
    }
    List<Thread> threads = new ArrayList<>(items.size());
    for (T item : items) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      action.accept(item);
                    } catch (RuntimeException e) {
                      if (!StoreOutages.isOutage(e)) {
                        log.warn("background step failed; it is retried at the next pass", e);
                      }
                    }
                  }));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
