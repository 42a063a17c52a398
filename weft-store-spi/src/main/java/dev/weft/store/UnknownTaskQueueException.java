package dev.weft.store;

import java.util.Set;
import java.util.TreeSet;

/** A flow-control change named a task queue the store does not know. Nothing was changed. */
public class UnknownTaskQueueException extends StoreException {
  private final String taskQueue;
  private final Set<String> knownQueues;

  /** Creates the exception for {@code taskQueue}, listing the queues the store knows. */
  public UnknownTaskQueueException(String taskQueue, Set<String> knownQueues) {
    super(
        "unknown task queue '"
            + taskQueue
            + "': no worker has registered it; known queues: "
            + new TreeSet<>(knownQueues));
    this.taskQueue = taskQueue;
    this.knownQueues = Set.copyOf(knownQueues);
  }

  /** The queue that was named. */
  public String taskQueue() {
    return taskQueue;
  }

  /** The queues the store knows. */
  public Set<String> knownQueues() {
    return knownQueues;
  }
}
