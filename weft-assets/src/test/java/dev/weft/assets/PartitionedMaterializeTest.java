package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Partitioned materializations end to end on a real store: chunks, the catalog, cascades. */
class PartitionedMaterializeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  static final IntegerRangePartitions BLOCKS = IntegerRangePartitions.from(0);
  static final RetryPolicy ONCE = RetryPolicy.newBuilder().maximumAttempts(1).build();

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final Map<String, AtomicInteger> computes = new ConcurrentHashMap<>();
  private final InMemoryIoManager memory = new InMemoryIoManager();

  Assets start(TestStore kind, IoManager io, AssetsDefinition... defs) {
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("pmat-test"),
        assets -> assets.definitions(defs).ioManager(IoManager.DEFAULT, io));
  }

  PartitionStatusReader reader() {
    return engines.last().store().extension(PartitionStatusReader.class);
  }

  PartitionStatus status(String asset, long index) {
    return reader().status("default", asset, index).map(PartitionRangeState::status).orElse(null);
  }

  Object stored(String asset, String partition) {
    return memory.load(new InputContext(AssetKey.of(asset), partition, Object.class, null, null));
  }

  void count(String what) {
    computes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  int computed(String what) {
    return computes.getOrDefault(what, new AtomicInteger()).get();
  }

  void record(TestStore kind, String name, MaterializationHandle handle) {
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, engines.last().client().getHandle(handle.workflowId()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDailyAssetMaterializesThreeDaysOneComputePerDay(TestStore kind) {
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  count(ctx.partitionKey());
                  assertThat(ctx.hasPartitions()).isTrue();
                  assertThat(ctx.partitionKeys()).containsExactly(ctx.partitionKey());
                  return "prices of " + ctx.partitionKey();
                });
    Assets assets = start(kind, memory, prices);

    MaterializationHandle handle =
        assets.materialize("market/prices", PartitionSelection.range("2024-01-01", "2024-01-03"));
    MaterializationResult result = handle.await(WAIT);

    assertThat(result.succeeded()).isTrue();
    assertThat(computes).containsOnlyKeys("2024-01-01", "2024-01-02", "2024-01-03");
    assertThat(stored("market/prices", "2024-01-02")).isEqualTo("prices of 2024-01-02");
    assertThat(reader().counts("default", "market/prices").materialized()).isEqualTo(3);
    assertThat(reader().counts("default", "market/prices", new IndexRange(3, 31)).kept()).isZero();
    record(kind, "materialize-partitions-daily", handle);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRangedIntegerAssetComputesAThousandBlocksInChunksOfAHundred(TestStore kind) {
    List<IndexRange> ranges = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(BLOCKS)
            .rangedCompute(100)
            .output(Long.class)
            .compute(
                ctx -> {
                  mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                  running.decrementAndGet();
                  ranges.add(ctx.partitionRange());
                  assertThat(ctx.partitionKeys()).hasSize(100);
                  assertThatThrownBy(ctx::partitionKey)
                      .isInstanceOf(IllegalStateException.class)
                      .hasMessageContaining("chain/blocks")
                      .hasMessageContaining("100 partitions");
                  return ctx.partitionRange().start();
                });
    Assets assets = start(kind, memory, blocks);

    MaterializationResult result =
        assets.materialize("chain/blocks", PartitionSelection.range("0", "999"), 3).await(WAIT);

    assertThat(result.succeeded()).isTrue();
    assertThat(mostRunning.get()).isBetween(1, 3);
    assertThat(ranges).hasSize(10).allSatisfy(r -> assertThat(r.size()).isEqualTo(100));
    assertThat(ranges.stream().mapToLong(IndexRange::start).sorted().toArray())
        .containsExactly(0, 100, 200, 300, 400, 500, 600, 700, 800, 900);
    assertThat(stored("chain/blocks", "300..399")).isEqualTo(300L);
    assertThat(reader().counts("default", "chain/blocks").materialized()).isEqualTo(1000);
    assertThat(reader().counts("default", "chain/blocks", new IndexRange(1000, 2000)).kept())
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFailingPartitionIsRecordedFailedWhileTheOthersCommit(TestStore kind) {
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .retryPolicy(ONCE)
            .output(String.class)
            .compute(
                ctx -> {
                  if (ctx.partitionKey().equals("2024-01-02")) {
                    throw new IllegalStateException("no quotes for 2024-01-02 yet");
                  }
                  return ctx.partitionKey();
                });
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .input("market/prices", String.class)
            .output(String.class)
            .compute(
                ctx -> {
                  count("returns " + ctx.partitionKey());
                  return "r" + ctx.input("market/prices", String.class);
                });
    Assets assets = start(kind, memory, prices, returns);

    MaterializationHandle handle =
        assets.materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-03"));
    MaterializationResult result = handle.await(WAIT);

    assertThat(result.succeeded()).isFalse();
    AssetOutcome failed = result.outcome(AssetKey.of("market/prices")).orElseThrow();
    assertThat(failed.status()).isEqualTo(AssetOutcome.Status.FAILED);
    assertThat(failed.message()).contains("2024-01-02").contains("no quotes");
    assertThat(result.outcome(AssetKey.of("market/returns")).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.SKIPPED);
    assertThat(status("market/prices", 0)).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(status("market/prices", 1)).isEqualTo(PartitionStatus.FAILED);
    assertThat(status("market/prices", 2)).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(computes).containsOnlyKeys("returns 2024-01-01", "returns 2024-01-03");
    assertThat(status("market/returns", 1)).isNull();
    assertThat(reader().counts("default", "market/returns").materialized()).isEqualTo(2);
    record(kind, "materialize-partitions-failed-day", handle);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDownstreamChunkStartsWhenItsOwnUpstreamChunkCommitted(TestStore kind) {
    CountDownLatch firstDayDownstream = new CountDownLatch(1);
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  if (ctx.partitionKey().equals("2024-01-03")
                      && !firstDayDownstream.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("downstream of day 1 did not run first");
                  }
                  return ctx.partitionKey();
                });
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .input("market/prices", String.class)
            .output(String.class)
            .compute(
                ctx -> {
                  if (ctx.partitionKey().equals("2024-01-01")) {
                    firstDayDownstream.countDown();
                  }
                  return "r" + ctx.input("market/prices", String.class);
                });
    Assets assets = start(kind, memory, prices, returns);

    MaterializationResult result =
        assets
            .materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-03"))
            .await(WAIT);

    assertThat(result.succeeded()).isTrue();
    assertThat(stored("market/returns", "2024-01-03")).isEqualTo("r2024-01-03");
    assertThat(reader().counts("default", "market/returns").materialized()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void inputsMappedWithYesterdaysWindowLoadYesterdayAndCascadeStaleness(TestStore kind) {
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .codeVersion("v1")
            .output(String.class)
            .compute(ctx -> "p" + ctx.partitionKey());
    AssetDefinition change =
        Asset.builder("market/change")
            .partitions(DAILY)
            .input("market/prices", String.class, PartitionMapping.timeWindow(-1))
            .output(String.class)
            .compute(
                ctx -> ctx.partitionKey() + " from " + ctx.input("market/prices", String.class));
    AssetDefinition report =
        Asset.builder("market/report")
            .partitions(DAILY)
            .input("market/change", String.class)
            .output(String.class)
            .compute(ctx -> "report " + ctx.input("market/change", String.class));
    Assets assets = start(kind, memory, prices, change, report);
    assertThat(
            assets
                .materialize("market/prices", PartitionSelection.range("2024-01-01", "2024-01-03"))
                .await(WAIT)
                .succeeded())
        .isTrue();
    assertThat(
            assets
                .materialize("market/change+", PartitionSelection.range("2024-01-02", "2024-01-03"))
                .await(WAIT)
                .succeeded())
        .isTrue();
    assertThat(stored("market/change", "2024-01-03")).isEqualTo("2024-01-03 from p2024-01-02");
    assertThat(stored("market/report", "2024-01-02"))
        .isEqualTo("report 2024-01-02 from p2024-01-01");

    assertThat(
            assets
                .materialize("market/prices", PartitionSelection.keys("2024-01-02"))
                .await(WAIT)
                .succeeded())
        .isTrue();

    PartitionRangeState changed = reader().status("default", "market/change", 2).orElseThrow();
    assertThat(changed.status()).isEqualTo(PartitionStatus.STALE);
    assertThat(changed.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_NEWER_DATA);
              assertThat(r.upstreamKey()).isEqualTo("market/prices");
            });
    assertThat(status("market/change", 1)).isEqualTo(PartitionStatus.MATERIALIZED);
    PartitionRangeState reported = reader().status("default", "market/report", 2).orElseThrow();
    assertThat(reported.status()).isEqualTo(PartitionStatus.STALE);
    assertThat(reported.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_STALE);
              assertThat(r.upstreamKey()).isEqualTo("market/change");
              assertThat(r.rootCauseKey()).isEqualTo("market/prices");
            });
    assertThat(status("market/report", 1)).isEqualTo(PartitionStatus.MATERIALIZED);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aKillMidRunResumesOnlyTheChunksThatHadNotCommitted(TestStore kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger blocking = new AtomicInteger(1);
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(BLOCKS)
            .rangedCompute(100)
            .retryPolicy(
                RetryPolicy.newBuilder()
                    .initialInterval(Duration.ofMillis(100))
                    .maximumAttempts(5)
                    .build())
            .startToCloseTimeout(Duration.ofSeconds(10))
            .output(Long.class)
            .compute(
                ctx -> {
                  long start = ctx.partitionRange().start();
                  count("chunk " + start);
                  if (start == 500 && blocking.get() == 1) {
                    entered.countDown();
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException("interrupted by the kill", e);
                    }
                  }
                  return start;
                });
    FileIoManager files = FileIoManager.json(dir.resolve("data"));
    Assets assets =
        engines.start(
            kind.open(dir),
            engine -> engine.nodeId("pmat-test").shutdownTimeout(Duration.ofMillis(100)),
            builder -> builder.definitions(blocks).ioManager(IoManager.DEFAULT, files));
    WeftEngine first = engines.last();
    MaterializationHandle handle =
        assets.materialize("chain/blocks", PartitionSelection.range("0", "999"));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                first
                        .store()
                        .extension(PartitionStatusReader.class)
                        .counts("default", "chain/blocks")
                        .materialized()
                    == 900);
    first.close();
    blocking.set(0);

    Assets again = start(kind, files, blocks);
    MaterializationResult result = again.handle(handle.workflowId()).await(WAIT);
    never.countDown();

    assertThat(result.succeeded()).isTrue();
    for (long start = 0; start < 1000; start += 100) {
      assertThat(computed("chunk " + start))
          .as("computes of chunk " + start)
          .isEqualTo(start == 500 ? 2 : 1);
    }
    assertThat(reader().counts("default", "chain/blocks").materialized()).isEqualTo(1000);
    assertThat(reader().counts("default", "chain/blocks").inProgress()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badPartitionSelectionsAreRefusedBeforeAnythingStarts(TestStore kind) {
    AssetDefinition prices =
        Asset.builder("market/prices").partitions(DAILY).compute(ctx -> ctx.partitionKey());
    AssetDefinition blocks =
        Asset.builder("chain/blocks").partitions(BLOCKS).compute(ctx -> ctx.partitionKey());
    AssetDefinition plain = Asset.builder("plain").compute(ctx -> 1);
    Assets assets = start(kind, memory, prices, blocks, plain);

    assertThatThrownBy(
            () -> assets.materialize("market/prices", PartitionSelection.keys("2023-12-31")))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("2023-12-31")
        .hasMessageContaining("market/prices")
        .hasMessageContaining(DAILY.toString());
    assertThatThrownBy(
            () ->
                assets.materialize(
                    "market/prices", PartitionSelection.range("2024-01-05", "2024-01-01")))
        .isInstanceOf(PartitionKeyException.class)
        .hasMessageContaining("market/prices")
        .hasMessageContaining("no partition");
    assertThatThrownBy(
            () ->
                assets.materialize(
                    "market/prices chain/blocks", PartitionSelection.keys("2024-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("market/prices")
        .hasMessageContaining("chain/blocks")
        .hasMessageContaining("spans 2 partitions definitions");
    assertThatThrownBy(() -> assets.materialize("plain", PartitionSelection.keys("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain is not partitioned");
    assertThat(reader().counts("default", "market/prices").kept()).isZero();
    assertThat(reader().counts("default", "chain/blocks").kept()).isZero();
  }
}
