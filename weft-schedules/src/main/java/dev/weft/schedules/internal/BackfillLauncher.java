package dev.weft.schedules.internal;

import dev.weft.assets.AssetBackfills;
import dev.weft.assets.BackfillRequest;
import dev.weft.failure.ApplicationFailure;

/**
 * {@link BackfillLaunches} through the {@link AssetBackfills} given to the sensors; without them
 * (an app that defines no assets) a backfill request fails, non-retryable, saying what is missing.
 * A request the backfills refuse (unknown asset, key outside the partitions) fails the same way.
 */
public final class BackfillLauncher implements BackfillLaunches {
  private final AssetBackfills backfills;

  /** Launches through {@code backfills}, or refuses every request if it is null. */
  public BackfillLauncher(AssetBackfills backfills) {
    this.backfills = backfills;
  }

  @Override
  public String launch(BackfillRequest request) {
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
