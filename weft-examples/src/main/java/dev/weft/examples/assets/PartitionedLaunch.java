package dev.weft.examples.assets;

import dev.weft.assets.Assets;
import dev.weft.assets.MaterializationHandle;
import dev.weft.assets.PartitionSelection;

/**
 * How the partitioned examples launch partitions of a selection, in one place: today a partitioned
 * materialization ({@link Assets#materialize(String, PartitionSelection)}); this is where it
 * switches to a backfill once the backfill API exists.
 */
public final class PartitionedLaunch {
  private PartitionedLaunch() {}

  /**
   * Starts materializing {@code partitions} of {@code selection}.
   *
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition for a
   *     key outside the definition
   * @throws IllegalArgumentException when the selected assets do not share a partitions definition
   */
  public static MaterializationHandle launch(
      Assets assets, String selection, PartitionSelection partitions) {
    return assets.materialize(selection, partitions);
  }
}
