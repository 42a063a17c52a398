package dev.weft.activity;

import dev.weft.common.RetryPolicy;
import java.time.Duration;

/**
 * How a local activity call runs: its timeouts and retry policy. A local activity runs in the
 * workflow's own worker, inside the workflow task that calls it, with no task-queue round trip; its
 * outcome is recorded once in history, with the task's other commands. Use it for short work
 * (milliseconds to a few seconds: a lookup, a small write); use a normal activity for long work,
 * work that heartbeats, or work that must run on other workers.
 *
 * <pre>{@code
 * Prices prices = Workflow.newLocalActivityStub(Prices.class,
 *     LocalActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());
 * }</pre>
 *
 * <p>Retries with a short backoff happen right in the workflow task; when the next backoff would
 * not fit in the task (its lease), the failure is recorded and the next attempt runs after a
 * durable timer, in a later task. An attempt that was running when its worker crashed runs again:
 * like any activity, a local activity is run at least once and recorded exactly once.
 *
 * @param startToCloseTimeout the maximum time of one attempt, or {@code null}
 * @param scheduleToCloseTimeout the maximum time over all attempts and backoffs, or {@code null}
 * @param retryPolicy how failed attempts are retried
 */
public record LocalActivityOptions(
    Duration startToCloseTimeout, Duration scheduleToCloseTimeout, RetryPolicy retryPolicy) {

  /** Validates the options; each error names the field and value. */
  public LocalActivityOptions {
    if (startToCloseTimeout == null && scheduleToCloseTimeout == null) {
      throw new IllegalArgumentException(
          "LocalActivityOptions needs startToCloseTimeout or scheduleToCloseTimeout (or both)");
    }
    requirePositive("startToCloseTimeout", startToCloseTimeout);
    requirePositive("scheduleToCloseTimeout", scheduleToCloseTimeout);
    if (retryPolicy == null) {
      retryPolicy = RetryPolicy.DEFAULT;
    }
  }

  private static void requirePositive(String field, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(
          "LocalActivityOptions." + field + " must be positive, was " + value);
    }
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link LocalActivityOptions}. */
  public static final class Builder {
    private Duration startToCloseTimeout;
    private Duration scheduleToCloseTimeout;
    private RetryPolicy retryPolicy;

    private Builder() {}

    /** Sets the maximum time of one attempt. */
    public Builder startToCloseTimeout(Duration timeout) {
      this.startToCloseTimeout = timeout;
      return this;
    }

    /** Sets the maximum time over all attempts and backoffs. */
    public Builder scheduleToCloseTimeout(Duration timeout) {
      this.scheduleToCloseTimeout = timeout;
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public LocalActivityOptions build() {
      return new LocalActivityOptions(startToCloseTimeout, scheduleToCloseTimeout, retryPolicy);
    }
  }
}
