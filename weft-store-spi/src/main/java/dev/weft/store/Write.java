package dev.weft.store;

import dev.weft.common.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row-level change inside a {@link Batch}. The store applies the writes of a batch in order, in
 * one transaction.
 *
 * <p>Some writes are <em>conditional</em>: when their condition does not hold (an expected next
 * event ID differs, a lease was lost, a run is closed), the whole batch is rolled back and {@link
 * Store#commit} returns a {@link CommitResult.Conflict} naming that write. Conditions make races
 * between workers, nodes and clients ordinary outcomes.
 *
 * <p>The records nested here are the core writes, which every store applies. The interface is open
 * so that a feature can bring writes of its own (update outcomes: {@link
 * dev.weft.store.updates.PutUpdateOutcome}); a store applies them only when the store extension
 * that defines them is installed in it, and refuses a batch holding a write it has no applier for
 * with a {@link StoreException} that names the write's class (nothing of the batch is applied). A
 * feature's writes commit in the same transaction as the core writes of their batch, and a conflict
 * of either rolls back both. Writes are immutable values, safe to share between threads.
 */
public interface Write {

  /**
   * The run this write touches, named in diagnostics; null for a feature's write that belongs to no
   * run (a schedule's cursor, say).
   */
  String runId();

  /**
   * Creates a run. Conditional: conflicts if a run with the same ID exists, or if a run of the same
   * namespace and workflow ID is in one of {@code conflictingStatuses} (how the workflow ID reuse
   * policy is enforced atomically).
   *
   * @param run the new run; its {@code nextEventId} must be 1
   * @param conflictingStatuses statuses of existing runs with the same workflow ID that forbid this
   *     start
   * @param scheduling the priority and fairness key of the run's workflow tasks
   */
  record InsertRun(
      RunRecord run, Set<WorkflowStatus> conflictingStatuses, TaskScheduling scheduling)
      implements Write {
    /** Validates the write. */
    public InsertRun {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(scheduling, "scheduling");
      conflictingStatuses = Set.copyOf(conflictingStatuses);
      if (run.nextEventId() != 1) {
        throw new IllegalArgumentException("a new run starts with nextEventId 1");
      }
    }

    /** Creates a run whose workflow tasks have the default scheduling. */
    public InsertRun(RunRecord run, Set<WorkflowStatus> conflictingStatuses) {
      this(run, conflictingStatuses, TaskScheduling.DEFAULT);
    }

    @Override
    public String runId() {
      return run.runId();
    }
  }

  /**
   * Appends events to a run's history. Conditional: conflicts unless the run's next event ID is
   * {@code expectedNextEventId} (optimistic concurrency). Event IDs must continue from it without
   * gaps. Advances the run's next event ID and history size.
   */
  record AppendEvents(String runId, long expectedNextEventId, List<EventRecord> events)
      implements Write {
    /** Validates that the events continue the history without gaps. */
    public AppendEvents {
      Objects.requireNonNull(runId, "runId");
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("AppendEvents needs at least one event");
      }
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).eventId() != expectedNextEventId + i) {
          throw new IllegalArgumentException(
              "event "
                  + i
                  + " has ID "
                  + events.get(i).eventId()
                  + ", expected "
                  + (expectedNextEventId + i));
        }
      }
    }
  }

  /**
   * Closes a run with a final status. Conditional: conflicts unless the run is {@link
   * WorkflowStatus#RUNNING}, and unless its inbox holds no event newer than {@code consumedInboxId}
   * (a workflow that completes while a signal arrives must first see the signal).
   *
   * @param consumedInboxId the newest inbox event the closing workflow task saw; {@link
   *     Long#MAX_VALUE} to close whatever the inbox holds (terminate)
   */
  record CloseRun(String runId, WorkflowStatus status, Instant closeTime, long consumedInboxId)
      implements Write {
    /** Validates the write. */
    public CloseRun {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(closeTime, "closeTime");
      if (!status.isClosed()) {
        throw new IllegalArgumentException("CloseRun needs a closed status, was " + status);
      }
    }

    /** Closes a run whatever its inbox holds. */
    public CloseRun(String runId, WorkflowStatus status, Instant closeTime) {
      this(runId, status, closeTime, Long.MAX_VALUE);
    }
  }

  /**
   * Adds an event to a run's inbox. Conditional: conflicts unless the run exists and is {@link
   * WorkflowStatus#RUNNING}.
   */
  record InsertInbox(String runId, String type, Instant time, byte[] data) implements Write {
    /** Validates the write. */
    public InsertInbox {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(data, "data");
    }
  }

  /** Deletes a run's inbox events with IDs up to and including {@code upToInboxId}. */
  record DeleteInbox(String runId, long upToInboxId) implements Write {}

  /**
   * Makes sure the run has a pending workflow task: inserts one visible at {@code visibleAt} if it
   * has none; an existing task (leased or not) is left as it is. With a {@code lease}, the inserted
   * task is leased to that node at once (eager dispatch of a new run's first task); the lease is
   * ignored if a task existed, so only use it when none can (a run just inserted).
   */
  record EnsureWorkflowTask(String runId, String taskQueue, Instant visibleAt, TaskLease lease)
      implements Write {
    /** Validates the write. */
    public EnsureWorkflowTask {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(visibleAt, "visibleAt");
    }

    /** Makes sure the run has a pending workflow task, not leased. */
    public EnsureWorkflowTask(String runId, String taskQueue, Instant visibleAt) {
      this(runId, taskQueue, visibleAt, null);
    }
  }

  /**
   * Makes the run's pending workflow task visible by {@code visibleAt}: a task that is not leased
   * and visible later (a delayed first task, a failed task waiting for its retry) becomes visible
   * at {@code visibleAt}; an earlier or leased task, or none, is left as it is. Never conflicts.
   * This is how a signal-with-start ends a run's start delay.
   */
  record AdvanceWorkflowTask(String runId, String taskQueue, Instant visibleAt) implements Write {
    /** Validates the write. */
    public AdvanceWorkflowTask {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(visibleAt, "visibleAt");
    }
  }

  /**
   * Finishes a leased workflow task. Conditional on the lease token. If the run's inbox holds
   * events newer than {@code consumedInboxId} (they arrived while the task ran), the task is kept,
   * unleased and visible at {@code now}, so the run runs again; otherwise it is deleted.
   */
  record CompleteWorkflowTask(
      String runId, String taskQueue, long leaseToken, long consumedInboxId, Instant now)
      implements Write {
    /** Validates the write. */
    public CompleteWorkflowTask {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(now, "now");
    }
  }

  /**
   * Records a failed workflow task attempt: conditional on the lease token; releases the lease,
   * makes the task visible again at {@code retryAt}, increments its attempt and keeps the failure
   * text for operators, and its {@code failureDetails} (data in a form the engine chose, or null;
   * read back as {@link WorkflowTaskRecord#failureDetails()}).
   */
  record FailWorkflowTask(
      String runId,
      String taskQueue,
      long leaseToken,
      String failure,
      Instant retryAt,
      String failureDetails)
      implements Write {
    /** Validates the write. */
    public FailWorkflowTask {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(retryAt, "retryAt");
    }

    /** A failure without details. */
    public FailWorkflowTask(
        String runId, String taskQueue, long leaseToken, String failure, Instant retryAt) {
      this(runId, taskQueue, leaseToken, failure, retryAt, null);
    }
  }

  /**
   * Adds an activity task to its queue. With a {@code lease}, the task is inserted leased to that
   * node for its first attempt (attempt 1), so the node runs it without a claim (eager dispatch).
   */
  record InsertActivityTask(ActivityTaskRecord task, TaskLease lease) implements Write {
    /** Validates the write. */
    public InsertActivityTask {
      Objects.requireNonNull(task, "task");
    }

    /** Adds an activity task for any worker to claim. */
    public InsertActivityTask(ActivityTaskRecord task) {
      this(task, null);
    }

    @Override
    public String runId() {
      return task.runId();
    }
  }

  /**
   * Removes a finished activity task. Conditional: conflicts unless the task exists and is leased
   * with {@code leaseToken} (a worker whose lease was lost cannot complete it).
   */
  record CompleteActivityTask(String runId, long seq, long leaseToken) implements Write {}

  /**
   * Schedules another attempt of an activity task after a failed one. Conditional on the lease
   * token. Releases the lease; the task becomes claimable at {@code visibleAt}.
   *
   * @param lastFailure the engine's encoding of the failure, kept for the next attempt and for
   *     operators
   * @param heartbeatDetails the failed attempt's latest heartbeat details (which heartbeat
   *     throttling may not have written yet), or {@code null} to keep the stored ones
   * @param ifCancelRequested when the task is marked cancel-requested ({@link
   *     RequestActivityCancel}), it is not retried: it is deleted (still fenced by the lease token)
   *     and these writes, about the same run, are applied instead (the engine's record of the final
   *     outcome); empty for none
   */
  record RetryActivityTask(
      String runId,
      long seq,
      String taskQueue,
      long leaseToken,
      Instant visibleAt,
      byte[] lastFailure,
      byte[] heartbeatDetails,
      List<Write> ifCancelRequested)
      implements Write {
    /** Validates the write. */
    public RetryActivityTask {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(visibleAt, "visibleAt");
      ifCancelRequested = ifCancelRequested == null ? List.of() : List.copyOf(ifCancelRequested);
      requireSameRun(runId, ifCancelRequested, "RetryActivityTask");
    }

    /** Schedules another attempt; a cancel-requested task is deleted without further writes. */
    public RetryActivityTask(
        String runId,
        long seq,
        String taskQueue,
        long leaseToken,
        Instant visibleAt,
        byte[] lastFailure,
        byte[] heartbeatDetails) {
      this(runId, seq, taskQueue, leaseToken, visibleAt, lastFailure, heartbeatDetails, List.of());
    }

    /** Schedules another attempt, keeping the stored heartbeat details. */
    public RetryActivityTask(
        String runId,
        long seq,
        String taskQueue,
        long leaseToken,
        Instant visibleAt,
        byte[] lastFailure) {
      this(runId, seq, taskQueue, leaseToken, visibleAt, lastFailure, null);
    }
  }

  /**
   * Asks an activity task's running attempt to stop, and lets its outcome end the task: if an
   * attempt holds the task (it is leased), the task is marked cancel-requested; the attempt learns
   * of it at its next heartbeat ({@link HeartbeatResult#CANCEL_REQUESTED}), keeps its lease, and
   * its outcome ({@link CompleteActivityTask}) or a timeout ends the task; it is not retried
   * ({@link RetryActivityTask#ifCancelRequested}). If no attempt holds it (it waits for its first
   * attempt or for a retry), the task is deleted and {@code ifNotRunning} is applied (the engine's
   * record that the activity was cancelled). If the task does not exist (its outcome is already
   * recorded), nothing happens. Never conflicts by itself; the nested writes keep their own
   * conditions.
   *
   * @param runId the task's run
   * @param seq the task's sequence number in its run
   * @param ifNotRunning writes about the same run, applied only when the task was deleted here
   * @throws IllegalArgumentException if a nested write is about another run
   */
  record RequestActivityCancel(String runId, long seq, List<Write> ifNotRunning) implements Write {
    /** Validates the write. */
    public RequestActivityCancel {
      Objects.requireNonNull(runId, "runId");
      ifNotRunning = List.copyOf(ifNotRunning);
      requireSameRun(runId, ifNotRunning, "RequestActivityCancel");
    }
  }

  /** Checks that the nested writes of a conditional write are about its run. */
  private static void requireSameRun(String runId, List<Write> writes, String holder) {
    for (Write w : writes) {
      if (!runId.equals(w.runId())) {
        throw new IllegalArgumentException(
            holder + " for run " + runId + " holds a write for run " + w.runId() + ": " + w);
      }
    }
  }

  /**
   * Removes an activity task whatever its state (the workflow cancelled it or closed). A running
   * attempt learns of it at its next heartbeat, and its completion is refused.
   */
  record DeleteActivityTask(String runId, long seq) implements Write {}

  /** Adds a durable timer. */
  record InsertTimer(TimerRecord timer) implements Write {
    /** Validates the write. */
    public InsertTimer {
      Objects.requireNonNull(timer, "timer");
    }

    @Override
    public String runId() {
      return timer.runId();
    }
  }

  /**
   * Deletes a timer. When {@code required}, conditional: conflicts if the timer does not exist (how
   * two firings of the same timer are told apart from one).
   */
  record DeleteTimer(String runId, long seq, boolean required) implements Write {}

  /**
   * Deletes everything a closed run left pending: its workflow task, activity tasks, timers and
   * inbox.
   */
  record DeleteRunTasks(String runId) implements Write {}

  /**
   * Deletes a closed run and everything the store keeps of it: its row (memo included), history,
   * inbox, workflow task, activity tasks, timers, search attributes, and the rows its installed
   * extensions keep of the run (update outcomes, for instance). This is how a namespace's retention
   * period ends (see {@link Store#findRunsClosedBefore}); afterwards the run is unknown, and its
   * workflow ID can be started again under any reuse policy.
   *
   * <p>Conditional: conflicts if the run exists and is {@link WorkflowStatus#RUNNING}, since a
   * running run's rows are still its state. A missing run is a no-op, not a conflict: retention on
   * two nodes may race for the same run, and the loser's batch must not fail for the runs the
   * winner deleted.
   */
  record DeleteRun(String runId) implements Write {
    /** Validates the write. */
    public DeleteRun {
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * Sets and removes search attributes of a run; the run's other attributes are kept. A value
   * replaces the attribute's previous value, whatever its type was; removing an attribute the run
   * does not have is a no-op. Conditional: conflicts unless the run exists (in any status). To give
   * a run its attributes at start, put this write in the batch of its {@link InsertRun}.
   *
   * @param values the attributes to set, by name
   * @param removed the names of attributes to remove; none of them may be in {@code values}
   * @throws IllegalArgumentException if both are empty, a name is in both, or a name is not allowed
   *     ({@link RunField.Attribute#checkName})
   */
  record UpsertSearchAttributes(
      String runId, Map<String, SearchAttributeValue> values, Set<String> removed)
      implements Write {
    /** Validates the write. */
    public UpsertSearchAttributes {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(values, "values");
      Objects.requireNonNull(removed, "removed");
      values.forEach(
          (name, value) -> {
            RunField.Attribute.checkName(name);
            if (value == null) {
              throw new IllegalArgumentException(
                  "search attribute '" + name + "' has a null value; remove it with 'removed'");
            }
          });
      removed.forEach(RunField.Attribute::checkName);
      values = Map.copyOf(values);
      removed = Set.copyOf(removed);
      if (values.isEmpty() && removed.isEmpty()) {
        throw new IllegalArgumentException("UpsertSearchAttributes needs a value or a removal");
      }
      for (String name : removed) {
        if (values.containsKey(name)) {
          throw new IllegalArgumentException(
              "search attribute '" + name + "' is both set and removed");
        }
      }
    }

    /** Sets search attributes of a run, removing none. */
    public UpsertSearchAttributes(String runId, Map<String, SearchAttributeValue> values) {
      this(runId, values, Set.of());
    }
  }

  /**
   * Applies {@code writes} only if the run exists and is {@link WorkflowStatus#RUNNING} when this
   * write is reached; otherwise skips them without a conflict. For messages from one run to another
   * that may have closed meanwhile (a child's outcome to its parent, a parent's cancel request to
   * its child): the sender's batch must not fail because the receiver is gone. The nested writes
   * keep their own conditions.
   *
   * @param runId the run whose status decides
   * @param writes writes about that run, applied in order; no nested {@code IfRunning}
   * @throws IllegalArgumentException if a nested write is about another run or is an {@code
   *     IfRunning}
   */
  record IfRunning(String runId, List<Write> writes) implements Write {
    /** Validates the write. */
    public IfRunning {
      Objects.requireNonNull(runId, "runId");
      writes = List.copyOf(writes);
      if (writes.isEmpty()) {
        throw new IllegalArgumentException("IfRunning needs at least one write");
      }
      for (Write w : writes) {
        if (w instanceof IfRunning) {
          throw new IllegalArgumentException("IfRunning cannot nest another IfRunning");
        }
        if (!runId.equals(w.runId())) {
          throw new IllegalArgumentException(
              "IfRunning for run " + runId + " holds a write for run " + w.runId() + ": " + w);
        }
      }
    }
  }

  /**
   * Sets a run's memo, replacing the previous one: opaque bytes the store keeps with the run and
   * never filters on. Conditional: conflicts unless the run exists (in any status). To give a run
   * its memo at start, put this write in the batch of its {@link InsertRun}.
   */
  record SetMemo(String runId, byte[] memo) implements Write {
    /** Validates the write. */
    public SetMemo {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(memo, "memo");
    }
  }

  /**
   * Pauses a run: none of its workflow tasks or activity tasks is handed out, and its timers that
   * fall due are held, until {@link ResumeRun}. Work already running finishes, and what it produces
   * (an activity result, a signal) is recorded; the run just does not move on. Conditional:
   * conflicts unless the run is running. Pausing a paused run keeps the first pause.
   */
  record PauseRun(String runId, Pause pause) implements Write {
    /** Validates the write. */
    public PauseRun {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(pause, "pause");
    }
  }

  /**
   * Resumes a paused run: its waiting tasks become claimable and its held timers fire. Resuming a
   * run that is not paused does nothing. Conditional: conflicts unless the run exists.
   */
  record ResumeRun(String runId) implements Write {
    /** Validates the write. */
    public ResumeRun {
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * A guard for work that moves a run on without a claimed task (the eager path): conflicts when
   * the run is paused, so that such work goes the normal way, through the queue, which holds it.
   */
  record IfNotPaused(String runId) implements Write {
    /** Validates the write. */
    public IfNotPaused {
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * Adds a namespace to the catalog. Conditional: conflicts if a namespace of the same name exists.
   */
  record InsertNamespace(NamespaceRecord namespace) implements Write {
    /** Validates the write. */
    public InsertNamespace {
      Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public String runId() {
      return null;
    }
  }

  /**
   * Changes a namespace of the catalog: its description and retention where given (null keeps
   * them), and its update time. Conditional: conflicts if no namespace has that name.
   */
  record UpdateNamespace(String name, String description, Duration retention, Instant updateTime)
      implements Write {
    /** Validates the write. */
    public UpdateNamespace {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(updateTime, "updateTime");
      if (retention != null && (retention.isNegative() || retention.isZero())) {
        throw new IllegalArgumentException(
            "retention of namespace " + name + " must be positive, was " + retention);
      }
    }

    @Override
    public String runId() {
      return null;
    }
  }
}
