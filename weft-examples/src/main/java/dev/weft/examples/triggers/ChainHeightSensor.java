package dev.weft.examples.triggers;

import dev.weft.assets.AssetPartitions;
import dev.weft.examples.assets.blocks.BlockAssets;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorContext;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.TriggerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sensor {@value ExampleTriggers#CHAIN_HEIGHT}: reads the fake chain's height and requests one
 * ingestion per new block, a materialization of that block's partition of the per-block assets
 * ({@link BlockAssets#PER_BLOCK}), with the block number as the dedupe key, so a block is ingested
 * once whatever evaluation sees it again. The cursor is the last height seen.
 *
 * <p>The first evaluation (no cursor) only records the height: the blocks up to it are the ones the
 * partitioned examples backfill on the node's first start. Each evaluation first records the head
 * in the catalog ({@link BlockAssets#advanceEnd}), so the new blocks' partitions exist when their
 * ingestion starts. A head below the cursor (the fake chain starts again at each start of {@code
 * weft dev}) requests nothing until the chain grows past the cursor.
 */
public final class ChainHeightSensor implements SensorFunction {
  private final FakeChain chain;
  private final AssetPartitions partitions;

  /** Watches {@code chain}, recording its head in the catalog of {@code partitions}. */
  public ChainHeightSensor(FakeChain chain, AssetPartitions partitions) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.partitions = Objects.requireNonNull(partitions, "partitions");
  }

  @Override
  public SensorResult evaluate(SensorContext context) {
    long head = chain.head();
    BlockAssets.advanceEnd(partitions, chain);
    if (context.cursor() == null) {
      return SensorResult.skip(
          "first look: watching from height " + head + " (the blocks up to it are backfilled)",
          Long.toString(head));
    }
    long seen = seenHeight(context.cursor());
    if (head <= seen) {
      return SensorResult.skip("no new block: height " + head + ", last seen " + seen);
    }
    List<RunRequest> requests = new ArrayList<>();
    for (long block = seen + 1; block <= head; block++) {
      requests.add(ingestion(block));
    }
    return SensorResult.requests(Long.toString(head), requests);
  }

  /** The ingestion of {@code block}: its partition of the per-block assets, keyed by its number. */
  public static RunRequest ingestion(long block) {
    String key = Long.toString(block);
    return new RunRequest(key, TriggerAction.Materialize.partition(BlockAssets.PER_BLOCK, key));
  }

  private static long seenHeight(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cursor of sensor "
              + ExampleTriggers.CHAIN_HEIGHT
              + " is '"
              + cursor
              + "': expected the last seen block height (a number)",
          e);
    }
  }
}
