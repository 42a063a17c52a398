package dev.weft.activity;

/**
 * What cancelling the scope of a running activity does ({@link
 * ActivityOptions.Builder#cancellationType}), as in Temporal.
 *
 * <pre>{@code
 * Inventory inventory = Workflow.newActivityStub(Inventory.class,
 *     ActivityOptions.newBuilder()
 *         .startToCloseTimeout(Duration.ofMinutes(5))
 *         .cancellationType(ActivityCancellationType.ABANDON)
 *         .build());
 * }</pre>
 *
 * <p>The default is {@link #TRY_CANCEL}, as in Temporal. Whatever the type, a cancel never retries
 * the activity, and an activity whose promise already completed is not affected.
 */
public enum ActivityCancellationType {
  /**
   * The default: the cancel is recorded ({@code ActivityCancelRequested}) and the activity's task
   * ends, so its attempt learns of it at its next heartbeat ({@link ActivityCanceledException});
   * the workflow's promise fails at once with an {@code ActivityFailure} caused by a {@code
   * CanceledFailure}, without waiting for the attempt to stop.
   */
  TRY_CANCEL,

  /**
   * The cancel is recorded ({@code ActivityCancelRequested}) and the workflow's promise completes
   * only when the activity has stopped, as its outcome says.
   *
   * <p>If an attempt is running, it keeps its task and learns of the cancel at its next heartbeat
   * ({@link Activity#heartbeat} throws {@link ActivityCanceledException}; later heartbeats still
   * extend its lease, so a long cleanup can keep heartbeating). When it lets the exception
   * propagate, the activity is recorded as cancelled ({@code ActivityCanceled}) and the promise
   * fails with an {@code ActivityFailure} caused by a {@code CanceledFailure}. If it returns a
   * result anyway, the promise completes with it; if it fails, the promise fails with that failure:
   * there is no further retry once the cancel is requested. Its heartbeat and start-to-close
   * timeouts still end it (an {@code ActivityFailure} caused by a {@code TimeoutFailure}), so an
   * attempt that never heartbeats is waited for until it ends or times out.
   *
   * <p>If no attempt is running (the activity waits for its first attempt or for a retry), its task
   * ends in the workflow task that requests the cancel, and the promise fails as cancelled in the
   * next workflow task, without waiting.
   *
   * <pre>{@code
   * Promise<String>[] result = new Promise[1];
   * CancellationScope scope =
   *     Workflow.newCancellationScope(() -> result[0] = Workflow.async(() -> chore.run()));
   * scope.run();
   * scope.cancel();
   * result[0].get(); // throws once the attempt has cleaned up and thrown ActivityCanceledException
   * }</pre>
   */
  WAIT_CANCELLATION_COMPLETED,

  /**
   * Nothing is recorded and the activity is not told: it keeps running (and retrying) and its
   * outcome is ignored; the workflow's promise fails at once with an {@code ActivityFailure} caused
   * by a {@code CanceledFailure}. The activity's task still ends when the workflow closes.
   */
  ABANDON
}
