package dev.weft.activity;

import dev.weft.failure.WeftException;

/**
 * Thrown by {@link Activity#heartbeat} when the attempt no longer owns its task: the workflow
 * cancelled the activity, the attempt timed out and another took over, or the run closed. The
 * activity should clean up and let it propagate; its result would be discarded anyway.
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
