package dev.weft.activity;

import dev.weft.failure.WeftException;

/**
 * Thrown by {@link Activity#heartbeat} when the attempt should stop: the workflow cancelled the
 * activity, the attempt timed out and another took over, or the run closed. The activity should
 * clean up and let it propagate.
 *
 * <p>With {@link ActivityCancellationType#WAIT_CANCELLATION_COMPLETED} the attempt still holds its
 * task when this is thrown, and the workflow waits for it: letting this exception propagate (after
 * the cleanup) records the activity as cancelled, while a result or another failure is delivered as
 * such (and not retried). Later heartbeats keep the attempt's lease and throw again. Otherwise the
 * attempt no longer owns its task, and whatever it returns is discarded.
 */
public final class ActivityCanceledException extends WeftException {

  /** Creates the exception for the described attempt. */
  public ActivityCanceledException(ActivityInfo info) {
    super(
        "activity '"
            + info.activityType()
            + "' (seq "
            + info.seq()
            + " of run "
            + info.runId()
            + ", attempt "
            + info.attempt()
            + ") was cancelled or timed out; stop working on it");
  }
}
