package dev.weft.client;

import java.time.Instant;

/**
 * An activity a run is waiting for, as shown by describe.
 *
 * @param seq the run's sequence number of the activity
 * @param activityType the activity type
 * @param taskQueue the queue it is dispatched on
 * @param attempt attempts started so far
 * @param running whether an attempt is running now
 * @param nextAttemptAt when the next attempt may start (a retry backoff), if none is running
 * @param lastFailure the last attempt's failure message, or {@code null}
 * @param stallReason why it waits with no worker to take it (for example {@code no worker on queue
 *     'billing' has polled for activity type 'Charge' in 1m}), or {@code null}; see {@code
 *     WeftEngine.Builder.stallWarningAfter}
 * @param summary the user-facing summary of the call ({@code ActivityOptions.summary}), or {@code
 *     null}
 */
public record PendingActivity(
    long seq,
    String activityType,
    String taskQueue,
    int attempt,
    boolean running,
    Instant nextAttemptAt,
    String lastFailure,
    String stallReason,
    String summary) {

  /** Returns whether it waits with no worker to take it (see {@link #stallReason()}). */
  public boolean isStalled() {
    return stallReason != null;
  }
}
