package dev.weft.schedules.internal;

import dev.weft.assets.AssetBackfills;
import dev.weft.assets.BackfillRequest;
import dev.weft.failure.ApplicationFailure;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link BackfillLaunches} through the {@link AssetBackfills} given to the sensors; without them
 * (an app that defines no assets) a backfill request fails, non-retryable, saying what is missing.
 * A request the backfills refuse (unknown asset, key outside the partitions) fails the same way.
 */
public final class BackfillLauncher implements BackfillLaunches {
  private final Supplier<AssetBackfills> given;

  /**
   * Launches through the backfills {@code given} supplies when a request comes (a later builder on
   * the engine may give them), or refuses the request while it supplies null.
   */
  public BackfillLauncher(Supplier<AssetBackfills> given) {
    this.given = Objects.requireNonNull(given, "given");
  }

  @Override
  public String launch(BackfillRequest request) {
    AssetBackfills backfills = given.get();
    if (backfills == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot backfill '"
              + request.selection()
              + "': no asset backfills were given to Sensors.builder(engine).backfills(...)",
          "IllegalStateException");
    }
    try {
      return backfills.launch(request).backfillId();
    } catch (RuntimeException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot backfill '" + request.selection() + "': " + e.getMessage(),
          e.getClass().getSimpleName());
    }
  }
}
