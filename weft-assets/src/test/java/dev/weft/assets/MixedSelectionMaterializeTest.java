package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A graph that mixes partitioned and unpartitioned assets: a materialization without partitions
 * refuses every selection holding a partitioned asset ({@code *} and groups included) before
 * anything starts, from the definitions and from the catalog alike; a partitioned one refuses
 * assets of several definitions, naming each definition's assets.
 */
class MixedSelectionMaterializeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  private static final IntegerRangePartitions BLOCKS = IntegerRangePartitions.from(0);

  /** Materializes a selection as a child workflow, answering the refusal's message. */
  @WorkflowInterface
  public interface MixedMaterializing {
    @WorkflowMethod
    String run(String selection);
  }

  /** {@link MixedMaterializing} through {@link AssetWorkflow#materialize(String)}. */
  public static final class MixedMaterializingWorkflow implements MixedMaterializing {
    @Override
    public String run(String selection) {
      try {
        return "materialized " + AssetWorkflow.materialize(selection).get().succeeded();
      } catch (IllegalArgumentException e) {
        return "refused: " + e.getMessage();
      }
    }
  }

  @TempDir Path dir;
  private WeftEngine engine;
  private final AtomicInteger plainComputes = new AtomicInteger();

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * Eight partitioned assets (market/prices and daily/d0..d5 daily, chain/blocks by block) and two
   * unpartitioned ones (plain, and market/summary in the group market with market/prices).
   */
  Assets start(TestStore kind) {
    List<AssetsDefinition> defs = new ArrayList<>();
    defs.add(
        Asset.builder("market/prices")
            .group("market")
            .partitions(DAILY)
            .compute(ctx -> ctx.partitionKey()));
    for (int i = 0; i < 6; i++) {
      defs.add(Asset.builder("daily/d" + i).partitions(DAILY).compute(ctx -> ctx.partitionKey()));
    }
    defs.add(Asset.builder("chain/blocks").partitions(BLOCKS).compute(ctx -> ctx.partitionKey()));
    defs.add(
        Asset.builder("plain")
            .output(Integer.class)
            .compute(ctx -> plainComputes.incrementAndGet()));
    defs.add(Asset.builder("market/summary").group("market").output(Integer.class).compute(c -> 2));
    engine = WeftEngine.builder().store(kind.open(dir)).nodeId("mixed-test").build();
    Assets assets =
        Assets.builder(engine)
            .definitions(defs)
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    engine
        .newWorker("apps")
        .registerWorkflow(MixedMaterializing.class, MixedMaterializingWorkflow::new);
    engine.start();
    return assets;
  }

  long materializations() {
    return engine
        .client()
        .countWorkflows(WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_materialize:'"));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void selectionsHoldingPartitionedAssetsAreRefusedBeforeAnythingStarts(TestStore kind) {
    Assets assets = start(kind);

    assertThatThrownBy(() -> assets.materialize("market/prices"))
        .isInstanceOfSatisfying(
            SelectionHasPartitionedAssetsException.class,
            e -> {
              assertThat(e.partitionedKeys()).containsExactly(AssetKey.of("market/prices"));
              assertThat(e.backfillSelection()).isEqualTo("market/prices");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "selection 'market/prices' holds partitioned asset market/prices, which a"
                          + " materialization without partitions cannot compute: materialize"
                          + " their partitions with materialize(selection, PartitionSelection)"
                          + " or a backfill");
            });
    assertThatThrownBy(() -> assets.materialize("plain, market/prices"))
        .isInstanceOfSatisfying(
            SelectionHasPartitionedAssetsException.class,
            e -> {
              assertThat(e.backfillSelection()).isEqualTo("market/prices");
              assertThat(e.getMessage())
                  .contains("holds partitioned asset market/prices,")
                  .endsWith("and select the unpartitioned assets without them");
            });
    // * and group: are refused too, never run with the partitioned assets left out
    assertThatThrownBy(() -> assets.materialize("*"))
        .isInstanceOfSatisfying(
            SelectionHasPartitionedAssetsException.class,
            e -> {
              assertThat(e.partitionedKeys()).hasSize(8);
              assertThat(e.getMessage())
                  .contains(
                      "holds partitioned assets chain/blocks, daily/d0, daily/d1, daily/d2,"
                          + " daily/d3 and 3 more, which");
              assertThat(e.backfillSelection())
                  .isEqualTo(
                      "chain/blocks, daily/d0, daily/d1, daily/d2, daily/d3, daily/d4, daily/d5,"
                          + " market/prices");
            });
    assertThatThrownBy(() -> assets.materialize(AssetSelection.parse("group:market")))
        .isInstanceOf(SelectionHasPartitionedAssetsException.class)
        .hasMessageContaining("holds partitioned asset market/prices,");
    assertThat(materializations()).isZero();

    MaterializationResult unpartitioned = assets.materialize("plain market/summary").await(WAIT);
    assertThat(unpartitioned.succeeded()).isTrue();
    assertThat(plainComputes).hasValue(1);
    assertThat(materializations()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theCatalogPlannerRefusesTheSameSelectionsAndBackfillsStillTakeThem(TestStore kind) {
    start(kind);
    CatalogMaterializer materializer =
        new CatalogMaterializer(
            engine.client(), engine.store().extension(AssetCatalog.class), engine.namespace());

    assertThatThrownBy(() -> materializer.plan("*"))
        .isInstanceOfSatisfying(
            SelectionHasPartitionedAssetsException.class,
            e -> {
              assertThat(e.selection()).isEqualTo("*");
              assertThat(e.partitionedKeys())
                  .extracting(AssetKey::path)
                  .containsExactly(
                      "chain/blocks",
                      "daily/d0",
                      "daily/d1",
                      "daily/d2",
                      "daily/d3",
                      "daily/d4",
                      "daily/d5",
                      "market/prices");
              assertThat(e.getMessage()).contains("daily/d3 and 3 more");
            });
    assertThatThrownBy(() -> materializer.materialize("group:market"))
        .isInstanceOf(SelectionHasPartitionedAssetsException.class)
        .hasMessageContaining("market/prices")
        .hasMessageContaining("select the unpartitioned assets without them");
    assertThat(materializer.plan("plain, market/summary").keys())
        .extracting(AssetKey::path)
        .containsExactlyInAnyOrder("plain", "market/summary");
    assertThat(materializations()).isZero();

    BackfillDryRun dryRun =
        new CatalogBackfills(engine.client(), engine.store(), engine.namespace(), Clock.systemUTC())
            .dryRun(
                BackfillRequest.of(
                    "market/prices", PartitionSelection.range("2024-01-01", "2024-01-03")));
    assertThat(dryRun.partitions()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowsChildRefusesTheSelectionAndComputesNothing(TestStore kind) {
    start(kind);
    WorkflowOptions options =
        WorkflowOptions.newBuilder().workflowId("mixed-1").taskQueue("apps").build();

    Object answer =
        engine
            .client()
            .start("MixedMaterializing", options, "plain+, group:market")
            .getResult(WAIT);

    assertThat(answer)
        .isEqualTo(
            "refused: selection 'plain+, group:market' holds partitioned asset market/prices,"
                + " which a materialization without partitions cannot compute: materialize their"
                + " partitions with materialize(selection, PartitionSelection) or a backfill, and"
                + " select the unpartitioned assets without them");
    assertThat(plainComputes).hasValue(0);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPartitionedSelectionOfSeveralDefinitionsNamesEachDefinitionsAssets(TestStore kind) {
    Assets assets = start(kind);

    assertThatThrownBy(
            () ->
                assets.materialize(
                    "market/prices daily/d0 chain/blocks", PartitionSelection.keys("2024-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spans 2 partitions definitions")
        .hasMessageContaining(DAILY + ": ")
        .hasMessageContaining(BLOCKS + ": chain/blocks")
        .hasMessageContaining("market/prices")
        .hasMessageContaining("daily/d0")
        .hasMessageContaining("backfill");
    assertThatThrownBy(
            () ->
                assets.materialize(
                    "daily/d0 daily/d1 daily/d2 daily/d3 daily/d4 daily/d5 market/prices"
                        + " chain/blocks",
                    PartitionSelection.keys("2024-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(" and 2 more")
        .hasMessageContaining(BLOCKS + ": chain/blocks");
    assertThat(materializations()).isZero();
  }
}
