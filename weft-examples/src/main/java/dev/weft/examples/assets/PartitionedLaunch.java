package dev.weft.examples.assets;

import dev.weft.assets.Assets;
import dev.weft.assets.BackfillRequest;
import dev.weft.assets.PartitionSelection;
import dev.weft.store.assets.backfills.BackfillRecord;

/**
 * How the partitioned examples launch partitions of a selection, in one place: as a backfill
 * ({@link dev.weft.assets.AssetBackfills#launch}), so that what they start shows on the Backfills
 * page with its progress per asset, and survives restarts.
 */
public final class PartitionedLaunch {
  private PartitionedLaunch() {}

  /**
   * Starts a backfill of {@code partitions} of {@code selection} and returns its row (REQUESTED);
   * its workflow is {@link BackfillRecord#workflowId()}.
   *
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition for a
   *     key outside the definition
   * @throws IllegalArgumentException when the selected assets do not share a partitions definition
   */
  public static BackfillRecord launch(
      Assets assets, String selection, PartitionSelection partitions) {
    return assets.backfills().launch(BackfillRequest.of(selection, partitions));
  }
}
