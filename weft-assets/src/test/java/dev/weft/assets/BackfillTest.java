package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backfills end to end on a real store: progress, failures and retries, pause, cancel, restarts.
 */
class BackfillTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  private static final RetryPolicy ONCE = RetryPolicy.newBuilder().maximumAttempts(1).build();
  private static final PartitionSelection JANUARY =
      PartitionSelection.range("2024-01-01", "2024-01-31");

  @TempDir Path dir;
  private final List<WeftEngine> engines = new ArrayList<>();
  private final Map<String, AtomicInteger> computes = new ConcurrentHashMap<>();
  private final InMemoryIoManager memory = new InMemoryIoManager();

  @AfterEach
  void closeEngines() {
    engines.forEach(WeftEngine::close);
  }

  private Assets start(TestStore kind, IoManager io, AssetsDefinition... defs) {
    WeftEngine engine = WeftEngine.builder().store(kind.open(dir)).nodeId("bf-test").build();
    engines.add(engine);
    Assets assets =
        Assets.builder(engine).definitions(List.of(defs)).ioManager(IoManager.DEFAULT, io).build();
    engine.start();
    return assets;
  }

  private void count(String what) {
    computes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private int computed(String what) {
    return computes.getOrDefault(what, new AtomicInteger()).get();
  }

  private void record(TestStore kind, String name, BackfillRecord backfill) {
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, engines.getLast().client().getHandle(backfill.workflowId()));
    }
  }

  private int computedTotal() {
    return computes.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private static BackfillRecord awaitEnd(Assets assets, String id) {
    Awaitility.await().atMost(WAIT).until(() -> assets.backfills().describe(id).status().ended());
    return assets.backfills().describe(id);
  }

  private static BackfillAssetProgress progress(BackfillRecord r, String asset) {
    return r.assets().stream().filter(a -> a.assetKey().equals(asset)).findFirst().orElseThrow();
  }

  private AssetDefinition prices(AtomicBoolean broken) {
    return Asset.builder("market/prices")
        .partitions(DAILY)
        .retryPolicy(ONCE)
        .output(String.class)
        .compute(
            ctx -> {
              count("prices " + ctx.partitionKey());
              if (broken.get() && ctx.partitionKey().equals("2024-01-15")) {
                throw new IllegalStateException("no quotes for 2024-01-15 yet");
              }
              return "p" + ctx.partitionKey();
            });
  }

  private AssetDefinition returns() {
    return Asset.builder("market/returns")
        .partitions(DAILY)
        .input("market/prices", String.class)
        .output(String.class)
        .compute(
            ctx -> {
              count("returns " + ctx.partitionKey());
              return "r" + ctx.input("market/prices", String.class);
            });
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMonthWithOneFailingDayFailsThatDaySkipsItsDownstreamAndARetryRunsOnlyThem(TestStore kind) {
    AtomicBoolean broken = new AtomicBoolean(true);
    Assets assets = start(kind, memory, prices(broken), returns());
    BackfillRequest request = BackfillRequest.of("market/prices+", JANUARY).maxConcurrentRuns(4);

    BackfillDryRun dry = assets.backfills().dryRun(request);
    assertThat(dry.assets())
        .containsExactly(
            new BackfillDryRun.Asset("market/prices", 31, 31),
            new BackfillDryRun.Asset("market/returns", 31, 31));
    assertThat(dry.runs()).isEqualTo(62);
    assertThat(assets.backfills().list(null, null, 10).backfills()).isEmpty();

    BackfillRecord launched = assets.backfills().launch(request);
    assertThat(launched.workflowId()).isEqualTo("__weft_backfill:" + launched.backfillId());
    BackfillRecord ended = awaitEnd(assets, launched.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.FAILED);
    assertThat(ended.endedAt()).isNotNull();
    assertThat(progress(ended, "market/prices"))
        .isEqualTo(new BackfillAssetProgress("market/prices", 31, 30, 1, 0, 0));
    assertThat(progress(ended, "market/returns"))
        .isEqualTo(new BackfillAssetProgress("market/returns", 31, 30, 0, 0, 1));
    List<BackfillChunk> failed =
        assets.backfills().failed(launched.backfillId(), null, 10).chunks();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).assetKey()).isEqualTo("market/prices");
    assertThat(failed.get(0).fromKey()).isEqualTo("2024-01-15");
    assertThat(failed.get(0).error()).contains("no quotes for 2024-01-15");
    assertThat(computed("returns 2024-01-15")).isZero();
    assertThat(computedTotal()).isEqualTo(61);
    record(kind, "backfill-month-failed-day", ended);

    broken.set(false);
    BackfillRecord retry = assets.backfills().retryFailed(launched.backfillId());
    assertThat(retry.retryOf()).isEqualTo(launched.backfillId());
    BackfillRecord retried = awaitEnd(assets, retry.backfillId());

    assertThat(retried.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(retried.assets())
        .containsExactly(
            new BackfillAssetProgress("market/prices", 1, 1, 0, 0, 0),
            new BackfillAssetProgress("market/returns", 1, 1, 0, 0, 0));
    assertThat(computed("prices 2024-01-15")).isEqualTo(2);
    assertThat(computed("returns 2024-01-15")).isEqualTo(1);
    assertThat(computedTotal()).isEqualTo(63);
    assertThatThrownBy(() -> assets.backfills().retryFailed(retry.backfillId()))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.NOTHING_FAILED))
        .hasMessageContaining(retry.backfillId());
    assertThat(assets.backfills().list(null, null, 10).backfills())
        .extracting(BackfillRecord::backfillId)
        .containsExactly(retry.backfillId(), launched.backfillId());
    assertThat(assets.backfills().list(BackfillStatus.FAILED, null, 10).backfills())
        .extracting(BackfillRecord::backfillId)
        .containsExactly(launched.backfillId());
  }

  /** A daily asset whose first compute waits for {@code release}. */
  private AssetDefinition blockingDaily(CountDownLatch entered, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return Asset.builder("market/prices")
        .partitions(DAILY)
        .output(String.class)
        .compute(
            ctx -> {
              count(ctx.partitionKey());
              if (first.getAndSet(false)) {
                entered.countDown();
                try {
                  release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return ctx.partitionKey();
            });
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPausedBackfillStartsNoNewComputeUntilResumed(TestStore kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Assets assets = start(kind, memory, blockingDaily(entered, release));
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-05"))
                    .maxConcurrentRuns(1));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(assets.backfills().pause(bf.backfillId()).status()).isEqualTo(BackfillStatus.PAUSED);
    release.countDown();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                progress(assets.backfills().describe(bf.backfillId()), "market/prices")
                        .materialized()
                    == 1);
    Awaitility.await()
        .during(Duration.ofMillis(500))
        .atMost(WAIT)
        .until(() -> computedTotal() == 1);
    assertThat(assets.backfills().describe(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.PAUSED);

    assertThat(assets.backfills().resume(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.RUNNING);
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());
    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(computedTotal()).isEqualTo(5);
    record(kind, "backfill-paused-resumed", ended);
    assertThatThrownBy(() -> assets.backfills().pause(bf.backfillId()))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.ENDED))
        .hasMessageContaining("ended already");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCanceledBackfillLetsTheRunningComputeEndStartsNoOtherAndReleasesItsClaims(TestStore kind)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Assets assets = start(kind, memory, blockingDaily(entered, release));
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-05"))
                    .maxConcurrentRuns(1));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(assets.backfills().cancel(bf.backfillId()).status())
        .isEqualTo(BackfillStatus.CANCELING);
    release.countDown();
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.CANCELED);
    record(kind, "backfill-canceled", ended);
    BackfillAssetProgress p = progress(ended, "market/prices");
    assertThat(p.materialized()).isEqualTo(1);
    assertThat(p.inProgress()).isZero();
    assertThat(p.pending()).isEqualTo(4);
    assertThat(computedTotal()).isEqualTo(1);
    PartitionStatusReader reader = engines.getLast().store().extension(PartitionStatusReader.class);
    assertThat(reader.counts("default", "market/prices").inProgress()).isZero();
    assertThat(reader.counts("default", "market/prices").materialized()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void atMostMaxConcurrentRunsComputeAtOnce(TestStore kind) {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  three.countDown();
                  try {
                    three.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  running.decrementAndGet();
                  return ctx.partitionKey();
                });
    Assets assets = start(kind, memory, prices);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices", PartitionSelection.range("2024-01-01", "2024-01-12"))
                    .maxConcurrentRuns(3));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(three.getCount()).isZero();
    assertThat(most.get()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDownstreamPartitionStartsBeforeTheUpstreamFinishedAllItsPartitions(TestStore kind) {
    CountDownLatch downstreamRan = new CountDownLatch(1);
    AtomicBoolean sawDownstreamFirst = new AtomicBoolean();
    List<String> order = new CopyOnWriteArrayList<>();
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .output(String.class)
            .compute(
                ctx -> {
                  order.add("prices " + ctx.partitionKey());
                  if (ctx.partitionKey().equals("2024-01-10")) {
                    try {
                      sawDownstreamFirst.set(downstreamRan.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
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
                  order.add("returns " + ctx.partitionKey());
                  downstreamRan.countDown();
                  return ctx.partitionKey();
                });
    Assets assets = start(kind, memory, prices, returns);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of(
                        "market/prices+", PartitionSelection.range("2024-01-01", "2024-01-10"))
                    .maxConcurrentRuns(2));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(sawDownstreamFirst.get())
        .as("a downstream compute ran before prices 2024-01-10 ended")
        .isTrue();
    assertThat(order.indexOf("returns 2024-01-01")).isLessThan(order.size() - 1);
    assertThat(order).hasSize(20);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillKilledMidRunFinishesAfterARestartMaterializingEachPartitionOnce(TestStore kind)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger blocking = new AtomicInteger(1);
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(IntegerRangePartitions.from(0))
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
    WeftEngine first =
        WeftEngine.builder()
            .store(kind.open(dir))
            .nodeId("bf-test")
            .shutdownTimeout(Duration.ofMillis(100))
            .build();
    engines.add(first);
    Assets assets =
        Assets.builder(first).definitions(blocks).ioManager(IoManager.DEFAULT, files).build();
    first.start();
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of("chain/blocks", PartitionSelection.range("0", "999"))
                    .maxConcurrentRuns(4));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                progress(assets.backfills().describe(bf.backfillId()), "chain/blocks")
                        .materialized()
                    == 900);
    first.close();
    blocking.set(0);

    Assets again = start(kind, files, blocks);
    BackfillRecord ended = awaitEnd(again, bf.backfillId());
    never.countDown();

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(progress(ended, "chain/blocks"))
        .isEqualTo(new BackfillAssetProgress("chain/blocks", 1000, 1000, 0, 0, 0));
    for (long start = 0; start < 1000; start += 100) {
      assertThat(computed("chunk " + start))
          .as("computes of chunk " + start)
          .isEqualTo(start == 500 ? 2 : 1);
    }
    PartitionStatusReader reader = engines.getLast().store().extension(PartitionStatusReader.class);
    assertThat(reader.counts("default", "chain/blocks").materialized()).isEqualTo(1000);
    assertThat(reader.counts("default", "chain/blocks").inProgress()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputIsRefusedNamingAssetPartitionAndDefinitionWithNothingRecorded(TestStore kind) {
    AssetDefinition plain = Asset.builder("plain").compute(ctx -> 1);
    Assets assets = start(kind, memory, prices(new AtomicBoolean()), plain);
    CatalogBackfills server =
        new CatalogBackfills(
            engines.getLast().client(), engines.getLast().store(), "default", Clock.systemUTC());

    for (var backfills :
        List.<java.util.function.Consumer<BackfillRequest>>of(
            r -> assets.backfills().launch(r), server::launch)) {
      assertThatThrownBy(
              () ->
                  backfills.accept(
                      BackfillRequest.of(
                          "market/prices", PartitionSelection.range("2024-01-31", "2024-01-01"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("market/prices")
          .hasMessageContaining("holds no partition");
      assertThatThrownBy(
              () ->
                  backfills.accept(
                      BackfillRequest.of(
                          "market/prices", PartitionSelection.keys("2024-01-02", "2023-12-31"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("market/prices")
          .hasMessageContaining("2023-12-31")
          .hasMessageContaining("daily");
      assertThatThrownBy(
              () -> backfills.accept(BackfillRequest.of("plain", PartitionSelection.keys("1"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain")
          .hasMessageContaining("not partitioned");
      assertThatThrownBy(
              () -> backfills.accept(BackfillRequest.of("nowhere", PartitionSelection.keys("1"))))
          .isInstanceOf(UnknownAssetException.class)
          .hasMessageContaining("nowhere");
    }
    assertThatThrownBy(() -> BackfillRequest.of("market/prices", JANUARY).maxConcurrentRuns(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentRuns is 0");
    assertThatThrownBy(() -> assets.backfills().describe("bf-nope"))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.NOT_FOUND))
        .hasMessageContaining("bf-nope");
    assertThat(assets.backfills().list(null, null, 10).backfills()).isEmpty();
    assertThat(server.dryRun(BackfillRequest.of("market/prices", JANUARY)).partitions())
        .isEqualTo(31);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillLargerThanOneWindowContinuesAsNewAndRunsEveryPartitionOnce(TestStore kind) {
    AssetDefinition blocks =
        Asset.builder("chain/blocks")
            .partitions(IntegerRangePartitions.from(0))
            .output(Long.class)
            .compute(
                ctx -> {
                  count("blocks " + ctx.partitionKey());
                  return 1L;
                });
    AssetDefinition sums =
        Asset.builder("chain/sums")
            .partitions(IntegerRangePartitions.from(0))
            .input("chain/blocks", Long.class)
            .output(Long.class)
            .compute(
                ctx -> {
                  count("sums " + ctx.partitionKey());
                  return ctx.input("chain/blocks", Long.class) + 1;
                });
    Assets assets = start(kind, memory, blocks, sums);
    BackfillRecord bf =
        assets
            .backfills()
            .launch(
                BackfillRequest.of("chain/blocks+", PartitionSelection.range("0", "249"))
                    .maxConcurrentRuns(16));
    BackfillRecord ended = awaitEnd(assets, bf.backfillId());

    assertThat(ended.status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(ended.assets())
        .containsExactly(
            new BackfillAssetProgress("chain/blocks", 250, 250, 0, 0, 0),
            new BackfillAssetProgress("chain/sums", 250, 250, 0, 0, 0));
    assertThat(computedTotal()).isEqualTo(500);
    assertThat(computes.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(engines.getLast().client().getHandle(bf.workflowId()).fetchHistory().events().size())
        .as("the last run's history holds one window's events, not the whole backfill's")
        .isLessThan(1_000);
  }
}
