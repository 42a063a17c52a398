package dev.weft.internal.worker;

import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.activity.ActivityOutcomes;
import dev.weft.internal.engine.ChildWorkflows;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.RunClosures;
import dev.weft.internal.engine.RunStarts;
import dev.weft.internal.engine.StoreOutages;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.RunRecord;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
final class DueWorkLoop {
  private static final Logger log = LoggerFactory.getLogger(DueWorkLoop.class);
  private static final int BATCH = 256;

  private final EngineContext ctx;
  private final Wakeup wakeup;
  private final Runnable wakePollers;
  private final ActivityOutcomes outcomes;
  private final EagerWorkflowTasks eager;
  private final RunTimeouts runTimeouts;
  private final AtomicReference<Instant> earliestHint = new AtomicReference<>();

  /**
   * When the loop plans to wake up; {@link Instant#MIN} while it works (it reads the store's next
   * due time after its work, so hints that arrive meanwhile need no wake-up). Only a hint earlier
   * than the plan wakes it: every activity lease is a hint, and most are minutes away.
   */
  private volatile Instant plannedWake = Instant.MIN;

  private volatile boolean running = true;
  private Thread thread;

  DueWorkLoop(
      EngineContext ctx,
      Wakeup wakeup,
      Runnable wakePollers,
      ActivityOutcomes outcomes,
      EagerWorkflowTasks eager) {
    this.ctx = ctx;
    this.wakeup = wakeup;
    this.wakePollers = wakePollers;
    this.outcomes = outcomes;
    this.eager = eager;
    this.runTimeouts = new RunTimeouts(ctx);
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
    while (running) {
      Instant next;
      ctx.idle().enter();
      try {
        plannedWake = Instant.MIN;
        earliestHint.set(null);
        Instant now = ctx.clock().now();
        fireTimers(now);
        expireActivities(now);
        wakePollers.run();
        next = ctx.store().nextDueTime(now).orElse(null);
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
        ctx.idle().exit();
      }
      try {
        waitUntil(next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void waitUntil(Instant next) throws InterruptedException {
    Instant now = ctx.clock().now();
    Instant target = now.plus(ctx.safetyPoll());
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
      wakeup.clear();
      return;
    }
    wakeup.await(ctx.clock().realDelayUntil(target).toNanos());
  }

  private void fireTimers(Instant now) {
    while (running) {
      List<TimerRecord> due = ctx.store().dueTimers(now, BATCH);
      inParallel(due, timer -> fire(timer, now));
      if (due.size() < BATCH) {
        return;
      }
    }
  }

  /** Fires one timer: with the workflow task it triggers if possible, else through the inbox. */
  private void fire(TimerRecord timer, Instant now) {
    if (timer.seq() == RunStarts.DEADLINE_TIMER_SEQ) {
      runTimeouts.timeOut(timer, now);
      return;
    }
    if (timer.seq() == ChildWorkflows.TERMINATE_TIMER_SEQ) {
      terminateChild(timer);
      return;
    }
    EventAttributes.TimerFired fired = new EventAttributes.TimerFired(timer.seq());
    if (eager.tryAdvance(
        timer.runId(),
        fired,
        now,
        List.of(new Write.DeleteTimer(timer.runId(), timer.seq(), true)))) {
      return;
    }
    Optional<RunRecord> run = ctx.store().findRun(timer.runId());
    if (run.isEmpty() || run.get().status().isClosed()) {
      ctx.store().commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
      return;
    }
    ctx.store()
        .commit(
            Batch.of(
                new Write.DeleteTimer(timer.runId(), timer.seq(), true),
                new Write.InsertInbox(timer.runId(), "TimerFired", now, ctx.codec().encode(fired)),
                new Write.EnsureWorkflowTask(timer.runId(), run.get().taskQueue(), now)))
        .join();
  }

  /** Terminates a child whose parent closed under the TERMINATE policy. */
  private void terminateChild(TimerRecord timer) {
    List<HistoryEvent> first = ctx.decode(ctx.store().readHistory(timer.runId(), 1));
    EventAttributes.WorkflowStarted started = RunClosures.started(first);
    String reason =
        started == null || started.parent() == null
            ? "terminated by its parent's close policy"
            : "parent workflow '"
                + started.parent().workflowId()
                + "' (run "
                + started.parent().runId()
                + ") closed; parent close policy TERMINATE";
    if (!RunClosures.terminate(ctx, timer.runId(), reason)) {
      ctx.store().commit(Batch.of(new Write.DeleteTimer(timer.runId(), timer.seq(), false))).join();
    }
  }

  private void expireActivities(Instant now) {
    while (running) {
      List<ActivityTaskState> expired = ctx.store().expiredActivityTasks(now, BATCH);
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
