package dev.weft.examples.assets;

import static dev.weft.examples.assets.blocks.BlockAssets.BLOCKS_BY_NUMBER;
import static dev.weft.examples.assets.blocks.BlockAssets.ENRICHED;
import static dev.weft.examples.assets.blocks.BlockAssets.TRANSFERS;
import static dev.weft.examples.assets.blocks.BlockAssets.VOLUME_BY_HUNDRED_BLOCKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.InputContext;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionSpan;
import dev.weft.client.PendingActivity;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.blocks.BlockAssets;
import dev.weft.examples.assets.blocks.BlockRangeVolume;
import dev.weft.examples.assets.blocks.TokenMetadata;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.dailytrades.VendorFiles;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocks on integer-range partitions, on a manual clock: a block whose token metadata is not
 * there yet is retried 30 minutes later while every other block materializes; a re-org of the last
 * 15 blocks, observed, makes exactly those 15 blocks and their dependents (one 100-block roll-up)
 * stale, and rematerializing the stale partitions reprocesses exactly them.
 */
class BlockAssetsTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int HEIGHT = 200;
  private static final long PENDING = 42;
  private static final int REORG_DEPTH = 15;
  private static final List<String> PER_BLOCK = List.of(BLOCKS_BY_NUMBER, TRANSFERS, ENRICHED);

  @TempDir Path dir;
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final InMemoryIoManager memory = new InMemoryIoManager();
  private final FakeChain chain = FakeChain.generate(HEIGHT, PartitionedExamples.DEV_SEED);
  private final TokenMetadata metadata = TokenMetadata.pending(PENDING);
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Assets start(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).clock(clock).build();
    Assets assets =
        ExampleAssets.register(
            engine,
            memory,
            FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED),
            DailyMetricsLogic.V1,
            new PartitionedExamples(VendorFiles.withLateDays(), chain, metadata),
            clock.asJavaClock());
    engine.start();
    return assets;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPendingBlockRetriesAloneAndAReorgOfTheLast15BlocksReprocessesExactlyThem(TestStore store) {
    Assets assets = start(store);
    assertThat(BlockAssets.observeHashes(assets.partitions(), chain))
        .as("a first observation changes nothing")
        .isEqualTo(IndexRangeSet.empty());
    assertThat(assets.partitions().status(key(BlockAssets.BLOCK_HASHES), "7").state().dataVersion())
        .isEqualTo(chain.block(7).hash());
    assertThat(assets.partitions().integerEnd(BlockAssets.CHAIN_RANGE).orElseThrow().endExclusive())
        .as("observing the chain recorded its head")
        .isEqualTo(HEIGHT);
    assertThat(counts(assets, ENRICHED).missing()).isEqualTo(HEIGHT);
    assertThat(counts(assets, VOLUME_BY_HUNDRED_BLOCKS).missing())
        .as("the complete hundreds of blocks")
        .isEqualTo(HEIGHT / BlockAssets.BLOCKS_PER_ROLLUP);

    BackfillRecord first = BlockAssets.materializeBlocks(assets, 0, HEIGHT - 1);

    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                waitingRetries(first).size() == 1
                    && isMaterialized(assets, ENRICHED, PENDING - 1)
                    && isMaterialized(assets, ENRICHED, PENDING + 1));
    PendingActivity retry = waitingRetries(first).get(0);
    assertThat(retry.attempt()).isEqualTo(1);
    assertThat(retry.nextAttemptAt())
        .as("retried 30 minutes after the failed lookup")
        .isEqualTo(START.plus(Duration.ofMinutes(30)));
    assertThat(retry.lastFailure())
        .contains("partitions 42")
        .contains("the token metadata of block 42 is not there yet");
    assertThat(isMaterialized(assets, TRANSFERS, PENDING))
        .as("the block's transfers, upstream of the lookup")
        .isTrue();
    assertThat(metadata.lookups(PENDING)).isEqualTo(1);
    assertThat(assets.partitions().status(key(ENRICHED), "42").status())
        .as("the block waits for its retry, not materialized, holding no claim")
        .isEqualTo(AssetPartitionStatus.MISSING);
    assertThat(engine.client().getHandle(first.workflowId()).describe().status())
        .isEqualTo(WorkflowStatus.RUNNING);

    metadata.publish(PENDING);
    clock.advance(Duration.ofMinutes(30));
    BackfillRecord done = BackfillAwait.ended(assets, first, WAIT);

    assertThat(done.status()).as("%s", done).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(metadata.lookups(PENDING)).isEqualTo(2);
    assertThat(metadata.lookups(PENDING + 1)).isEqualTo(1);
    for (String asset : PER_BLOCK) {
      assertThat(counts(assets, asset).materialized()).as(asset).isEqualTo(HEIGHT);
    }
    assertThat(
            BackfillAwait.ended(assets, BlockAssets.materializeRollups(assets, 0, HEIGHT - 1), WAIT)
                .status())
        .isEqualTo(BackfillStatus.COMPLETED);
    assertThat(counts(assets, VOLUME_BY_HUNDRED_BLOCKS).materialized()).isEqualTo(2);
    BlockRangeVolume before = rollup("1");
    assertThat(before.firstBlock()).isEqualTo(100);
    assertThat(before.lastBlock()).isEqualTo(199);
    assertThat(before.transfers()).isEqualTo(transfersOnChain(100, 199));

    long reorged = chain.reorgLast(REORG_DEPTH);
    IndexRangeSet changed = BlockAssets.observeHashes(assets.partitions(), chain);

    assertThat(reorged).isEqualTo(HEIGHT - REORG_DEPTH);
    assertThat(changed).isEqualTo(IndexRangeSet.of(new IndexRange(reorged, HEIGHT)));
    for (String asset : PER_BLOCK) {
      assertThat(stale(assets, asset))
          .as("%s stale", asset)
          .isEqualTo(IndexRangeSet.of(new IndexRange(reorged, HEIGHT)));
    }
    assertThat(stale(assets, VOLUME_BY_HUNDRED_BLOCKS))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(1)));
    assertThat(
            assets
                .partitions()
                .status(key(BLOCKS_BY_NUMBER), Long.toString(reorged))
                .state()
                .reasons())
        .singleElement()
        .satisfies(r -> assertThat(r.upstreamKey()).isEqualTo(BlockAssets.BLOCK_HASHES));
    assertThat(assets.partitions().status(key(VOLUME_BY_HUNDRED_BLOCKS), "1").state().reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_STALE);
              assertThat(r.rootCauseKey()).isEqualTo(BlockAssets.BLOCK_HASHES);
            });

    BackfillRecord blocks =
        BackfillAwait.ended(
            assets, BlockAssets.materializeBlocks(assets, keys(stale(assets, ENRICHED))), WAIT);
    assertThat(blocks.status()).isEqualTo(BackfillStatus.COMPLETED);
    BackfillRecord rollups =
        BackfillAwait.ended(
            assets,
            PartitionedLaunch.launch(
                assets,
                VOLUME_BY_HUNDRED_BLOCKS,
                dev.weft.assets.PartitionSelection.keys(
                    keys(stale(assets, VOLUME_BY_HUNDRED_BLOCKS)))),
            WAIT);
    assertThat(rollups.status()).isEqualTo(BackfillStatus.COMPLETED);

    for (String asset : PER_BLOCK) {
      assertThat(materializedBy(assets, asset, runId(blocks)))
          .as("%s reprocessed", asset)
          .isEqualTo(IndexRangeSet.of(new IndexRange(reorged, HEIGHT)));
      assertThat(counts(assets, asset).stale()).isZero();
    }
    assertThat(materializedBy(assets, VOLUME_BY_HUNDRED_BLOCKS, runId(rollups)))
        .isEqualTo(IndexRangeSet.of(IndexRange.of(1)));
    assertThat(counts(assets, VOLUME_BY_HUNDRED_BLOCKS).stale()).isZero();
    assertThat(metadata.lookups(reorged)).isEqualTo(2);
    assertThat(metadata.lookups(reorged - 1)).isEqualTo(1);
    assertThat(rollup("1").transfers()).isEqualTo(transfersOnChain(100, 199));
    assertThat(rollup("0")).as("the first 100 blocks were not touched").isNotNull();

    long head = chain.mine(10);
    assertThat(BlockAssets.observeHashes(assets.partitions(), chain))
        .as("the chain grew: new blocks are observed, no hash changed")
        .isEqualTo(IndexRangeSet.empty());
    assertThat(
            assets
                .partitions()
                .status(key(BlockAssets.BLOCK_HASHES), Long.toString(head))
                .state()
                .dataVersion())
        .isEqualTo(chain.block(head).hash());
    assertThat(counts(assets, BLOCKS_BY_NUMBER).stale()).isZero();
    assertThat(assets.partitions().integerEnd(BlockAssets.CHAIN_RANGE).orElseThrow().endExclusive())
        .as("the end advanced with the new blocks")
        .isEqualTo(head + 1);
    assertThat(counts(assets, BLOCKS_BY_NUMBER).missing())
        .as("the ten new blocks, not materialized yet")
        .isEqualTo(10);
  }

  /**
   * The run of a backfill of one window (its last run: one window is one run of its workflow),
   * which the partitions it materialized record.
   */
  private String runId(BackfillRecord backfill) {
    return engine.client().getHandle(backfill.workflowId()).runId();
  }

  /** The activities of the backfill's current run that wait for a retry (no attempt running). */
  private List<PendingActivity> waitingRetries(BackfillRecord backfill) {
    return engine.client().getHandle(backfill.workflowId()).describe().pendingActivities().stream()
        .filter(a -> !a.running() && a.nextAttemptAt() != null)
        .toList();
  }

  private long transfersOnChain(long first, long last) {
    long n = 0;
    for (long b = first; b <= last; b++) {
      n += chain.block(b).transactions().size();
    }
    return n;
  }

  private BlockRangeVolume rollup(String partition) {
    return (BlockRangeVolume)
        memory.load(
            new InputContext(key(VOLUME_BY_HUNDRED_BLOCKS), partition, Object.class, null, null));
  }

  private static boolean isMaterialized(Assets assets, String asset, long block) {
    return assets.partitions().status(key(asset), Long.toString(block)).status()
        == AssetPartitionStatus.MATERIALIZED;
  }

  private static AssetPartitionCounts counts(Assets assets, String asset) {
    return assets.partitions().counts(key(asset));
  }

  private static IndexRangeSet stale(Assets assets, String asset) {
    return ranges(assets, asset, AssetPartitionStatus.STALE, null);
  }

  private static IndexRangeSet materializedBy(Assets assets, String asset, String runId) {
    return ranges(assets, asset, AssetPartitionStatus.MATERIALIZED, runId);
  }

  private static IndexRangeSet ranges(
      Assets assets, String asset, AssetPartitionStatus status, String runId) {
    List<IndexRange> ranges = new ArrayList<>();
    String token = null;
    do {
      var page = assets.partitions().list(key(asset), status, token, 1000);
      for (PartitionSpan span : page.spans()) {
        if (runId == null || runId.equals(span.state().runId())) {
          ranges.add(span.state().range());
        }
      }
      token = page.nextPageToken();
    } while (token != null);
    return IndexRangeSet.of(ranges);
  }

  private static List<String> keys(IndexRangeSet set) {
    List<String> keys = new ArrayList<>();
    for (IndexRange r : set.ranges()) {
      for (long i = r.start(); i < r.end(); i++) {
        keys.add(Long.toString(i));
      }
    }
    return keys;
  }

  private static AssetKey key(String path) {
    return AssetKey.of(path);
  }
}
