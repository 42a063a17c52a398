package dev.weft.internal.activity;

import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.failure.TimeoutType;
import dev.weft.history.EventAttributes;
import dev.weft.history.Failure;
import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.engine.StoreOutages;
import dev.weft.internal.step.EagerWorkflowTasks;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an activity attempt ended, and how it is recorded: completed, failed (retried or final), or
 * timed out (retried or final). Retries write no history: they only move the task row. A final
 * outcome is recorded together with the workflow task it triggers when the run can be advanced on
 * this node ({@link EagerWorkflowTasks}); otherwise it goes to the run's inbox.
 */
public final class ActivityOutcomes {
  private static final Logger log = LoggerFactory.getLogger(ActivityOutcomes.class);

  /** An outcome and the batch that records it the normal way. */
  public sealed interface Outcome {
    /** The batch that records the outcome without the eager path. */
    Batch batch();
  }

  /** Another attempt follows; only the task row changes. */
  public record Retry(Batch batch) implements Outcome {}

  /**
   * The activity is done: {@code event} goes to the run, {@code release} takes the task out of its
   * queue (fenced by the lease token), and {@code completionWrites} (the attempt's {@code
   * Activity.commitWithCompletion} writes, usually none) go in the same transaction. The inbox
   * batch is built only when the eager path cannot take the outcome, so the common case encodes the
   * event once, with its workflow task.
   */
  public record Final(
      String runId,
      EventAttributes event,
      Write release,
      List<Write> completionWrites,
      Supplier<Batch> inbox)
      implements Outcome {
    @Override
    public Batch batch() {
      return inbox.get();
    }

    /** The writes that go with the event on the eager path: the release, then the added writes. */
    List<Write> eventWrites() {
      if (completionWrites.isEmpty()) {
        return List.of(release);
      }
      List<Write> writes = new ArrayList<>(completionWrites.size() + 1);
      writes.add(release);
      writes.addAll(completionWrites);
      return writes;
    }

    /** The failure of a batch of this outcome that its added writes caused. */
    private CompletionWritesFailedException writesFailed(String reason) {
      long seq = ((EventAttributes.ActivityCompleted) event).seq();
      return new CompletionWritesFailedException(runId, seq, completionWrites, reason);
    }
  }

  private final Store store;
  private final EventCodec codec;
  private final EagerWorkflowTasks eager;

  public ActivityOutcomes(Store store, EventCodec codec, EagerWorkflowTasks eager) {
    this.store = store;
    this.codec = codec;
    this.eager = eager;
  }

  /** Records an outcome: eagerly with the next workflow task if possible, else the normal way. */
  public void record(Outcome outcome, Instant now) {
    if (!tryRecord(outcome, now)) {
      log.debug("activity outcome discarded: the attempt no longer holds its task");
    }
  }

  /**
   * Records an outcome like {@link #record} and returns whether it was written: false when the
   * attempt no longer holds its task (it timed out, was cancelled, or its run closed).
   */
  public boolean tryRecord(Outcome outcome, Instant now) {
    Final writing = null;
    if (outcome instanceof Final f) {
      if (!f.completionWrites().isEmpty()) {
        writing = f;
      }
      try {
        if (eager.tryAdvance(f.runId(), f.event(), now, f.eventWrites())) {
          return true;
        }
      } catch (RuntimeException e) {
        // with added writes, the inbox batch below (nothing but the outcome and those writes)
        // tells whether they are at fault; the eager batch rolled back whole either way
        if (!StoreOutages.isOutage(e) && writing == null) {
          throw e;
        }
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        CommitResult result = store.commit(outcome.batch()).join();
        if (writing != null
            && result instanceof CommitResult.Conflict c
            && isOneOf(c.write(), writing.completionWrites())) {
          throw writing.writesFailed(
              "the store refused its " + c.write().getClass().getName() + ": " + c.reason());
        }
        return result.committed();
      } catch (CompletionWritesFailedException e) {
        throw e;
      } catch (RuntimeException e) {
        // the database is away: keep the outcome rather than run the activity again. No pause is
        // needed: the store's writer holds new work until it has reconnected. A retry of a write
        // that did apply conflicts (the release is fenced by the lease token).
        if (StoreOutages.isOutage(e) && attempt < OUTCOME_ATTEMPTS) {
          continue;
        }
        if (writing != null && !StoreOutages.isOutage(e)) {
          throw writing.writesFailed(messageOf(e));
        }
        throw e;
      }
    }
  }

  private static boolean isOneOf(Write write, List<Write> writes) {
    for (Write w : writes) {
      if (w == write) {
        return true;
      }
    }
    return false;
  }

  private static String messageOf(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }

  /** How often an outcome is offered to an unavailable store before the attempt is given up. */
  private static final int OUTCOME_ATTEMPTS = 5;

  /** The attempt returned {@code result}. */
  public Outcome completed(
      ActivityTaskState claim, ActivitySpec spec, Payload result, Instant now) {
    return completed(claim, spec, result, List.of(), now);
  }

  /**
   * The attempt returned {@code result} and added {@code completionWrites} (see {@code
   * Activity.commitWithCompletion}), which commit with the completion or not at all.
   */
  public Outcome completed(
      ActivityTaskState claim,
      ActivitySpec spec,
      Payload result,
      List<Write> completionWrites,
      Instant now) {
    ActivityTaskRecord t = claim.task();
    return finalOutcome(
        claim,
        spec,
        new EventAttributes.ActivityCompleted(t.seq(), result, t.attempt()),
        completionWrites,
        now);
  }

  /**
   * The attempt acknowledged the cancel its workflow requested (it threw {@code
   * ActivityCanceledException} after a heartbeat said so): the activity ends as cancelled.
   */
  public Outcome canceled(ActivityTaskState claim, ActivitySpec spec, Instant now) {
    ActivityTaskRecord t = claim.task();
    return finalOutcome(
        claim, spec, new EventAttributes.ActivityCanceled(t.seq(), t.attempt()), List.of(), now);
  }

  /**
   * The attempt failed: retry per the policy (keeping its latest heartbeat details for the next
   * attempt), or record the final failure. A task whose workflow requested its cancel is not
   * retried: the store applies the final failure instead ({@code
   * RetryActivityTask.ifCancelRequested}).
   */
  public Outcome failed(
      ActivityTaskState claim,
      ActivitySpec spec,
      Failure failure,
      Payload heartbeatDetails,
      Instant now) {
    ActivityTaskRecord t = claim.task();
    return retryOr(
        claim,
        spec,
        failure,
        heartbeatDetails,
        new EventAttributes.ActivityFailed(t.seq(), failure, t.attempt()),
        now);
  }

  /** A retry of the failed attempt if the policy allows one, else {@code finalEvent}. */
  private Outcome retryOr(
      ActivityTaskState claim,
      ActivitySpec spec,
      Failure failure,
      Payload heartbeatDetails,
      EventAttributes finalEvent,
      Instant now) {
    ActivityTaskRecord t = claim.task();
    RetryPolicy policy = spec.retryPolicy();
    if (policy.allowsRetry(t.attempt(), failure.type(), failure.nonRetryable())) {
      Instant next =
          now.plus(
              failure.nextRetryDelay() != null
                  ? failure.nextRetryDelay()
                  : policy.backoff(t.attempt()));
      if (t.scheduleToCloseDeadline() == null || next.isBefore(t.scheduleToCloseDeadline())) {
        return new Retry(
            Batch.of(
                new Write.RetryActivityTask(
                    t.runId(),
                    t.seq(),
                    t.taskQueue(),
                    claim.leaseToken(),
                    next,
                    codec.encodeValue(failure),
                    heartbeatDetails == null ? null : codec.encodeValue(heartbeatDetails),
                    recordWrites(t.runId(), spec, finalEvent, now))));
      }
    }
    return finalOutcome(claim, spec, finalEvent, List.of(), now);
  }

  /** The attempt's time ran out (see {@link #timeoutOf}). */
  public Outcome timedOut(
      ActivityTaskState state, ActivitySpec spec, TimeoutType type, Instant now) {
    ActivityTaskRecord t = state.task();
    Failure last =
        t.lastFailure() == null ? null : codec.decodeValue(t.lastFailure(), Failure.class);
    EventAttributes.ActivityTimedOut event =
        new EventAttributes.ActivityTimedOut(t.seq(), type.name(), last, t.attempt());
    if (type != TimeoutType.SCHEDULE_TO_CLOSE && state.isLeased()) {
      Failure timeout =
          new Failure(
              Failure.TIMEOUT,
              type.name(),
              "attempt " + t.attempt() + " timed out (" + type + ")",
              "",
              false,
              0,
              0,
              last);
      Outcome retry = retryOr(state, spec, timeout, null, event, now);
      if (retry instanceof Retry) {
        return retry;
      }
    }
    if (!state.isLeased()) {
      Write release = new Write.DeleteActivityTask(t.runId(), t.seq());
      return new Final(
          t.runId(),
          event,
          release,
          List.of(),
          () -> inboxBatch(release, t.runId(), spec, event, List.of(), now));
    }
    return finalOutcome(state, spec, event, List.of(), now);
  }

  /** Says which timeout expired for a task returned by {@code Store.expiredActivityTasks}. */
  public static TimeoutType timeoutOf(ActivityTaskState state, Instant now) {
    ActivityTaskRecord t = state.task();
    Instant deadline = t.scheduleToCloseDeadline();
    if (!state.isLeased() || (deadline != null && !now.isBefore(deadline))) {
      return TimeoutType.SCHEDULE_TO_CLOSE;
    }
    if (t.startToCloseTimeout() != null
        && !now.isBefore(state.startedAt().plus(t.startToCloseTimeout()))) {
      return TimeoutType.START_TO_CLOSE;
    }
    return t.heartbeatTimeout() != null ? TimeoutType.HEARTBEAT : TimeoutType.START_TO_CLOSE;
  }

  private Final finalOutcome(
      ActivityTaskState claim,
      ActivitySpec spec,
      EventAttributes event,
      List<Write> completionWrites,
      Instant now) {
    ActivityTaskRecord t = claim.task();
    Write release = new Write.CompleteActivityTask(t.runId(), t.seq(), claim.leaseToken());
    return new Final(
        t.runId(),
        event,
        release,
        completionWrites,
        () -> inboxBatch(release, t.runId(), spec, event, completionWrites, now));
  }

  private Batch inboxBatch(
      Write release,
      String runId,
      ActivitySpec spec,
      EventAttributes event,
      List<Write> completionWrites,
      Instant now) {
    List<Write> record = recordWrites(runId, spec, event, now);
    if (completionWrites.isEmpty()) {
      return Batch.of(release, record.get(0), record.get(1));
    }
    return Batch.builder().add(release).addAll(record).addAll(completionWrites).build();
  }

  /** The writes that hand a final outcome to the run: its inbox event and a workflow task. */
  private List<Write> recordWrites(
      String runId, ActivitySpec spec, EventAttributes event, Instant now) {
    return List.of(
        new Write.InsertInbox(runId, event.getClass().getSimpleName(), now, codec.encode(event)),
        new Write.EnsureWorkflowTask(runId, spec.workflowTaskQueue(), now));
  }
}
