package dev.weft.assets;

import dev.weft.common.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How an asset's compute (or observe function) runs as an activity: its retry policy and timeouts.
 *
 * <p>The default is Dagster's, not Temporal's: one attempt (a compute that throws is recorded as a
 * failed materialization at once), and one hour per attempt.
 *
 * @param retryPolicy how failed attempts are retried
 * @param startToCloseTimeout the maximum time of one attempt
 * @param scheduleToCloseTimeout the maximum time over all attempts, or {@code null} for none
 */
public record ComputeOptions(
    RetryPolicy retryPolicy, Duration startToCloseTimeout, Duration scheduleToCloseTimeout) {

  /** One attempt, at most one hour. */
  public static final ComputeOptions DEFAULT =
      new ComputeOptions(
          RetryPolicy.newBuilder().maximumAttempts(1).build(), Duration.ofHours(1), null);

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException naming a timeout that is not positive
   */
  public ComputeOptions {
    Objects.requireNonNull(retryPolicy, "ComputeOptions.retryPolicy");
    Objects.requireNonNull(startToCloseTimeout, "ComputeOptions.startToCloseTimeout");
    requirePositive("startToCloseTimeout", startToCloseTimeout);
    requirePositive("scheduleToCloseTimeout", scheduleToCloseTimeout);
  }

  private static void requirePositive(String field, Duration d) {
    if (d != null && (d.isZero() || d.isNegative())) {
      throw new IllegalArgumentException("ComputeOptions." + field + " must be positive, was " + d);
    }
  }

  /** Returns these options with another retry policy. */
  public ComputeOptions withRetryPolicy(RetryPolicy policy) {
    return new ComputeOptions(policy, startToCloseTimeout, scheduleToCloseTimeout);
  }

  /** Returns these options with another time limit per attempt. */
  public ComputeOptions withStartToCloseTimeout(Duration timeout) {
    return new ComputeOptions(retryPolicy, timeout, scheduleToCloseTimeout);
  }

  /** Returns these options with a time limit over all attempts. */
  public ComputeOptions withScheduleToCloseTimeout(Duration timeout) {
    return new ComputeOptions(retryPolicy, startToCloseTimeout, timeout);
  }
}
