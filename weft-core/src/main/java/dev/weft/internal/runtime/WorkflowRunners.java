package dev.weft.internal.runtime;

import dev.weft.engine.HistoryLimits;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes the runners of one engine, or of a check that only replays: holds what all of them share.
 * Thread-safe (immutable); each runner it makes is used by one thread at a time.
 */
public final class WorkflowRunners {
  final PayloadConverter payloads;
  final ActivityTypeCheck activityCheck;
  final Duration deadlockTimeout;
  final LocalActivityExecutor localActivities;
  final Duration localActivityBudget;
  final SearchAttributeIndexer searchAttributes;
  final HistoryLimits historyLimits;

  /**
   * @param payloads converts values
   * @param activityCheck refuses activity types no local worker of a queue knows
   * @param deadlockTimeout how long a coroutine may run without yielding
   * @param localActivities runs local activities
   * @param localActivityBudget how long one workflow task may spend running local activities (less
   *     than its lease, so that the task completes while it holds the run)
   * @param searchAttributes checks the search attributes the code upserts
   * @param historyLimits from which size on the code is told to continue as new
   */
  public WorkflowRunners(
      PayloadConverter payloads,
      ActivityTypeCheck activityCheck,
      Duration deadlockTimeout,
      LocalActivityExecutor localActivities,
      Duration localActivityBudget,
      SearchAttributeIndexer searchAttributes,
      HistoryLimits historyLimits) {
    this.payloads = payloads;
    this.activityCheck = activityCheck;
    this.deadlockTimeout = deadlockTimeout;
    this.localActivities = localActivities;
    this.localActivityBudget = localActivityBudget;
    this.searchAttributes = searchAttributes;
    this.historyLimits = historyLimits;
  }

  /** The runners of a check that only replays recorded history, outside any engine. */
  public static WorkflowRunners replayOnly(PayloadConverter payloads) {
    return new WorkflowRunners(
        payloads,
        ActivityTypeCheck.NONE,
        Duration.ofSeconds(10),
        LocalActivityExecutor.REPLAY_ONLY,
        Duration.ofSeconds(5),
        SearchAttributeIndexer.BY_JAVA_TYPE,
        HistoryLimits.DEFAULTS);
  }

  /**
   * Creates the state of a run before any event is applied.
   *
   * @param info the run's identity
   * @param definition the workflow interface
   * @param factory creates the workflow object
   */
  public WorkflowRunner create(
      WorkflowInfo info, WorkflowDefinition definition, Supplier<?> factory) {
    return new WorkflowRunner(info, definition, factory, this);
  }
}
