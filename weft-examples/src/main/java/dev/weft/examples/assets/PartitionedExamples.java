package dev.weft.examples.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.examples.assets.blocks.BlockAssets;
import dev.weft.examples.assets.blocks.TokenMetadata;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.DailyTradeAssets;
import dev.weft.examples.assets.dailytrades.VendorFiles;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The partitioned examples and the fakes they read: the daily trades ({@link DailyTradeAssets} over
 * {@code vendor}) and the blocks ({@link BlockAssets} over {@code blocks}' node and {@code
 * metadata}).
 *
 * @param vendor the vendor delivering the daily trade files
 * @param blocks the chain whose blocks are partitioned by number (not the 48-block chain of {@link
 *     dev.weft.examples.assets.chain.ChainAssets})
 * @param metadata the token metadata the enrichment looks up
 */
public record PartitionedExamples(VendorFiles vendor, FakeChain blocks, TokenMetadata metadata) {
  /**
   * How many blocks the chain of {@link #forDev()} has: blocks 0 to 999. Planning a partitioned run
   * costs time in (chunks of a step) x (chunks of its upstream step): 1,000 one-block chunks per
   * asset plan in about a second, 2,000 in several, on the node's start.
   */
  public static final int DEV_BLOCKS = 1_000;

  /** The seed of the block chain of {@link #forDev()}. */
  public static final long DEV_SEED = 21;

  /** The day whose vendor file is late in {@link #forDev()}. */
  public static final LocalDate LATE_DAY = LocalDate.of(2024, 1, 17);

  /** Checks the parts. */
  public PartitionedExamples {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(blocks, "blocks");
    Objects.requireNonNull(metadata, "metadata");
  }

  /**
   * What {@code weft dev} hosts: the file of {@link #LATE_DAY} late until its first refused fetch
   * (materializing the day again succeeds), {@link #DEV_BLOCKS} blocks, all metadata published.
   */
  public static PartitionedExamples forDev() {
    return new PartitionedExamples(
        VendorFiles.deliveringAfterRefusal(LATE_DAY),
        FakeChain.generate(DEV_BLOCKS, DEV_SEED),
        TokenMetadata.published());
  }

  /** Returns the definitions of both partitioned examples. */
  public List<AssetsDefinition> definitions() {
    List<AssetsDefinition> all = new ArrayList<>(DailyTradeAssets.definitions(vendor));
    all.addAll(BlockAssets.definitions(blocks, metadata));
    return all;
  }

  /**
   * Starts, once, what {@code weft dev} shows of them, as backfills (on the Backfills page):
   * January 2024 of the daily trades (when no day was ever materialized) and, when no block was,
   * the per-block assets of blocks 0 to the head. Records the chain's head first ({@link
   * BlockAssets#advanceEnd}, on every start). Returns the started backfills. The block hashes are
   * first observed by {@link dev.weft.examples.assets.blocks.ReorgWorkflow} (observing every block
   * reads each block's status: not on the node's start).
   */
  public List<BackfillRecord> materializeIfNeverMaterialized(Assets assets) {
    BlockAssets.advanceEnd(assets.partitions(), blocks);
    List<BackfillRecord> started = new ArrayList<>();
    if (never(assets, DailyTradeAssets.DAILY_TRADES)) {
      started.add(DailyTradeAssets.materializeJanuary2024(assets));
    }
    if (never(assets, BlockAssets.BLOCKS_BY_NUMBER)) {
      started.add(BlockAssets.materializeBlocks(assets, 0, blocks.head()));
    }
    return started;
  }

  /** Whether the catalog keeps no status of any partition of {@code key}. */
  private static boolean never(Assets assets, String key) {
    AssetPartitionCounts counts = assets.partitions().counts(AssetKey.of(key));
    return counts.total() == counts.missing();
  }
}
