package dev.weft.internal.engine;

import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.engine.QueueRegistration.WorkflowRegistration;
import dev.weft.internal.runtime.HistoryReplayer;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowRunners;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.workflow.WorkflowInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the in-memory state of stored runs of the workflow types this node serves: finds a run's
 * registration, makes an empty runner for it, and brings it up to date by replaying stored history.
 */
public final class RunnerFactory {
  private final Registry registry;
  private final WorkflowRunners runners;
  private final EventRecords events;

  public RunnerFactory(Registry registry, WorkflowRunners runners, EventRecords events) {
    this.registry = registry;
    this.runners = runners;
    this.events = events;
  }

  /** Returns the registration of a workflow type on a queue this node serves, if any. */
  public Optional<WorkflowRegistration> find(String taskQueue, String workflowType) {
    return registry.find(taskQueue).map(q -> q.workflow(workflowType));
  }

  /** Returns the workflow types this node serves on a queue (for error messages). */
  public Set<String> workflowTypes(String taskQueue) {
    return registry.find(taskQueue).map(QueueRegistration::workflowTypes).orElse(Set.of());
  }

  /** Creates the empty in-memory state of a run of a registered workflow type. */
  public WorkflowRunner create(RunRecord run, WorkflowRegistration registration) {
    WorkflowRunner runner =
        runners.create(
            new WorkflowInfo(
                run.namespace(),
                run.workflowId(),
                run.runId(),
                run.workflowType(),
                run.taskQueue()),
            registration.definition(),
            registration.factory());
    runner.setHistoryBytes(run.historyBytes());
    return runner;
  }

  /**
   * Replays stored history against a runner.
   *
   * @return the inbound events after the last recorded task, which the next live task applies
   * @throws dev.weft.internal.runtime.WorkflowTaskFailedException if the code does not match
   */
  public List<EventAttributes> replay(WorkflowRunner runner, List<EventRecord> history) {
    return HistoryReplayer.replay(runner, events.decode(history));
  }
}
