package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.MaterializationEntry;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Materializations end to end on a real store: the workflow, its activities and the catalog. */
class MaterializeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final Map<String, AtomicInteger> computes = new ConcurrentHashMap<>();
  @RegisterExtension final AssetEngines engines = new AssetEngines();

  int computed(String key) {
    return computes.getOrDefault(key, new AtomicInteger()).get();
  }

  /** An asset whose value is 1 + the sum of its inputs, counting its computes. */
  AssetDefinition summing(String key, List<String> upstream, Function<AssetContext, Integer> hook) {
    AssetBuilder<Object> b = Asset.builder(key).codeVersion("v1");
    upstream.forEach(u -> b.input(u, Integer.class));
    return b.output(Integer.class)
        .compute(
            ctx -> {
              computes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
              int sum = 1;
              for (String u : upstream) {
                sum += ctx.input(u, Integer.class);
              }
              Integer extra = hook == null ? null : hook.apply(ctx);
              ctx.addMetadata("rows", sum);
              return extra == null ? sum : extra;
            });
  }

  /** 20 assets in 4 layers of 5; each reads two assets of the layer before. */
  List<AssetsDefinition> twentyAssets(Function<AssetContext, Integer> hook) {
    List<AssetsDefinition> defs = new ArrayList<>();
    for (int layer = 0; layer < 4; layer++) {
      for (int i = 0; i < 5; i++) {
        List<String> up =
            layer == 0
                ? List.of()
                : List.of("l" + (layer - 1) + "/a" + i, "l" + (layer - 1) + "/a" + ((i + 1) % 5));
        defs.add(summing("l" + layer + "/a" + i, up, hook));
      }
    }
    return defs;
  }

  Assets start(TestStore kind, List<AssetsDefinition> defs, IoManager io) {
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("assets-test"),
        assets -> assets.definitions(defs).ioManager(IoManager.DEFAULT, io));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void twentyAssetsMaterializeInDependencyOrderWithProvenance(TestStore kind) {
    InMemoryIoManager memory = new InMemoryIoManager();
    Assets assets = start(kind, twentyAssets(null), memory);

    MaterializationResult result = assets.materialize("*").await(WAIT);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.keys(AssetOutcome.Status.MATERIALIZED)).hasSize(20);
    assertThat(computes.values()).hasSize(20).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    // l1/a0 = 1 + l0/a0 + l0/a1 = 3; l2/a0 = 1 + 3 + 3 = 7; l3/a0 = 15
    assertThat(memory.get(AssetKey.of("l3/a0"))).contains(15);
    Map<String, AssetStateRecord> states =
        assets.status().stream().collect(Collectors.toMap(AssetStateRecord::assetKey, s -> s));
    assertThat(states).hasSize(20);
    assertThat(states.values())
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(AssetStatus.FRESH));
    AssetStateRecord l1 = states.get("l1/a0");
    assertThat(l1.current().runId()).isEqualTo(assets.handle(result.workflowId()).runId());
    assertThat(l1.current().codeVersion()).isEqualTo("v1");
    assertThat(l1.current().metadataJson()).contains("\"rows\":3");
    assertThat(l1.current().inputDataVersions())
        .containsOnlyKeys("l0/a0", "l0/a1")
        .containsEntry("l0/a0", states.get("l0/a0").current().dataVersion());
    assertThat(assets.history(AssetKey.of("l1/a0"), null, 10).entries()).hasSize(1);
    record(kind, "materialize-twenty-assets", result);
  }

  /** Records the run's history as a replay twin (on one store: the histories are the same). */
  void record(TestStore kind, String name, MaterializationResult result) {
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, engines.last().client().getHandle(result.workflowId()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSelectionMaterializesOnlyItsAssets(TestStore kind) {
    Assets assets = start(kind, twentyAssets(null), new InMemoryIoManager());
    MaterializationResult result = assets.materialize("+l2/a0").await(WAIT);
    assertThat(result.outcomes())
        .extracting(o -> o.key().path())
        .containsExactly("l0/a0", "l0/a1", "l0/a2", "l1/a0", "l1/a1", "l2/a0");
    assertThat(computes).hasSize(6);
    assertThatThrownBy(() -> assets.materialize("l9/a0"))
        .isInstanceOf(UnknownAssetException.class)
        .hasMessageContaining("unknown asset l9/a0");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aThrowingComputeIsRecordedFailedAndNothingDownstreamRuns(TestStore kind) {
    AtomicInteger failB = new AtomicInteger();
    List<AssetsDefinition> defs =
        List.of(
            summing("a", List.of(), null),
            summing(
                "b",
                List.of("a"),
                ctx -> {
                  if (failB.get() > 0) {
                    throw new IllegalStateException("decoder crashed");
                  }
                  return null;
                }),
            summing("c", List.of("b"), null));
    Assets assets = start(kind, defs, new InMemoryIoManager());
    assertThat(assets.materialize("*").await(WAIT).succeeded()).isTrue();
    String goodVersion = assets.status(AssetKey.of("b")).orElseThrow().current().dataVersion();

    failB.set(1);
    MaterializationResult result = assets.materialize("*").await(WAIT);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.outcome(AssetKey.of("a")).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.MATERIALIZED);
    AssetOutcome b = result.outcome(AssetKey.of("b")).orElseThrow();
    assertThat(b.status()).isEqualTo(AssetOutcome.Status.FAILED);
    assertThat(b.errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(b.message()).contains("asset b: compute failed").contains("decoder crashed");
    AssetOutcome c = result.outcome(AssetKey.of("c")).orElseThrow();
    assertThat(c.status()).isEqualTo(AssetOutcome.Status.SKIPPED);
    assertThat(c.message()).isEqualTo("upstream b failed");
    assertThat(computed("c")).isEqualTo(1);
    assertThat(computed("b")).isEqualTo(2);

    AssetStateRecord bState = assets.status(AssetKey.of("b")).orElseThrow();
    assertThat(bState.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(bState.lastFailureMessage()).contains("decoder crashed");
    assertThat(bState.current().dataVersion()).isEqualTo(goodVersion);
    List<MaterializationEntry> history = assets.history(AssetKey.of("b"), null, 10).entries();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).m()).isNull();
    assertThat(history.get(0).failureType()).isEqualTo("java.lang.IllegalStateException");
    record(kind, "materialize-failed-compute", result);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFailedBlockingCheckStopsTheDownstreamAssetsAndIsKept(TestStore kind) {
    List<AssetsDefinition> defs =
        List.of(
            Asset.builder("raw")
                .output(Integer.class)
                .check(
                    AssetCheck.<Integer>error(
                            "positive", v -> new CheckResult(v > 0, Map.of("value", v)))
                        .asBlocking())
                .check(AssetCheck.<Integer>warn("small", v -> CheckResult.of(v < 10)))
                .compute(ctx -> -1),
            summing("decoded", List.of("raw"), null));
    Assets assets = start(kind, defs, new InMemoryIoManager());
    MaterializationResult result = assets.materialize("*").await(WAIT);
    assertThat(result.failedBlockingChecks()).containsExactly("raw:positive");
    assertThat(result.outcome(AssetKey.of("raw")).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.MATERIALIZED);
    assertThat(result.outcome(AssetKey.of("decoded")).orElseThrow().message())
        .isEqualTo("upstream raw failed blocking check(s) [raw:positive]");
    assertThat(computed("decoded")).isZero();
    assertThat(assets.checks(AssetKey.of("raw")))
        .anySatisfy(
            c -> {
              assertThat(c.checkName()).isEqualTo("positive");
              assertThat(c.passed()).isFalse();
              assertThat(c.blocking()).isTrue();
              assertThat(c.metadataJson()).contains("\"value\":-1");
            });
    record(kind, "materialize-blocking-check", result);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aKillInTheMiddleResumesWithoutRecomputingCommittedAssets(TestStore kind) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger blocking = new AtomicInteger(1);
    List<AssetsDefinition> defs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = "chain/a" + i;
      List<String> up = i == 0 ? List.of() : List.of("chain/a" + (i - 1));
      Function<AssetContext, Integer> hook =
          i != 10
              ? null
              : ctx -> {
                if (blocking.get() == 1) {
                  entered.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted by the kill", e);
                  }
                }
                return null;
              };
      AssetBuilder<Object> b =
          Asset.builder(key)
              .codeVersion("v1")
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(100))
                      .maximumAttempts(5)
                      .build())
              .startToCloseTimeout(Duration.ofSeconds(10));
      up.forEach(u -> b.input(u, Integer.class));
      defs.add(
          b.output(Integer.class)
              .compute(
                  ctx -> {
                    computes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    int sum = 1;
                    for (String u : up) {
                      sum += ctx.input(u, Integer.class);
                    }
                    if (hook != null) {
                      hook.apply(ctx);
                    }
                    return sum;
                  }));
    }
    FileIoManager files = FileIoManager.json(dir.resolve("data"));
    Assets assets =
        engines.start(
            kind.open(dir),
            engine -> engine.nodeId("assets-test").shutdownTimeout(Duration.ofMillis(100)),
            builder -> builder.definitions(defs).ioManager(IoManager.DEFAULT, files));
    WeftEngine first = engines.last();
    MaterializationHandle handle = assets.materialize("*");
    assertThat(entered.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    first.close();
    blocking.set(0);

    Assets again = start(kind, defs, files);
    MaterializationResult result = again.handle(handle.workflowId()).await(WAIT);
    never.countDown();

    assertThat(result.succeeded()).isTrue();
    for (int i = 0; i < 20; i++) {
      assertThat(computed("chain/a" + i)).as("computes of chain/a" + i).isEqualTo(i == 10 ? 2 : 1);
    }
    assertThat(files.load(InputContext.of(AssetKey.of("chain/a19"), Integer.class))).isEqualTo(20);
    assertThat(again.status()).allSatisfy(s -> assertThat(s.status()).isEqualTo(AssetStatus.FRESH));
    assertThat(again.history(AssetKey.of("chain/a9"), null, 10).entries()).hasSize(1);
  }
}
