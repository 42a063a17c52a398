package dev.weft.common;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How failed attempts are retried: the delay before attempt {@code n+1} is {@code initialInterval *
 * backoffCoefficient^(n-1)}, capped at {@code maximumInterval}; retrying stops after {@code
 * maximumAttempts} attempts (0 = no limit) or on a failure whose type is non-retryable.
 *
 * <p>The defaults are Temporal's, so users moving over find what they know: 1 s, ×2, at most 100 s,
 * unlimited attempts.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.newBuilder()
 *     .initialInterval(Duration.ofSeconds(30))
 *     .maximumAttempts(10)
 *     .nonRetryableErrorTypes("PaymentDeclined")
 *     .build();
 * }</pre>
 *
 * @param initialInterval the delay before the second attempt
 * @param backoffCoefficient the growth factor of the delay, at least 1
 * @param maximumInterval the largest delay
 * @param maximumAttempts the maximum number of attempts, 0 for no limit
 * @param nonRetryableErrorTypes failure types (see {@code ApplicationFailure.getType()}) that are
 *     never retried
 */
public record RetryPolicy(
    Duration initialInterval,
    double backoffCoefficient,
    Duration maximumInterval,
    int maximumAttempts,
    List<String> nonRetryableErrorTypes) {

  /** The default policy: 1 s, ×2, at most 100 s, unlimited attempts. */
  public static final RetryPolicy DEFAULT = newBuilder().build();

  /** Validates the policy; each error names the field and the value. */
  public RetryPolicy {
    Objects.requireNonNull(initialInterval, "initialInterval");
    Objects.requireNonNull(maximumInterval, "maximumInterval");
    nonRetryableErrorTypes = List.copyOf(nonRetryableErrorTypes);
    if (initialInterval.isNegative() || initialInterval.isZero()) {
      throw new IllegalArgumentException(
          "RetryPolicy.initialInterval must be positive, was " + initialInterval);
    }
    if (!(backoffCoefficient >= 1.0) || Double.isInfinite(backoffCoefficient)) {
      throw new IllegalArgumentException(
          "RetryPolicy.backoffCoefficient must be >= 1, was " + backoffCoefficient);
    }
    if (maximumInterval.compareTo(initialInterval) < 0) {
      throw new IllegalArgumentException(
          "RetryPolicy.maximumInterval ("
              + maximumInterval
              + ") must be >= initialInterval ("
              + initialInterval
              + ")");
    }
    if (maximumAttempts < 0) {
      throw new IllegalArgumentException(
          "RetryPolicy.maximumAttempts must be >= 0 (0 = unlimited), was " + maximumAttempts);
    }
  }

  /** Returns a builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialized from this policy. */
  public Builder toBuilder() {
    return new Builder()
        .initialInterval(initialInterval)
        .backoffCoefficient(backoffCoefficient)
        .maximumInterval(maximumInterval)
        .maximumAttempts(maximumAttempts)
        .nonRetryableErrorTypes(nonRetryableErrorTypes.toArray(String[]::new));
  }

  /**
   * Returns the delay before the attempt after {@code attempt} (1-based) failed.
   *
   * @param attempt the attempt that just failed, at least 1
   */
  public Duration backoff(int attempt) {
    double factor = Math.pow(backoffCoefficient, Math.max(0, attempt - 1));
    double millis = initialInterval.toMillis() * factor;
    long capped = (long) Math.min(millis, (double) maximumInterval.toMillis());
    return Duration.ofMillis(capped);
  }

  /** Returns whether a failure of {@code type} after {@code attempt} attempts may be retried. */
  public boolean allowsRetry(int attempt, String type, boolean nonRetryable) {
    if (nonRetryable || nonRetryableErrorTypes.contains(type)) {
      return false;
    }
    return maximumAttempts == 0 || attempt < maximumAttempts;
  }

  /** Builds a {@link RetryPolicy}; unset fields keep the defaults. */
  public static final class Builder {
    private Duration initialInterval = Duration.ofSeconds(1);
    private double backoffCoefficient = 2.0;
    private Duration maximumInterval;
    private int maximumAttempts;
    private List<String> nonRetryableErrorTypes = List.of();

    private Builder() {}

    /** Sets the delay before the second attempt (default 1 s). */
    public Builder initialInterval(Duration initialInterval) {
      this.initialInterval = initialInterval;
      return this;
    }

    /** Sets the growth factor of the delay (default 2). */
    public Builder backoffCoefficient(double backoffCoefficient) {
      this.backoffCoefficient = backoffCoefficient;
      return this;
    }

    /** Sets the largest delay (default 100 × the initial interval). */
    public Builder maximumInterval(Duration maximumInterval) {
      this.maximumInterval = maximumInterval;
      return this;
    }

    /** Sets the maximum number of attempts (default 0 = unlimited). */
    public Builder maximumAttempts(int maximumAttempts) {
      this.maximumAttempts = maximumAttempts;
      return this;
    }

    /** Sets the failure types that are never retried. */
    public Builder nonRetryableErrorTypes(String... types) {
      this.nonRetryableErrorTypes = List.of(types);
      return this;
    }

    /** Returns the policy; throws {@link IllegalArgumentException} naming an invalid field. */
    public RetryPolicy build() {
      Duration max =
          maximumInterval != null
              ? maximumInterval
              : initialInterval == null ? null : initialInterval.multipliedBy(100);
      return new RetryPolicy(
          initialInterval, backoffCoefficient, max, maximumAttempts, nonRetryableErrorTypes);
    }
  }
}
