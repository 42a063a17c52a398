package dev.weft.examples.assets.blocks;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetPartitions;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.DataVersion;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.common.RetryPolicy;
import dev.weft.examples.assets.PartitionValues;
import dev.weft.examples.assets.PartitionedLaunch;
import dev.weft.examples.assets.chain.ChainBlock;
import dev.weft.examples.assets.chain.DecodedBlocks;
import dev.weft.examples.assets.chain.EnrichedBlocks;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.chain.PricedTransfer;
import dev.weft.examples.assets.chain.TokenPrices;
import dev.weft.examples.assets.chain.Transfer;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain on integer-range partitions, one per block number, growing with the node's head ({@link
 * #BLOCKS}), in the builder style: {@code chain/hashes_by_number} (an observable source: each
 * block's hash) {@code -> chain/blocks_by_number -> chain/transfers_by_block ->
 * chain/enriched_by_block -> chain/volume_per_100} ({@code integerToCoarser(100)}: partition {@code
 * j} rolls up blocks {@code 100j..100j+99}). The enrichment looks up the token metadata of its
 * block and, when it is not there yet, is retried 30 minutes later ({@link #METADATA_RETRY}) while
 * the other blocks go on. A re-org observed with {@link #observeHashes} makes exactly the
 * re-organized blocks and what reads them stale.
 */
public final class BlockAssets {
  /** The group of the block assets (the chain example's). */
  public static final String GROUP = "chain";

  /** The name the catalog keeps the chain's current end under (the head + 1). */
  public static final String CHAIN_RANGE = "chain";

  /**
   * One partition per block number from 0, growing with the chain's head: its end is kept by the
   * catalog under {@link #CHAIN_RANGE}, advanced by {@link #advanceEnd} as blocks appear.
   */
  public static final IntegerRangePartitions BLOCKS =
      IntegerRangePartitions.from(0).named(CHAIN_RANGE);

  /** How many blocks one partition of {@link #VOLUME_BY_HUNDRED_BLOCKS} rolls up. */
  public static final int BLOCKS_PER_ROLLUP = 100;

  /** The name the catalog keeps the roll-ups' current end under (complete hundreds of blocks). */
  public static final String ROLLUP_RANGE = "chain_hundreds";

  /**
   * One partition per hundred blocks ({@code j}: blocks {@code 100j..100j+99}), growing as hundreds
   * complete: its end is kept by the catalog under {@link #ROLLUP_RANGE}.
   */
  public static final IntegerRangePartitions HUNDREDS =
      IntegerRangePartitions.from(0).named(ROLLUP_RANGE);

  /** The observable source: the hash of each block the node serves. */
  public static final String BLOCK_HASHES = "chain/hashes_by_number";

  /** Each block as fetched from the node. */
  public static final String BLOCKS_BY_NUMBER = "chain/blocks_by_number";

  /** Each block's decoded transfers. */
  public static final String TRANSFERS = "chain/transfers_by_block";

  /** Each block's transfers valued in USD with the token metadata of the block. */
  public static final String ENRICHED = "chain/enriched_by_block";

  /** The USD volume per token of each 100 blocks. */
  public static final String VOLUME_BY_HUNDRED_BLOCKS = "chain/volume_per_100";

  /** The per-block assets (one partition each per block), upstream first. */
  public static final String PER_BLOCK = BLOCKS_BY_NUMBER + " " + TRANSFERS + " " + ENRICHED;

  /** The retries of the enrichment: 30 minutes after a lookup found no metadata, then hourly. */
  public static final RetryPolicy METADATA_RETRY =
      RetryPolicy.newBuilder()
          .initialInterval(Duration.ofMinutes(30))
          .backoffCoefficient(2.0)
          .maximumInterval(Duration.ofHours(1))
          .maximumAttempts(10)
          .build();

  private BlockAssets() {}

  /** Returns the definitions over {@code chain}'s node and {@code metadata}. */
  public static List<AssetsDefinition> definitions(FakeChain chain, TokenMetadata metadata) {
    return List.of(
        Asset.observableSource(BLOCK_HASHES)
            .group(GROUP)
            .partitions(BLOCKS)
            .description("The hash of each block the node serves, observed per block number.")
            .observe(ctx -> DataVersion.of(chain.block(number(ctx.partitionKey())).hash())),
        Asset.builder(BLOCKS_BY_NUMBER)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(BLOCKS)
            .dep(BLOCK_HASHES, PartitionMapping.identity())
            .description("Each block as fetched from the node.")
            .output(ChainBlock.class)
            .compute(
                ctx -> {
                  ChainBlock block = chain.block(number(ctx.partitionKey()));
                  ctx.addMetadata("transactions", block.transactions().size());
                  return block;
                }),
        Asset.builder(TRANSFERS)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(BLOCKS)
            .input(BLOCKS_BY_NUMBER, ChainBlock.class, PartitionMapping.identity())
            .description("Each block's transactions decoded into transfers.")
            .output(DecodedBlocks.class)
            .compute(
                ctx -> {
                  ChainBlock block = ctx.input(BLOCKS_BY_NUMBER, ChainBlock.class);
                  List<Transfer> transfers = new ArrayList<>();
                  for (String tx : block.transactions()) {
                    transfers.add(FakeChain.decode(block, tx));
                  }
                  ctx.addMetadata("transfers", transfers.size());
                  return new DecodedBlocks(transfers);
                }),
        Asset.builder(ENRICHED)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(BLOCKS)
            .input(TRANSFERS, DecodedBlocks.class, PartitionMapping.identity())
            .retryPolicy(METADATA_RETRY)
            .description(
                "Each block's transfers valued in USD with the token metadata of the block;"
                    + " retried 30 minutes later when the metadata is not there yet.")
            .output(EnrichedBlocks.class)
            .compute(
                ctx -> {
                  TokenPrices prices = metadata.pricesAt(number(ctx.partitionKey()));
                  List<PricedTransfer> priced = new ArrayList<>();
                  for (Transfer t : ctx.input(TRANSFERS, DecodedBlocks.class).transfers()) {
                    priced.add(new PricedTransfer(t, t.amount() * prices.of(t.token())));
                  }
                  return new EnrichedBlocks(priced);
                }),
        Asset.builder(VOLUME_BY_HUNDRED_BLOCKS)
            .group(GROUP)
            .codeVersion("v1")
            .partitions(HUNDREDS)
            .input(
                PartitionValues.input(ENRICHED, EnrichedBlocks.class),
                PartitionMapping.integerToCoarser(BLOCKS_PER_ROLLUP))
            .description(
                "The USD volume per token of each 100 blocks (partition j: 100j..100j+99).")
            .output(BlockRangeVolume.class)
            .compute(
                ctx -> {
                  PartitionValues<EnrichedBlocks> blocks =
                      PartitionValues.read(ctx, ENRICHED, EnrichedBlocks.class);
                  ctx.addMetadata("blocks", blocks.keys().size());
                  return rollUp(blocks);
                }));
  }

  /**
   * Observes the hash of every block of {@code chain} (0 to its head) into the catalog, after
   * advancing the range's end to the head ({@link #advanceEnd}): the blocks whose hash changed
   * since the last observation make exactly their dependents stale (a block observed for the first
   * time changes nothing). Returns the block numbers whose hash changed.
   */
  public static IndexRangeSet observeHashes(AssetPartitions partitions, FakeChain chain) {
    advanceEnd(partitions, chain);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (ChainBlock block : chain.blocks()) {
      hashes.put(Long.toString(block.number()), block.hash());
    }
    return partitions.recordObservations(AssetKey.of(BLOCK_HASHES), hashes);
  }

  /**
   * Records {@code chain}'s head in the catalog: the end of {@link #CHAIN_RANGE} becomes the head +
   * 1, so the status bar, the counts of missing blocks and backfills reach the newest block, and
   * that of {@link #ROLLUP_RANGE} the number of complete hundreds (the same head again changes
   * nothing). Returns the recorded end of {@link #CHAIN_RANGE}.
   */
  public static long advanceEnd(AssetPartitions partitions, FakeChain chain) {
    long end = chain.head() + 1;
    partitions.advanceIntegerEnd(ROLLUP_RANGE, end / BLOCKS_PER_ROLLUP);
    return partitions.advanceIntegerEnd(CHAIN_RANGE, end).endExclusive();
  }

  /**
   * Starts a backfill of the per-block assets of blocks {@code first} to {@code last}; returns its
   * row.
   */
  public static BackfillRecord materializeBlocks(Assets assets, long first, long last) {
    return PartitionedLaunch.launch(
        assets, PER_BLOCK, PartitionSelection.range(Long.toString(first), Long.toString(last)));
  }

  /** Starts a backfill of the per-block assets of {@code blocks}; returns its row. */
  public static BackfillRecord materializeBlocks(Assets assets, List<String> blocks) {
    return PartitionedLaunch.launch(assets, PER_BLOCK, PartitionSelection.keys(blocks));
  }

  /**
   * Starts a backfill of the roll-ups of blocks {@code first} to {@code last} (both multiples of
   * 100 apart: partitions {@code first / 100} to {@code last / 100}); returns its row.
   */
  public static BackfillRecord materializeRollups(Assets assets, long first, long last) {
    return PartitionedLaunch.launch(
        assets,
        VOLUME_BY_HUNDRED_BLOCKS,
        PartitionSelection.range(
            Long.toString(first / BLOCKS_PER_ROLLUP), Long.toString(last / BLOCKS_PER_ROLLUP)));
  }

  static BlockRangeVolume rollUp(PartitionValues<EnrichedBlocks> blocks) {
    Map<String, Long> byToken = new TreeMap<>();
    long transfers = 0;
    for (EnrichedBlocks block : blocks.values()) {
      for (PricedTransfer p : block.transfers()) {
        byToken.merge(p.transfer().token(), p.usdCents(), Long::sum);
        transfers++;
      }
    }
    List<String> keys = blocks.keys();
    return new BlockRangeVolume(
        number(keys.get(0)), number(keys.get(keys.size() - 1)), transfers, byToken);
  }

  private static long number(String key) {
    return Long.parseLong(key);
  }
}
