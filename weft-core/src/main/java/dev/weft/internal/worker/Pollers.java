package dev.weft.internal.worker;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.TaskQueuePollers;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task pollers of every queue this node serves, as many per queue and kind as its {@code
 * WorkerOptions} ask for, sharing the queue's slots, each kind of a queue woken by one {@link
 * Wakeup}. Built when the engine starts, from the complete registry.
 */
public final class Pollers {
  private static final int MAX_CLAIM = 64;

  private final Map<String, Wakeup> workflowWakeups = new ConcurrentHashMap<>();
  private final Map<String, Wakeup> activityWakeups = new ConcurrentHashMap<>();
  private final List<TaskPoller<?>> pollers = new ArrayList<>();

  public Pollers(
      Registry registry,
      Dispatcher dispatcher,
      Claims claims,
      IdleTracker idle,
      Duration safetyPoll,
      String nodeId,
      WeftClock clock,
      TaskQueuePollers seen) {
    for (QueueRegistration queue : registry.all()) {
      String name = queue.taskQueue();
      if (queue.hasWorkflows()) {
        Wakeup wakeup = new Wakeup(idle);
        workflowWakeups.put(name, wakeup);
        TaskQueuePollers.Seen polls = seen.poller(name, "WORKFLOW", nodeId, false);
        for (int i = 1; i <= queue.options().workflowPollers(); i++) {
          pollers.add(
              new TaskPoller<WorkflowTaskRecord>(
                  "weft-wf-poller-" + name + "-" + i,
                  dispatcher.slots(TaskKind.WORKFLOW, name),
                  MAX_CLAIM,
                  n -> {
                    polls.polled(clock.now());
                    return claims.workflowTasks(name, n);
                  },
                  dispatcher::run,
                  wakeup,
                  idle,
                  safetyPoll,
                  () -> dispatcher.mayTake(name)));
        }
      }
      if (queue.hasActivities()) {
        Wakeup wakeup = new Wakeup(idle);
        activityWakeups.put(name, wakeup);
        Set<String> types = queue.claimedActivityTypes();
        TaskQueuePollers.Seen polls = seen.poller(name, "ACTIVITY", nodeId, false);
        for (int i = 1; i <= queue.options().activityPollers(); i++) {
          pollers.add(
              new TaskPoller<ActivityTaskState>(
                  "weft-act-poller-" + name + "-" + i,
                  dispatcher.slots(TaskKind.ACTIVITY, name),
                  MAX_CLAIM,
                  n -> {
                    polls.polled(clock.now());
                    return claims.activityTasks(name, nodeId, types, n);
                  },
                  dispatcher::run,
                  wakeup,
                  idle,
                  safetyPoll,
                  () -> dispatcher.mayTake(name)));
        }
      }
    }
  }

  void start() {
    pollers.forEach(TaskPoller::start);
  }

  /** Tells every poller to stop taking work. */
  void stop() {
    pollers.forEach(TaskPoller::stop);
  }

  /** Waits up to {@code timeout} for each poller to stop, then closes their wake-ups. */
  void awaitStopped(Duration timeout) throws InterruptedException {
    for (TaskPoller<?> poller : pollers) {
      poller.awaitStopped(timeout);
    }
    workflowWakeups.values().forEach(Wakeup::close);
    activityWakeups.values().forEach(Wakeup::close);
  }

  /** Wakes the pollers of one queue and kind, if this node serves it. */
  void wake(TaskKind kind, String taskQueue) {
    Wakeup wakeup = (kind == TaskKind.WORKFLOW ? workflowWakeups : activityWakeups).get(taskQueue);
    if (wakeup != null) {
      wakeup.signal();
    }
  }

  /** Wakes every poller (a clock jump, a due visibility time). */
  public void wakeAll() {
    workflowWakeups.values().forEach(Wakeup::signal);
    activityWakeups.values().forEach(Wakeup::signal);
  }
}
