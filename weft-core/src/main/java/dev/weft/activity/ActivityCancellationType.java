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
 * <p>Temporal's {@code WAIT_CANCELLATION_COMPLETED} is not offered yet: Weft ends a cancelled
 * activity's task in the workflow task that requests the cancel, so there is no later moment at
 * which the attempt reports that it stopped.
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
   * Nothing is recorded and the activity is not told: it keeps running (and retrying) and its
   * outcome is ignored; the workflow's promise fails at once with an {@code ActivityFailure} caused
   * by a {@code CanceledFailure}. The activity's task still ends when the workflow closes.
   */
  ABANDON
}
