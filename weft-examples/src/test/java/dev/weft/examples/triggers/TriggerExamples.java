package dev.weft.examples.triggers;

import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.ExampleAssets;
import dev.weft.examples.assets.PartitionedExamples;
import dev.weft.examples.assets.blocks.TokenMetadata;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.VendorFiles;
import dev.weft.examples.assets.trades.DailyMetricsLogic;

/** The example assets the triggers act on, small: a per-block chain of 10 blocks (0 to 9). */
final class TriggerExamples {
  static final int BLOCKS = 10;

  private TriggerExamples() {}

  /** The partitioned examples over a chain of {@link #BLOCKS} blocks, every vendor file on time. */
  static PartitionedExamples partitioned() {
    return new PartitionedExamples(
        VendorFiles.withLateDays(),
        FakeChain.generate(BLOCKS, PartitionedExamples.DEV_SEED),
        TokenMetadata.published());
  }

  /** Registers the example assets over {@code partitioned} on {@code engine}, values in memory. */
  static Assets register(WeftEngine engine, PartitionedExamples partitioned) {
    return ExampleAssets.register(
        engine,
        new InMemoryIoManager(),
        FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED),
        DailyMetricsLogic.V1,
        partitioned);
  }
}
