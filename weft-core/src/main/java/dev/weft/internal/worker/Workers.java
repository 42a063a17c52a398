package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import java.time.Duration;
import java.time.Instant;

/**
 * The running side of an engine: the task pollers of every served queue, the due-work loop, and the
 * store listener that wakes them when commits make work ready (and drops cached runs that closed,
 * and wakes waiting clients).
 */
public final class Workers implements StoreListener {
  private final WeftClock clock;
  private final Pollers pollers;
  private final DueWorkLoop due;
  private final FlowControlView flowControl;
  private final WorkflowCache cache;
  private final RunWaiters waiters;
  private final RemotePollWakeups remotePolls;

  public Workers(
      WeftClock clock,
      Pollers pollers,
      DueWorkLoop due,
      FlowControlView flowControl,
      WorkflowCache cache,
      RunWaiters waiters,
      RemotePollWakeups remotePolls) {
    this.clock = clock;
    this.pollers = pollers;
    this.due = due;
    this.flowControl = flowControl;
    this.cache = cache;
    this.waiters = waiters;
    this.remotePolls = remotePolls;
  }

  /** Starts the pollers and the due-work loop. */
  public void start() {
    pollers.start();
    due.start();
  }

  /** Stops taking work and waits up to {@code timeout} for the loops to stop. */
  public void stop(Duration timeout) throws InterruptedException {
    pollers.stop();
    due.stop();
    pollers.awaitStopped(timeout);
  }

  /** Wakes every poller (a clock jump, a due visibility time). */
  public void wakeAllPollers() {
    pollers.wakeAll();
    remotePolls.wakeAll();
  }

  /** Wakes the due-work loop (a clock jump). */
  public void wakeDueWork() {
    due.dueAt(Instant.MIN);
  }

  @Override
  public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
    if (visibleAt.isAfter(clock.now())) {
      due.dueAt(visibleAt);
      return;
    }
    pollers.wake(kind, taskQueue);
    if (kind == TaskKind.ACTIVITY) {
      remotePolls.wake(taskQueue);
    }
  }

  @Override
  public void dueAt(Instant time) {
    due.dueAt(time);
  }

  @Override
  public void flowControlChanged() {
    flowControl.refreshSoon();
    // a resumed queue: remote polls waiting on it look again
    remotePolls.wakeAll();
  }

  @Override
  public void runClosed(String runId) {
    cache.invalidate(runId);
    waiters.runClosed(runId);
  }

  @Override
  public void notificationsMissed() {
    wakeAllPollers();
    due.dueAt(Instant.EPOCH);
    flowControl.refreshSoon();
    waiters.wakeAll();
  }
}
