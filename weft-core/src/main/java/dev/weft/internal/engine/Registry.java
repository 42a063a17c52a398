package dev.weft.internal.engine;

import dev.weft.engine.WorkerOptions;
import dev.weft.failure.UnknownActivityTypeException;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.internal.runtime.ActivityTypeCheck;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The task queues an engine serves and what each serves. */
public final class Registry {
  private final Map<String, QueueRegistration> queues = new ConcurrentHashMap<>();

  /** Returns the registration of a queue, creating it with the options on first use. */
  public QueueRegistration queue(String taskQueue, WorkerOptions options) {
    QueueRegistration existing =
        queues.putIfAbsent(taskQueue, new QueueRegistration(taskQueue, options));
    if (existing != null) {
      throw new IllegalStateException("a worker for task queue '" + taskQueue + "' exists already");
    }
    return queues.get(taskQueue);
  }

  /** Returns the registration of a queue, if this engine serves it. */
  public Optional<QueueRegistration> find(String taskQueue) {
    return Optional.ofNullable(queues.get(taskQueue));
  }

  public Collection<QueueRegistration> all() {
    return queues.values();
  }

  /** Refuses further registrations (the engine started). */
  public void freeze() {
    queues.values().forEach(QueueRegistration::freeze);
  }

  /** Returns the definition of a workflow type registered on any queue. */
  public Optional<WorkflowDefinition> definition(String workflowType) {
    for (QueueRegistration q : queues.values()) {
      QueueRegistration.WorkflowRegistration r = q.workflow(workflowType);
      if (r != null && !r.definition().isDynamic()) {
        return Optional.of(r.definition());
      }
    }
    return Optional.empty();
  }

  /** The check that refuses activity types a locally served queue does not register. */
  public ActivityTypeCheck activityCheck() {
    return (taskQueue, activityType) -> {
      QueueRegistration q = queues.get(taskQueue);
      if (q != null && q.hasActivities() && q.activity(activityType) == null) {
        throw new UnknownActivityTypeException(activityType, taskQueue, q.activityTypes());
      }
    };
  }
}
