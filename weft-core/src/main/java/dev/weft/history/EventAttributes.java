package dev.weft.history;

import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a history event records. A sealed hierarchy: the engine and tools switch over it
 * exhaustively.
 *
 * <p>Three groups. <em>Inbound</em> events come from outside the workflow code (its start, activity
 * results, fired timers, signals, cancel requests) and are applied before the code runs. A {@link
 * WorkflowTaskCompleted} marks the end of one workflow task's inbound events; the <em>command</em>
 * events after it (activity scheduled, timer started, marker, completion) are what the code did in
 * that task. Replay re-runs the code task by task and checks that it asks for the same commands.
 */
public sealed interface EventAttributes {

  /**
   * Returns whether the workflow code produced this event (a command), as opposed to receiving it.
   */
  default boolean isCommand() {
    return false;
  }

  /** Marker of events that answer a command by sequence number. */
  sealed interface Sequenced {
    /** Returns the sequence number of the command this event is about. */
    long seq();
  }

  // ---- inbound ----

  /**
   * The run started.
   *
   * @param workflowType the workflow type
   * @param workflowId the workflow ID
   * @param taskQueue the queue of its workflow tasks
   * @param input the arguments of the workflow method
   * @param continuedFromRunId the run this one continues (continue-as-new or a retry), or null
   * @param parent the workflow that started this run as its child, or null
   * @param attempt the attempt of the workflow (1, then 2... under a workflow retry policy); 0 in
   *     histories written before attempts were recorded, meaning 1
   * @param executionDeadline when the whole workflow (all runs) times out, or null
   * @param runTimeout the longest this run may last, or null
   * @param retryPolicy how the workflow is retried when a run fails or times out, or null
   * @param searchAttributes the run's search attributes at start, by name (empty or null for none)
   * @param memo the run's memo at start, or null
   * @param priority the priority and fairness key of the run's tasks, resolved (null in histories
   *     written before priorities, meaning the defaults)
   * @param handlersBeforeMain true when the handlers of signals and updates delivered in the run's
   *     first workflow task run before the workflow method starts, as in Temporal (every run
   *     started since this field exists); null in older histories, whose workflow method started
   *     first and must replay that way
   */
  record WorkflowStarted(
      String workflowType,
      String workflowId,
      String taskQueue,
      Payload input,
      String continuedFromRunId,
      ParentRun parent,
      int attempt,
      Instant executionDeadline,
      Duration runTimeout,
      RetryPolicy retryPolicy,
      Map<String, IndexedValue> searchAttributes,
      Payload memo,
      Priority priority,
      Boolean handlersBeforeMain)
      implements EventAttributes {

    /** Normalizes a missing attribute map to an empty one. */
    public WorkflowStarted {
      searchAttributes = searchAttributes == null ? Map.of() : Map.copyOf(searchAttributes);
    }

    /** A start event in the form histories had before {@code handlersBeforeMain}. */
    public WorkflowStarted(
        String workflowType,
        String workflowId,
        String taskQueue,
        Payload input,
        String continuedFromRunId,
        ParentRun parent,
        int attempt,
        Instant executionDeadline,
        Duration runTimeout,
        RetryPolicy retryPolicy,
        Map<String, IndexedValue> searchAttributes,
        Payload memo,
        Priority priority) {
      this(
          workflowType,
          workflowId,
          taskQueue,
          input,
          continuedFromRunId,
          parent,
          attempt,
          executionDeadline,
          runTimeout,
          retryPolicy,
          searchAttributes,
          memo,
          priority,
          null);
    }

    /** Whether handlers delivered in the first workflow task run before the workflow method. */
    public boolean runsHandlersBeforeMain() {
      return Boolean.TRUE.equals(handlersBeforeMain);
    }

    /** A first run with no parent, timeouts, retry policy, search attributes or memo. */
    public WorkflowStarted(
        String workflowType, String workflowId, String taskQueue, Payload input) {
      this(
          workflowType,
          workflowId,
          taskQueue,
          input,
          null,
          null,
          1,
          null,
          null,
          null,
          null,
          null,
          Priority.DEFAULT);
    }

    /** The priority of the run's tasks: the recorded one, or the defaults for old histories. */
    public Priority effectivePriority() {
      return priority == null ? Priority.DEFAULT : priority;
    }
  }

  /** An activity completed with a result after {@code attempt} attempts. */
  record ActivityCompleted(long seq, Payload result, int attempt)
      implements EventAttributes, Sequenced {}

  /** An activity failed for good after {@code attempt} attempts. */
  record ActivityFailed(long seq, Failure failure, int attempt)
      implements EventAttributes, Sequenced {}

  /**
   * An activity timed out for good.
   *
   * @param timeoutType which timeout ({@code START_TO_CLOSE}, {@code SCHEDULE_TO_CLOSE}, {@code
   *     HEARTBEAT})
   * @param lastFailure the last attempt's failure, or {@code null}
   */
  record ActivityTimedOut(long seq, String timeoutType, Failure lastFailure, int attempt)
      implements EventAttributes, Sequenced {}

  /**
   * An activity stopped after its workflow asked it to cancel and said it waits for that ({@link
   * ActivityCancelRequested#waitForCompletion}): its attempt acknowledged the cancel by throwing
   * {@code ActivityCanceledException}, or no attempt was running when the cancel was requested.
   *
   * @param seq the activity's sequence number
   * @param attempt the attempt that acknowledged the cancel, or 0 if none was running
   */
  record ActivityCanceled(long seq, int attempt) implements EventAttributes, Sequenced {}

  /** A timer fired. */
  record TimerFired(long seq) implements EventAttributes, Sequenced {}

  /** A signal arrived. */
  record SignalReceived(String signalName, Payload input) implements EventAttributes {}

  /**
   * A child workflow could not start: its workflow ID was taken (a run with it is running, or the
   * ID reuse policy forbids another run).
   */
  record ChildWorkflowStartFailed(long seq, String workflowId, String reason)
      implements EventAttributes, Sequenced {}

  /**
   * A child workflow closed for good (after any retries and continue-as-new).
   *
   * @param seq the parent's sequence number of the child
   * @param workflowId the child's workflow ID
   * @param runId the child's last run
   * @param status how it closed: COMPLETED, FAILED, CANCELED, TERMINATED or TIMED_OUT
   * @param result its result, if it completed
   * @param failure why it did not complete, otherwise
   */
  record ChildWorkflowClosed(
      long seq, String workflowId, String runId, String status, Payload result, Failure failure)
      implements EventAttributes, Sequenced {}

  /**
   * A client asked for an update. This event waits in the run's inbox only: the workflow task
   * validates it and history records an {@link UpdateAccepted}, or nothing if it is rejected.
   *
   * @param updateId identifies the request (and its outcome)
   * @param updateName the update
   * @param input its arguments
   */
  record UpdateRequested(String updateId, String updateName, Payload input)
      implements EventAttributes {}

  /** An update passed its validator; its handler runs from here. */
  record UpdateAccepted(String updateId, String updateName, Payload input)
      implements EventAttributes {}

  /**
   * This run was reset from another run: the events before this one are that run's history before
   * the workflow task that ended at {@code resetEventId}, and that task runs again with the current
   * code.
   *
   * @param baseRunId the run whose history was copied
   * @param resetEventId the {@code WorkflowTaskCompleted} event of the base run the reset went back
   *     to
   * @param reason why, as the operator said
   */
  record WorkflowReset(String baseRunId, long resetEventId, String reason)
      implements EventAttributes {}

  /** Cancellation of the whole run was requested. */
  record WorkflowCancelRequested(String reason) implements EventAttributes {}

  // external workflows (issue 17): answers to SignalExternalWorkflowInitiated and
  // RequestCancelExternalWorkflowInitiated

  /**
   * The signal a {@link SignalExternalWorkflowInitiated} command sent is in the target run's inbox.
   *
   * @param seq the sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target run that received the signal
   */
  record ExternalWorkflowSignaled(long seq, String workflowId, String runId)
      implements EventAttributes, Sequenced {}

  /**
   * A {@link SignalExternalWorkflowInitiated} command found no running target: no run with that
   * workflow ID (and run ID, if named) exists, or it is closed.
   *
   * @param seq the sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target's run as named by the command, or null
   * @param reason what was found instead
   */
  record SignalExternalWorkflowFailed(long seq, String workflowId, String runId, String reason)
      implements EventAttributes, Sequenced {}

  /**
   * The cancel request a {@link RequestCancelExternalWorkflowInitiated} command sent is in the
   * target run's inbox.
   *
   * @param seq the sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target run that received the request
   */
  record ExternalWorkflowCancelRequested(long seq, String workflowId, String runId)
      implements EventAttributes, Sequenced {}

  /**
   * A {@link RequestCancelExternalWorkflowInitiated} command found no running target.
   *
   * @param seq the sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target's run as named by the command, or null
   * @param reason what was found instead
   */
  record RequestCancelExternalWorkflowFailed(
      long seq, String workflowId, String runId, String reason)
      implements EventAttributes, Sequenced {}

  // ---- task boundary ----

  /**
   * A workflow task ended: the inbound events before it were applied, and the code ran; the command
   * events after it are what the code did. The event's time is what the code saw as {@code
   * Workflow.now()}.
   */
  record WorkflowTaskCompleted(String worker) implements EventAttributes {}

  // ---- commands ----

  /**
   * The code called an activity. {@code priority} is the resolved priority and fairness key of its
   * task (null in histories written before priorities, meaning the defaults); {@code summary} is
   * the user-facing summary of {@code ActivityOptions.summary} (null if none, and in histories
   * written before summaries).
   */
  record ActivityScheduled(
      long seq,
      String activityType,
      String taskQueue,
      Payload input,
      Duration startToCloseTimeout,
      Duration scheduleToCloseTimeout,
      Duration heartbeatTimeout,
      RetryPolicy retryPolicy,
      Priority priority,
      String summary)
      implements EventAttributes, Sequenced {
    /** An activity call without a summary. */
    public ActivityScheduled(
        long seq,
        String activityType,
        String taskQueue,
        Payload input,
        Duration startToCloseTimeout,
        Duration scheduleToCloseTimeout,
        Duration heartbeatTimeout,
        RetryPolicy retryPolicy,
        Priority priority) {
      this(
          seq,
          activityType,
          taskQueue,
          input,
          startToCloseTimeout,
          scheduleToCloseTimeout,
          heartbeatTimeout,
          retryPolicy,
          priority,
          null);
    }

    /** The priority of the task: the recorded one, or the defaults for old histories. */
    public Priority effectivePriority() {
      return priority == null ? Priority.DEFAULT : priority;
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code cancelled an activity.
   *
   * @param seq the activity's sequence number
   * @param waitForCompletion false ({@code TRY_CANCEL}, and every history written before {@code
   *     WAIT_CANCELLATION_COMPLETED}): the promise failed with a {@code CanceledFailure} at once
   *     and the activity's task ends in this workflow task. True ({@code
   *     WAIT_CANCELLATION_COMPLETED}): the task stays for its running attempt, which is told to
   *     stop; the promise completes with the activity's outcome ({@link ActivityCanceled}, or a
   *     result, failure or timeout). A task no attempt holds ends in this workflow task, and an
   *     {@link ActivityCanceled} follows.
   */
  record ActivityCancelRequested(long seq, boolean waitForCompletion)
      implements EventAttributes, Sequenced {
    /** A cancel that does not wait for the activity ({@code TRY_CANCEL}). */
    public ActivityCancelRequested(long seq) {
      this(seq, false);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code started a timer that fires at {@code fireAt}; {@code summary} is its user-facing
   * summary ({@code TimerOptions.summary}), or null.
   */
  record TimerStarted(long seq, Duration duration, Instant fireAt, String summary)
      implements EventAttributes, Sequenced {
    /** A timer without a summary. */
    public TimerStarted(long seq, Duration duration, Instant fireAt) {
      this(seq, duration, fireAt, null);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /** The code cancelled a timer. */
  record TimerCanceled(long seq) implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code started a child workflow. The child's run is inserted in the same transaction as this
   * event, unless its workflow ID is taken (then a {@link ChildWorkflowStartFailed} follows).
   *
   * @param seq the parent's sequence number of the child
   * @param workflowType the child's workflow type
   * @param workflowId the child's workflow ID
   * @param taskQueue the queue of the child's workflow tasks
   * @param input the child's arguments
   * @param parentClosePolicy what happens to the child if the parent closes first
   * @param idReusePolicy the child's workflow ID reuse policy
   * @param executionTimeout the child's execution timeout, or null
   * @param runTimeout the child's run timeout, or null
   * @param retryPolicy the child's retry policy, or null
   * @param searchAttributes the child's search attributes at start
   * @param memo the child's memo, or null
   * @param runId the child's first run (set when the parent's task commits), or null if it could
   *     not start
   */
  record StartChildWorkflowInitiated(
      long seq,
      String workflowType,
      String workflowId,
      String taskQueue,
      Payload input,
      String parentClosePolicy,
      String idReusePolicy,
      Duration executionTimeout,
      Duration runTimeout,
      RetryPolicy retryPolicy,
      Map<String, IndexedValue> searchAttributes,
      Payload memo,
      String runId,
      Priority priority)
      implements EventAttributes, Sequenced {
    /** Normalizes a missing attribute map to an empty one. */
    public StartChildWorkflowInitiated {
      searchAttributes = searchAttributes == null ? Map.of() : Map.copyOf(searchAttributes);
    }

    /** Returns this event with the child's first run. */
    public StartChildWorkflowInitiated withRunId(String childRunId) {
      return new StartChildWorkflowInitiated(
          seq,
          workflowType,
          workflowId,
          taskQueue,
          input,
          parentClosePolicy,
          idReusePolicy,
          executionTimeout,
          runTimeout,
          retryPolicy,
          searchAttributes,
          memo,
          childRunId,
          priority);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /** The code asked a child workflow it started to cancel (its scope was cancelled). */
  record ChildWorkflowCancelRequested(long seq, String workflowId)
      implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code recorded a value so that replay returns it instead of computing it again: a side
   * effect ({@code name = "SideEffect"}) or a version decision ({@code name = "Version"}, {@code
   * key} = the change ID).
   */
  record MarkerRecorded(long seq, String name, String key, Payload value)
      implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * A local activity ran in the workflow task and this is its outcome: a result, a final failure,
   * or a failure after which the next attempt runs after a durable timer ({@code retryAfter}).
   *
   * @param seq the run's sequence number of the local activity
   * @param activityType the activity type
   * @param result the result, or null if it failed
   * @param failure the failure of the latest attempt, or null if it completed
   * @param attempt the attempts made so far
   * @param retryAfter when not null, the failure is not final: a timer of this length follows, and
   *     then attempt {@code attempt + 1}
   */
  record LocalActivityRecorded(
      long seq,
      String activityType,
      Payload result,
      Failure failure,
      int attempt,
      Duration retryAfter)
      implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code changed the run's search attributes: sets {@code values}, removes {@code removed}; the
   * others stay.
   */
  record SearchAttributesUpserted(Map<String, IndexedValue> values, List<String> removed)
      implements EventAttributes {
    /** Normalizes missing collections to empty ones. */
    public SearchAttributesUpserted {
      values = values == null ? Map.of() : Map.copyOf(values);
      removed = removed == null ? List.of() : List.copyOf(removed);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * An update handler returned a result or failed with a failure (the workflow goes on).
   *
   * @param updateId the request
   * @param result the result, or null if it failed
   * @param failure the failure, or null if it completed
   */
  record UpdateCompleted(String updateId, Payload result, Failure failure)
      implements EventAttributes {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /** The workflow method returned. */
  record WorkflowCompleted(Payload result) implements EventAttributes {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The workflow method threw a failure.
   *
   * @param failure the failure
   * @param newRunId the run that retries the workflow under its retry policy (set when the run
   *     closes), or null if the workflow failed for good
   */
  record WorkflowFailed(Failure failure, String newRunId) implements EventAttributes {
    /** A failure the run reports; the engine decides on a retry when it records it. */
    public WorkflowFailed(Failure failure) {
      this(failure, null);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The run ended by starting a new run of the same workflow ID with new input (its history starts
   * empty).
   *
   * @param newRunId the new run (set when the run closes)
   * @param input the new run's arguments
   * @param searchAttributes the search attributes the new run starts with (the current ones)
   * @param memo the memo the new run starts with, or null
   * @param workflowType the new run's workflow type, or null for this run's (null in histories
   *     written before continue-as-new stubs)
   * @param taskQueue the new run's task queue, or null for this run's
   * @param runTimeout the new run's run timeout, or null for this run's
   */
  record WorkflowContinuedAsNew(
      String newRunId,
      Payload input,
      Map<String, IndexedValue> searchAttributes,
      Payload memo,
      String workflowType,
      String taskQueue,
      Duration runTimeout)
      implements EventAttributes {
    /** Normalizes a missing attribute map to an empty one. */
    public WorkflowContinuedAsNew {
      searchAttributes = searchAttributes == null ? Map.of() : Map.copyOf(searchAttributes);
    }

    /** A run continuing as the same type, on the same queue, with the same run timeout. */
    public WorkflowContinuedAsNew(
        String newRunId, Payload input, Map<String, IndexedValue> searchAttributes, Payload memo) {
      this(newRunId, input, searchAttributes, memo, null, null, null);
    }

    /** Returns this event with the new run's ID. */
    public WorkflowContinuedAsNew withNewRunId(String runId) {
      return new WorkflowContinuedAsNew(
          runId, input, searchAttributes, memo, workflowType, taskQueue, runTimeout);
    }

    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /** The workflow acknowledged a cancel request by letting the cancellation escape. */
  record WorkflowCanceled(String details) implements EventAttributes {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  // external workflows (issue 17): signal and cancel another workflow from workflow code

  /**
   * The code signalled another workflow. The signal is put in the target's inbox in the same
   * transaction as this event; an {@link ExternalWorkflowSignaled} or {@link
   * SignalExternalWorkflowFailed} answers it.
   *
   * @param seq the run's sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target run, or null for the current run of the workflow ID
   * @param signalName the signal
   * @param input its arguments
   */
  record SignalExternalWorkflowInitiated(
      long seq, String workflowId, String runId, String signalName, Payload input)
      implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  /**
   * The code asked another workflow to cancel. The request is put in the target's inbox in the same
   * transaction as this event; an {@link ExternalWorkflowCancelRequested} or {@link
   * RequestCancelExternalWorkflowFailed} answers it.
   *
   * @param seq the run's sequence number of the command
   * @param workflowId the target's workflow ID
   * @param runId the target run, or null for the current run of the workflow ID
   */
  record RequestCancelExternalWorkflowInitiated(long seq, String workflowId, String runId)
      implements EventAttributes, Sequenced {
    @Override
    public boolean isCommand() {
      return true;
    }
  }

  // ---- out of band ----

  /** The run was terminated from outside; its code did not run. */
  record WorkflowTerminated(String reason) implements EventAttributes {}

  /**
   * The run reached its run timeout or the workflow's execution timeout; its code did not run.
   *
   * @param timeoutType {@code WORKFLOW_RUN} or {@code WORKFLOW_EXECUTION}
   * @param newRunId the run that retries the workflow under its retry policy, or null
   */
  record WorkflowTimedOut(String timeoutType, String newRunId) implements EventAttributes {}
}
