package dev.weft.internal.worker;

import dev.weft.engine.TaskQueueDescription;
import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.TaskQueuePollers;
import dev.weft.store.FlowControl;
import dev.weft.store.Pause;
import dev.weft.store.QueueBacklog;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskQueueBacklog;
import dev.weft.store.UnknownTaskQueueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Describes a task queue: its backlog from the store, its pause, this node's pollers of it. */
public final class TaskQueueDescriptions {
  private final Store store;
  private final WeftClock clock;
  private final TaskQueuePollers pollers;

  public TaskQueueDescriptions(Store store, WeftClock clock, TaskQueuePollers pollers) {
    this.store = store;
    this.clock = clock;
    this.pollers = pollers;
  }

  /**
   * Describes {@code taskQueue}.
   *
   * @throws UnknownTaskQueueException if no worker ever registered or polled the queue
   */
  public TaskQueueDescription describe(String taskQueue) {
    FlowControl flow = store.flowControl();
    if (!flow.queues().contains(taskQueue)) {
      throw new UnknownTaskQueueException(taskQueue, flow.queues());
    }
    Instant now = clock.now();
    TaskQueueBacklog backlog = store.taskQueueBacklog(taskQueue, now);
    Pause pause = flow.pausedQueues().get(taskQueue);
    return new TaskQueueDescription(
        taskQueue,
        backlog.workflowTasks(),
        backlog.activityTasks(),
        backlog.oldestTaskAge(now),
        pause != null,
        pause == null ? null : pause.reason(),
        pollers.of(taskQueue, now),
        now);
  }

  /**
   * Describes every queue a worker registered or polled, or that holds waiting tasks, by name: one
   * read of every queue's backlog ({@link Store#taskBacklog}) and the flow control the node keeps.
   */
  public List<TaskQueueDescription> list() {
    FlowControl flow = store.flowControl();
    Instant now = clock.now();
    Map<String, List<QueueBacklog>> backlogs = new TreeMap<>();
    flow.queues().forEach(q -> backlogs.put(q, new ArrayList<>()));
    for (QueueBacklog b : store.taskBacklog(now)) {
      backlogs.computeIfAbsent(b.taskQueue(), q -> new ArrayList<>()).add(b);
    }
    List<TaskQueueDescription> all = new ArrayList<>(backlogs.size());
    backlogs.forEach(
        (taskQueue, kinds) -> {
          long workflowTasks = 0;
          long activityTasks = 0;
          Instant oldest = null;
          for (QueueBacklog b : kinds) {
            if (b.kind() == TaskKind.WORKFLOW) {
              workflowTasks += b.tasks();
            } else {
              activityTasks += b.tasks();
            }
            if (oldest == null || b.oldestVisibleAt().isBefore(oldest)) {
              oldest = b.oldestVisibleAt();
            }
          }
          Pause pause = flow.pausedQueues().get(taskQueue);
          all.add(
              new TaskQueueDescription(
                  taskQueue,
                  workflowTasks,
                  activityTasks,
                  oldest == null || oldest.isAfter(now)
                      ? Duration.ZERO
                      : Duration.between(oldest, now),
                  pause != null,
                  pause == null ? null : pause.reason(),
                  pollers.of(taskQueue, now),
                  now));
        });
    return all;
  }
}
