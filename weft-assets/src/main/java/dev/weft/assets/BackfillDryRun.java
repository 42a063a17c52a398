package dev.weft.assets;

import java.util.List;

/**
 * What a backfill would run, without running it: per selected asset its partitions and compute
 * calls (runs: its partitions cut by its {@code maxPartitionsPerRun}).
 *
 * @param selection the selection, canonical
 * @param assets per asset, in plan order
 * @param partitions the sum of the assets' partitions
 * @param runs the sum of the assets' runs (a multi-asset's run counted once per output)
 */
public record BackfillDryRun(String selection, List<Asset> assets, long partitions, long runs) {
  /** Copies the list. */
  public BackfillDryRun {
    assets = List.copyOf(assets);
  }

  /**
   * One asset of a dry run.
   *
   * @param assetKey the asset
   * @param partitions how many of its partitions the backfill runs
   * @param runs how many compute calls
   */
  public record Asset(String assetKey, long partitions, long runs) {}
}
