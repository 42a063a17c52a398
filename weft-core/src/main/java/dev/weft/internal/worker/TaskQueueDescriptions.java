package dev.weft.internal.worker;

import dev.weft.engine.TaskQueueDescription;
import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.TaskQueuePollers;
import dev.weft.store.FlowControl;
import dev.weft.store.Pause;
import dev.weft.store.Store;
import dev.weft.store.TaskQueueBacklog;
import dev.weft.store.UnknownTaskQueueException;
import java.time.Instant;

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
}
