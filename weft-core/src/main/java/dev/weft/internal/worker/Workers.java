package dev.weft.internal.worker;

import dev.weft.internal.activity.ActivityOutcomes;
import dev.weft.internal.activity.ActivityTaskHandler;
import dev.weft.internal.engine.EngineContext;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The running side of an engine: workflow and activity pollers per served queue (as many as its
 * {@code WorkerOptions} ask for, sharing the queue's slots), the due-work loop, and the store
 * listener that wakes them when commits make work ready.
 */
public final class Workers implements StoreListener {
  private static final int MAX_CLAIM = 64;
  private static final Duration ACTIVITY_FALLBACK_LEASE = Duration.ofMinutes(10);

  private final EngineContext ctx;
  private final Map<String, Wakeup> workflowWakeups = new ConcurrentHashMap<>();
  private final Map<String, Wakeup> activityWakeups = new ConcurrentHashMap<>();
  private final List<TaskPoller<?>> pollers = new ArrayList<>();
  private final DueWorkLoop due;

  public Workers(EngineContext ctx) {
    this.ctx = ctx;
    Dispatcher dispatcher = ctx.dispatcher();
    EagerWorkflowTasks eager = new EagerWorkflowTasks(ctx, dispatcher);
    ActivityOutcomes outcomes = new ActivityOutcomes(ctx, eager);
    WorkflowTaskHandler workflowHandler = new WorkflowTaskHandler(ctx);
    ActivityTaskHandler activityHandler = new ActivityTaskHandler(ctx, outcomes);
    dispatcher.start(workflowHandler::handle, activityHandler::handle);
    this.due = new DueWorkLoop(ctx, new Wakeup(ctx.idle()), this::wakeAllPollers, outcomes, eager);
    for (QueueRegistration queue : ctx.registry().all()) {
      String name = queue.taskQueue();
      if (queue.hasWorkflows()) {
        Wakeup wakeup = new Wakeup(ctx.idle());
        workflowWakeups.put(name, wakeup);
        for (int i = 1; i <= queue.options().workflowPollers(); i++) {
          pollers.add(
              new TaskPoller<WorkflowTaskRecord>(
                  "weft-wf-poller-" + name + "-" + i,
                  dispatcher.slots(TaskKind.WORKFLOW, name),
                  MAX_CLAIM,
                  n ->
                      ctx.store()
                          .claimWorkflowTasks(
                              claim(name, n, ctx.workflowTaskLease(), ctx.stickyWait())),
                  dispatcher::run,
                  wakeup,
                  ctx.idle(),
                  ctx.safetyPoll(),
                  () -> dispatcher.mayTake(name)));
        }
      }
      if (queue.hasActivities()) {
        Wakeup wakeup = new Wakeup(ctx.idle());
        activityWakeups.put(name, wakeup);
        for (int i = 1; i <= queue.options().activityPollers(); i++) {
          pollers.add(
              new TaskPoller<ActivityTaskState>(
                  "weft-act-poller-" + name + "-" + i,
                  dispatcher.slots(TaskKind.ACTIVITY, name),
                  MAX_CLAIM,
                  n ->
                      ctx.store()
                          .claimActivityTasks(
                              claim(name, n, ACTIVITY_FALLBACK_LEASE, Duration.ZERO)),
                  dispatcher::run,
                  wakeup,
                  ctx.idle(),
                  ctx.safetyPoll(),
                  () -> dispatcher.mayTake(name)));
        }
      }
    }
  }

  private ClaimRequest claim(String queue, int max, Duration lease, Duration stickyWait) {
    long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    return new ClaimRequest(queue, ctx.nodeId(), token, max, ctx.clock().now(), lease, stickyWait);
  }

  /** Starts the pollers and the due-work loop. */
  public void start() {
    pollers.forEach(TaskPoller::start);
    due.start();
  }

  /** Stops taking work and waits up to {@code timeout} for the loops to stop. */
  public void stop(Duration timeout) throws InterruptedException {
    pollers.forEach(TaskPoller::stop);
    due.stop();
    for (TaskPoller<?> poller : pollers) {
      poller.awaitStopped(timeout);
    }
    workflowWakeups.values().forEach(Wakeup::close);
    activityWakeups.values().forEach(Wakeup::close);
  }

  /** Wakes every poller (a clock jump, a due visibility time). */
  public void wakeAllPollers() {
    workflowWakeups.values().forEach(Wakeup::signal);
    activityWakeups.values().forEach(Wakeup::signal);
  }

  /** Wakes the due-work loop (a clock jump). */
  public void wakeDueWork() {
    due.dueAt(Instant.MIN);
  }

  @Override
  public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
    if (visibleAt.isAfter(ctx.clock().now())) {
      due.dueAt(visibleAt);
      return;
    }
    Wakeup wakeup = (kind == TaskKind.WORKFLOW ? workflowWakeups : activityWakeups).get(taskQueue);
    if (wakeup != null) {
      wakeup.signal();
    }
  }

  @Override
  public void dueAt(Instant time) {
    due.dueAt(time);
  }

  @Override
  public void flowControlChanged() {
    ctx.flowControl().refreshSoon();
  }

  @Override
  public void runClosed(String runId) {
    ctx.cache().invalidate(runId);
    ctx.waiters().runClosed(runId);
  }

  @Override
  public void notificationsMissed() {
    wakeAllPollers();
    due.dueAt(Instant.EPOCH);
    ctx.flowControl().refreshSoon();
    ctx.waiters().wakeAll();
  }
}
