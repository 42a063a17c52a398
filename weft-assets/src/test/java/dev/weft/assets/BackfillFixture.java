package dev.weft.assets;

import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the backfill tests share: engines on a real store (closed after each test), a count of the
 * computes by name, the daily market assets, and waits and reads of a backfill's row. Register it
 * with {@code @RegisterExtension}.
 */
final class BackfillFixture implements AfterEachCallback {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  static final RetryPolicy ONCE = RetryPolicy.newBuilder().maximumAttempts(1).build();
  static final PartitionSelection JANUARY = PartitionSelection.range("2024-01-01", "2024-01-31");

  final InMemoryIoManager memory = new InMemoryIoManager();
  private final List<WeftEngine> engines = new ArrayList<>();
  private final Map<String, AtomicInteger> computes = new ConcurrentHashMap<>();

  @Override
  public void afterEach(ExtensionContext context) {
    engines.forEach(WeftEngine::close);
  }

  /** Starts an engine on {@code kind}'s store in {@code dir} with the definitions. */
  Assets start(TestStore kind, Path dir, IoManager io, AssetsDefinition... defs) {
    return start(WeftEngine.builder().store(kind.open(dir)).nodeId("bf-test").build(), io, defs);
  }

  /** Starts {@code engine} with the definitions; it is closed after the test. */
  Assets start(WeftEngine engine, IoManager io, AssetsDefinition... defs) {
    engines.add(engine);
    Assets assets =
        Assets.builder(engine).definitions(List.of(defs)).ioManager(IoManager.DEFAULT, io).build();
    engine.start();
    return assets;
  }

  /** The engine started last. */
  WeftEngine engine() {
    return engines.getLast();
  }

  void count(String what) {
    computes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  int computed(String what) {
    return computes.getOrDefault(what, new AtomicInteger()).get();
  }

  int computedTotal() {
    return computes.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Each count, by name. */
  Map<String, AtomicInteger> computes() {
    return computes;
  }

  /** Writes the backfill's history as a replay twin's when recording is on (SQLite runs only). */
  void record(TestStore kind, String name, BackfillRecord backfill) {
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, engine().client().getHandle(backfill.workflowId()));
    }
  }

  static BackfillRecord awaitEnd(Assets assets, String id) {
    Awaitility.await().atMost(WAIT).until(() -> assets.backfills().describe(id).status().ended());
    return assets.backfills().describe(id);
  }

  static BackfillAssetProgress progress(BackfillRecord r, String asset) {
    return r.assets().stream().filter(a -> a.assetKey().equals(asset)).findFirst().orElseThrow();
  }

  /** Daily prices, computed once per try; 2024-01-15 fails while {@code broken}. */
  AssetDefinition prices(AtomicBoolean broken) {
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

  /** Daily returns of the same day's prices. */
  AssetDefinition returns() {
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

  /** A daily asset whose first compute waits for {@code release}. */
  AssetDefinition blockingDaily(CountDownLatch entered, CountDownLatch release) {
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
}
