package dev.weft.schedules.internal;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerOutcome;
import dev.weft.schedules.TriggerResult;
import dev.weft.store.UnknownTaskQueueException;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link TriggerActivities} through a {@link WeftClient}. A start uses the derived ID with {@link
 * WorkflowIdReusePolicy#REJECT_DUPLICATE}, so the ID names one run forever: a second attempt of the
 * same firing (an activity retry, a node that crashed after the start and before the trigger
 * recorded it) gets {@link WorkflowAlreadyStartedException} and reports {@link
 * TriggerOutcome#ALREADY_STARTED} with the existing run.
 */
public final class TriggerActions implements TriggerActivities {
  private final WeftClient client;
  private final FirePartitions firePartitions;

  /**
   * Runs actions through {@code client} (a client of the trigger's namespace), finding the
   * partitions of {@code partitionFromFireTime} materializations with {@code firePartitions}.
   */
  public TriggerActions(WeftClient client, FirePartitions firePartitions) {
    this.client = Objects.requireNonNull(client, "client");
    this.firePartitions = Objects.requireNonNull(firePartitions, "firePartitions");
  }

  @Override
  public TriggerResult run(TriggerAction action, String derivedId, Instant fireTime) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(derivedId, "derivedId");
    return switch (action) {
      case TriggerAction.StartWorkflow start -> start(start, derivedId);
      case TriggerAction.SignalWorkflow signal -> signal(signal);
      case TriggerAction.Materialize materialize -> materialize(materialize, derivedId, fireTime);
    };
  }

  private TriggerResult start(TriggerAction.StartWorkflow action, String derivedId) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .workflowId(derivedId)
            .taskQueue(action.taskQueue())
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE);
    if (action.executionTimeout() != null) {
      options.workflowExecutionTimeout(action.executionTimeout());
    }
    return startOnce(
        derivedId,
        () -> client.start(action.workflowType(), options.build(), action.args().toArray()));
  }

  private TriggerResult materialize(
      TriggerAction.Materialize action, String derivedId, Instant fireTime) {
    String partitionKey =
        action.partitionFromFireTime()
            ? firePartition(action, derivedId, fireTime)
            : action.partitionKey();
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(derivedId)
            .taskQueue(TriggerWorkers.TASK_QUEUE)
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .build();
    return startOnce(
        derivedId,
        () ->
            client.start(
                MaterializeTriggerWorkflow.TYPE, options, action.selection(), partitionKey));
  }

  private String firePartition(
      TriggerAction.Materialize action, String derivedId, Instant fireTime) {
    try {
      return firePartitions.partitionFor(action.selection(), fireTime);
    } catch (IllegalArgumentException e) {
      // an unknown asset, a syntax error, a selection without time windows: it stays so
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot materialize '" + derivedId + "': " + e.getMessage(),
          e.getClass().getSimpleName());
    }
  }

  private TriggerResult startOnce(String derivedId, Start start) {
    try {
      WorkflowHandle<Object> handle = start.start();
      return new TriggerResult(TriggerOutcome.STARTED, handle.workflowId(), handle.runId());
    } catch (WorkflowAlreadyStartedException e) {
      return new TriggerResult(TriggerOutcome.ALREADY_STARTED, derivedId, e.getExistingRunId());
    } catch (IllegalArgumentException
        | UnknownWorkflowTypeException
        | UnknownTaskQueueException
        | DataConverterException
        | PayloadTooLargeException e) {
      // the action cannot run as defined: trying again would refuse it again
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot start '" + derivedId + "': " + e.getMessage(), e.getClass().getSimpleName());
    }
  }

  private TriggerResult signal(TriggerAction.SignalWorkflow action) {
    try {
      WorkflowHandle<Object> handle = client.getHandle(action.workflowId());
      handle.signal(action.signalName(), action.args().toArray());
      return new TriggerResult(TriggerOutcome.SIGNALED, action.workflowId(), null);
    } catch (WorkflowNotFoundException | WorkflowNotRunningException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot signal '"
              + action.signalName()
              + "' to workflow '"
              + action.workflowId()
              + "': "
              + e.getMessage(),
          "WorkflowNotFoundException");
    }
  }

  @FunctionalInterface
  private interface Start {
    WorkflowHandle<Object> start();
  }
}
