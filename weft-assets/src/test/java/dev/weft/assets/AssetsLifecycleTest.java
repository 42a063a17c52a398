package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Registration, observable sources, multi-assets and bad input through the {@link Assets} facade,
 * on a real store.
 */
class AssetsLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final List<WeftEngine> engines = new ArrayList<>();
  private final InMemoryIoManager memory = new InMemoryIoManager();

  @AfterEach
  void closeEngines() {
    engines.forEach(WeftEngine::close);
  }

  Assets start(TestStore kind, List<AssetsDefinition> defs) {
    engines.forEach(WeftEngine::close);
    WeftEngine engine = WeftEngine.builder().store(kind.open(dir)).build();
    engines.add(engine);
    Assets assets =
        Assets.builder(engine).definitions(defs).ioManager(IoManager.DEFAULT, memory).build();
    engine.start();
    return assets;
  }

  static List<AssetsDefinition> trades(String metricsVersion) {
    return List.of(
        Asset.builder("market/raw_trades")
            .group("market")
            .codeVersion("v1")
            .output(Integer.class)
            .compute(ctx -> 3),
        Asset.builder("market/raw_prices")
            .group("market")
            .codeVersion("v1")
            .output(Integer.class)
            .compute(ctx -> 5),
        Asset.builder("market/processed_trades")
            .group("market")
            .codeVersion("v1")
            .input("market/raw_trades", Integer.class)
            .output(Integer.class)
            .compute(ctx -> ctx.input("market/raw_trades", Integer.class) * 2),
        Asset.builder("market/daily_metrics")
            .group("market")
            .codeVersion(metricsVersion)
            .input("market/processed_trades", Integer.class)
            .input("market/raw_prices", Integer.class)
            .output(Integer.class)
            .compute(
                ctx ->
                    ctx.input("market/processed_trades", Integer.class)
                        + ctx.input("market/raw_prices", Integer.class)),
        Asset.builder("market/report")
            .group("market")
            .codeVersion("v1")
            .input("market/daily_metrics", Integer.class)
            .output(String.class)
            .compute(ctx -> "total " + ctx.input("market/daily_metrics", Integer.class)));
  }

  Map<String, AssetStateRecord> states(Assets assets) {
    return assets.status().stream().collect(Collectors.toMap(AssetStateRecord::assetKey, s -> s));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void registeringANewCodeVersionMakesTheAssetAndItsDownstreamStaleWithReasons(TestStore kind) {
    Assets v1 = start(kind, trades("v1"));
    assertThat(states(v1).values())
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(AssetStatus.MISSING));
    assertThat(v1.catalogGraph()).extracting(AssetNodeRecord::assetKey).hasSize(5);
    assertThat(v1.materialize("*").await(WAIT).succeeded()).isTrue();
    assertThat(v1.stale()).isEmpty();

    Assets v2 = start(kind, trades("v2"));

    Map<String, AssetStateRecord> states = states(v2);
    assertThat(states.get("market/daily_metrics").status()).isEqualTo(AssetStatus.STALE);
    assertThat(states.get("market/daily_metrics").reasons())
        .extracting(StaleReason::kind)
        .containsExactly(StaleReasonKind.CODE_VERSION_CHANGED);
    assertThat(states.get("market/report").reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_STALE);
              assertThat(r.rootCauseKey()).isEqualTo("market/daily_metrics");
            });
    assertThat(states.get("market/raw_trades").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(v2.stale())
        .extracting(AssetStateRecord::assetKey)
        .containsExactlyInAnyOrder("market/daily_metrics", "market/report");

    assertThat(v2.materialize("market/daily_metrics+").await(WAIT).succeeded()).isTrue();
    assertThat(v2.stale()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anObservedSourceVersionFeedsProvenanceAndAChangeMakesDependentsStale(TestStore kind) {
    AtomicReference<String> head = new AtomicReference<>("0xaaa");
    List<AssetsDefinition> defs =
        List.of(
            Asset.observableSource("chain/head")
                .group("chain")
                .observe(ctx -> DataVersion.of(head.get())),
            Asset.builder("chain/raw_blocks")
                .group("chain")
                .deps("chain/head")
                .output(String.class)
                .compute(ctx -> "blocks up to " + head.get()));
    Assets assets = start(kind, defs);

    MaterializationResult first = assets.materialize("+chain/raw_blocks").await(WAIT);
    assertThat(first.outcome(AssetKey.of("chain/head")).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.OBSERVED);
    AssetStateRecord raw = assets.status(AssetKey.of("chain/raw_blocks")).orElseThrow();
    assertThat(raw.current().inputDataVersions()).containsEntry("chain/head", "0xaaa");

    head.set("0xbbb");
    assertThat(assets.materialize("chain/head").await(WAIT).succeeded()).isTrue();

    AssetStateRecord stale = assets.status(AssetKey.of("chain/raw_blocks")).orElseThrow();
    assertThat(stale.status()).isEqualTo(AssetStatus.STALE);
    assertThat(stale.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_NEWER_DATA);
              assertThat(r.upstreamKey()).isEqualTo("chain/head");
            });
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMultiAssetMaterializesEveryOutputWhenOneIsSelected(TestStore kind) {
    List<AssetsDefinition> defs =
        List.of(
            Asset.multi("market_feed")
                .output("market/trades", Integer.class)
                .output("market/prices", Integer.class)
                .compute(ctx -> AssetOutputs.of("market/trades", 1).and("market/prices", 2)),
            Asset.builder("market/value")
                .input("market/prices", Integer.class)
                .output(Integer.class)
                .compute(ctx -> ctx.input("market/prices", Integer.class) * 10));
    Assets assets = start(kind, defs);
    MaterializationResult result = assets.materialize("market/value, market/prices").await(WAIT);
    assertThat(result.keys(AssetOutcome.Status.MATERIALIZED))
        .extracting(AssetKey::path)
        .containsExactly("market/trades", "market/prices", "market/value");
    assertThat(memory.get(AssetKey.of("market/value"))).contains(20);
    assertThat(assets.status(AssetKey.of("market/trades")).orElseThrow().status())
        .isEqualTo(AssetStatus.FRESH);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anInputTheIoManagerCannotReadFailsTheAssetNamingIt(TestStore kind) {
    List<AssetsDefinition> defs =
        List.of(
            Asset.builder("given").output(Integer.class).compute(ctx -> 1),
            Asset.builder("reader")
                .input("given", Integer.class)
                .output(Integer.class)
                .compute(ctx -> ctx.input("given", Integer.class)));
    Assets assets = start(kind, defs);
    MaterializationResult result = assets.materialize("reader").await(WAIT);
    AssetOutcome reader = result.outcome(AssetKey.of("reader")).orElseThrow();
    assertThat(reader.status()).isEqualTo(AssetOutcome.Status.FAILED);
    assertThat(reader.errorType()).isEqualTo("IoManagerLoadFailed");
    assertThat(reader.message())
        .startsWith("asset reader: IO manager 'default' cannot load input given");
    assertThat(assets.status(AssetKey.of("reader")).orElseThrow().status())
        .isEqualTo(AssetStatus.FAILED);
  }

  /** A workflow an asset starts. */
  @WorkflowInterface
  public interface Publisher {
    /** Publishes a report. */
    @WorkflowMethod
    String publish(String report);
  }

  /** Publishes by returning what it would publish. */
  public static final class EchoPublisher implements Publisher {
    @Override
    public String publish(String report) {
      return "published: " + report;
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aComputeStartsAWorkflowThroughItsContext(TestStore kind) {
    WeftEngine engine = WeftEngine.builder().store(kind.open(dir)).build();
    engines.add(engine);
    engine.newWorker("reports").registerWorkflow(Publisher.class, EchoPublisher::new);
    Assets assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder("report")
                    .output(String.class)
                    .compute(
                        ctx -> {
                          String report = "total 11";
                          Publisher publisher =
                              ctx.client()
                                  .newWorkflowStub(
                                      Publisher.class,
                                      WorkflowOptions.newBuilder()
                                          .taskQueue("reports")
                                          .workflowId(
                                              "publish-"
                                                  + ctx.runId()) // one per materialization, even on
                                          // a retry
                                          .build());
                          ctx.client().start(publisher::publish, report);
                          return report;
                        }))
            .ioManager(IoManager.DEFAULT, memory)
            .build();
    engine.start();
    MaterializationHandle run = assets.materialize("report");
    assertThat(run.await(WAIT).succeeded()).isTrue();
    assertThat(engine.client().getHandle("publish-" + run.runId()).getResult(String.class))
        .isEqualTo("published: total 11");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnregisteredIoManagerIsRefusedAtBuild(TestStore kind) {
    WeftEngine engine = WeftEngine.builder().store(kind.open(dir)).build();
    engines.add(engine);
    Assets.Builder builder =
        Assets.builder(engine)
            .definitions(Asset.builder("a").ioManager("warehouse").compute(ctx -> 1))
            .ioManager(IoManager.DEFAULT, memory);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "asset a names IO manager 'warehouse', which is not registered (registered: [default])");
  }
}
