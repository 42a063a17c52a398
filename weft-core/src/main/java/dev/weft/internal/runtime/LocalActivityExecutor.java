package dev.weft.internal.runtime;

import dev.weft.converter.Payload;
import dev.weft.history.Failure;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Runs local activity attempts for a workflow runner, in the worker that runs the workflow. The
 * runner decides what to do with each outcome (record it, retry, wait for a timer); the executor
 * only runs one attempt at a time per call, bounded by a timeout.
 */
public interface LocalActivityExecutor {

  /** An attempt to run. */
  record Attempt(
      WorkflowInfo workflow,
      String activityType,
      long seq,
      int attempt,
      Payload input,
      Duration delay,
      Duration timeout,
      String timeoutType,
      String timeoutMessage) {}

  /** How an attempt ended. */
  sealed interface Outcome {}

  /** The attempt returned a value. */
  record Completed(Payload result) implements Outcome {}

  /** The attempt threw, or ran out of time. */
  record Failed(Failure failure) implements Outcome {}

  /** A running attempt. */
  interface Running {
    /** Completes with the attempt's outcome. */
    CompletableFuture<Outcome> outcome();

    /** Stops the attempt (interrupts its thread); its outcome is ignored. */
    void cancel();
  }

  /**
   * Starts an attempt after {@code attempt.delay()}; it fails with a timeout failure if it runs
   * longer than {@code attempt.timeout()}.
   */
  Running start(Attempt attempt);

  /** Returns the current time of the engine's clock (real time, not workflow time). */
  Instant now();

  /** For runners that only replay: any local activity the code calls must be in history. */
  LocalActivityExecutor REPLAY_ONLY =
      new LocalActivityExecutor() {
        @Override
        public Running start(Attempt attempt) {
          throw new IllegalStateException(
              "local activity '"
                  + attempt.activityType()
                  + "' cannot run here: this runner only replays recorded history");
        }

        @Override
        public Instant now() {
          return Instant.EPOCH;
        }
      };
}
