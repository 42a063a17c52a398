package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import java.time.Duration;

/**
 * The activity options the built-in chunked workflows (materializations, backfills) give their
 * stubs: the catalog writes that record a chunk, retried until they land, and the local activity
 * that plans, tried three times.
 */
final class BuiltInStubOptions {
  /** A catalog write: a minute per attempt, retried with at most a minute between attempts. */
  static final ActivityOptions RECORDING =
      ActivityOptions.newBuilder()
          .startToCloseTimeout(Duration.ofMinutes(1))
          .retryPolicy(RetryPolicy.newBuilder().maximumInterval(Duration.ofMinutes(1)).build())
          .build();

  private BuiltInStubOptions() {}

  /** A planning local activity of at most {@code timeout} per attempt, tried three times. */
  static LocalActivityOptions planning(Duration timeout) {
    return LocalActivityOptions.newBuilder()
        .startToCloseTimeout(timeout)
        .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(3).build())
        .build();
  }
}
