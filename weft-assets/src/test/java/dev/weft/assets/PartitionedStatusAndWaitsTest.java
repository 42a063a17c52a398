package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.internal.AwaitAssetWorkflow;
import dev.weft.assets.internal.DurableAssetWait;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.ParallelMaterializeWorkflow;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.assets.testsupport.ReplayTwins;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A partitioned asset's whole-asset row (what the asset list and graph show) follows its partition
 * writes, and runs waiting on the asset or on one of its partitions wake when a partitioned
 * materialization commits it.
 */
class PartitionedStatusAndWaitsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String APPS = "apps";
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  /**
   * Waits on a partition ({@code partition} non-empty) or the whole asset, materialized after now.
   */
  @WorkflowInterface
  public interface PartitionWaiting {
    @WorkflowMethod
    String run(String key, String partition, String mode);
  }

  /** Waits and reports the result. */
  public static final class PartitionWaitingWorkflow implements PartitionWaiting {
    @Override
    public String run(String key, String partition, String mode) {
      AssetKey k = AssetKey.of(key);
      AssetWaitResult r;
      if (mode.equals("fresh")) {
        r = AssetWorkflow.awaitFresh(k, partition).get();
      } else if (partition.isEmpty()) {
        r = AssetWorkflow.awaitMaterialized(k, Workflow.now()).get();
      } else {
        r = AssetWorkflow.awaitMaterialized(k, partition, Workflow.now()).get();
      }
      return r.satisfied() + " " + r.status() + " " + r.dataVersion();
    }
  }

  /** Materializes partitions {@code first..last} of a selection as a child and summarizes. */
  @WorkflowInterface
  public interface PartitionMaterializing {
    @WorkflowMethod
    String run(String selection, String first, String last);
  }

  /** Materializes as a child; returns the outcome, or the exception it caught. */
  public static final class PartitionMaterializingWorkflow implements PartitionMaterializing {
    @Override
    public String run(String selection, String first, String last) {
      try {
        MaterializationResult r =
            AssetWorkflow.materialize(
                    AssetSelection.parse(selection), PartitionSelection.range(first, last))
                .get();
        return r.succeeded()
            + " failed "
            + r.keys(AssetOutcome.Status.FAILED)
            + " skipped "
            + r.keys(AssetOutcome.Status.SKIPPED);
      } catch (IllegalArgumentException e) {
        return "refused: " + e.getMessage();
      }
    }
  }

  Assets start(TestStore kind) {
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
            .output(String.class)
            .compute(
                ctx -> {
                  if (failing.contains(ctx.partitionKey())) {
                    throw new IllegalStateException("no quotes for " + ctx.partitionKey());
                  }
                  ctx.setDataVersion("v-" + ctx.partitionKey());
                  return "prices of " + ctx.partitionKey();
                });
    AssetDefinition returns =
        Asset.builder("market/returns")
            .partitions(DAILY)
            .input("market/prices", String.class)
            .output(String.class)
            .compute(ctx -> "r " + ctx.input("market/prices", String.class));
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("pwait-test"),
        assets ->
            assets
                .definitions(prices, returns)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager()),
        engine -> {
          Worker worker = engine.newWorker(APPS);
          worker.registerWorkflow(PartitionWaiting.class, PartitionWaitingWorkflow::new);
          worker.registerWorkflow(
              PartitionMaterializing.class, PartitionMaterializingWorkflow::new);
        });
  }

  AssetStateRecord summary(String key) {
    WeftEngine engine = engines.last();
    return engine
        .store()
        .extension(AssetCatalog.class)
        .state(engine.namespace(), key, "")
        .orElseThrow();
  }

  WorkflowHandle<Object> waiting(String id, String key, String partition, String mode) {
    WorkflowOptions options = WorkflowOptions.newBuilder().workflowId(id).taskQueue(APPS).build();
    return engines.last().client().start("PartitionWaiting", options, key, partition, mode);
  }

  int waiters() {
    WeftEngine engine = engines.last();
    return engine.store().extension(AssetCatalog.class).waiters(engine.namespace()).size();
  }

  /** Replays (and on SQLite records) the closed run of {@code workflowId}. */
  void replayAndRecord(
      TestStore kind, String name, String workflowId, Class<?> type, Supplier<?> code) {
    ReplayTwins.replayAndRecord(
        kind, name, engines.last().client().getHandle(workflowId), type, code);
  }

  /** The workflow ID of the asset workflow a test workflow started as its child. */
  String childOf(String parentId) {
    return ReplayTwins.childOf(engines.last().client(), parentId);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theWholeAssetRowFollowsPartitionWritesWorstFirst(TestStore kind) {
    Assets assets = start(kind);
    assertThat(summary("market/prices").status()).isEqualTo(AssetStatus.MISSING);
    assertThat(summary("market/prices").current()).isNull();

    assertThat(
            assets
                .materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-03"))
                .await(WAIT)
                .succeeded())
        .isTrue();
    AssetStateRecord fresh = summary("market/prices");
    assertThat(fresh.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(fresh.current()).isNotNull();
    assertThat(fresh.current().finishedAt()).isNotNull();
    assertThat(fresh.current().dataVersion()).startsWith("v-2024-01-0");
    assertThat(summary("market/returns").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(assets.status())
        .filteredOn(s -> s.assetKey().equals("market/prices"))
        .singleElement()
        .extracting(AssetStateRecord::status)
        .isEqualTo(AssetStatus.FRESH);

    assets.partitions().invalidate(AssetKey.of("market/prices"), List.of("2024-01-02"), "bad feed");
    AssetStateRecord stale = summary("market/prices");
    assertThat(stale.status()).isEqualTo(AssetStatus.STALE);
    assertThat(stale.reasons()).isNotEmpty();
    assertThat(stale.reasons().get(0).detail()).contains("bad feed");
    assertThat(summary("market/returns").status()).isEqualTo(AssetStatus.STALE);

    failing.add("2024-01-03");
    assets
        .materialize("market/prices", PartitionSelection.keys("2024-01-02", "2024-01-03"))
        .await(WAIT);
    AssetStateRecord failed = summary("market/prices");
    assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(failed.lastFailureMessage()).contains("no quotes for 2024-01-03");
    assertThat(failed.current().dataVersion()).isEqualTo("v-2024-01-02");

    failing.clear();
    assets.materialize("market/prices", PartitionSelection.keys("2024-01-03")).await(WAIT);
    AssetStateRecord again = summary("market/prices");
    assertThat(again.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(again.reasons()).isEmpty();
    assertThat(again.current().dataVersion()).isEqualTo("v-2024-01-03");
    assertThat(again.current().finishedAt()).isAfterOrEqualTo(failed.current().finishedAt());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWaitOnAPartitionWakesWhenAPartitionedRunMaterializesIt(TestStore kind) {
    Assets assets = start(kind);
    WorkflowHandle<Object> onDay = waiting("wait-day-2", "market/returns", "2024-01-02", "after");
    WorkflowHandle<Object> onAsset = waiting("wait-asset", "market/prices", "", "after");
    WorkflowHandle<Object> freshDay =
        waiting("fresh-day-5", "market/prices", "2024-01-05", "fresh");
    await().atMost(WAIT).until(() -> waiters() == 3);

    assets
        .materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-02"))
        .await(WAIT);

    assertThat(onDay.getResult(WAIT)).asString().startsWith("true FRESH ");
    assertThat(onAsset.getResult(WAIT)).asString().startsWith("true FRESH v-2024-01-0");
    assertThat(waiters()).isEqualTo(1);

    assets.materialize("market/prices", PartitionSelection.keys("2024-01-05")).await(WAIT);
    assertThat(freshDay.getResult(WAIT)).isEqualTo("true FRESH v-2024-01-05");
    assertThat(waiters()).isZero();

    assertThat(waiting("fresh-day-1-now", "market/prices", "2024-01-01", "fresh").getResult(WAIT))
        .isEqualTo("true FRESH v-2024-01-01");

    replayAndRecord(
        kind,
        "partition-wait-woken",
        "wait-day-2",
        PartitionWaiting.class,
        PartitionWaitingWorkflow::new);
    replayAndRecord(
        kind,
        "await-asset-partition-woken",
        childOf("wait-day-2"),
        AwaitAssetWorkflow.class,
        DurableAssetWait::new);
    replayAndRecord(
        kind,
        "await-asset-partition-at-once",
        childOf("fresh-day-1-now"),
        AwaitAssetWorkflow.class,
        DurableAssetWait::new);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWaitOnAKeyOutsideTheDefinitionFailsNamingIt(TestStore kind) {
    start(kind);
    WorkflowHandle<Object> bad = waiting("wait-bad", "market/prices", "2023-12-31", "after");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.getResult(WAIT))
        .hasStackTraceContaining("2023-12-31")
        .hasStackTraceContaining("market/prices");
    assertThat(waiters()).isZero();
    replayAndRecord(
        kind,
        "await-asset-partition-unknown-key",
        childOf("wait-bad"),
        AwaitAssetWorkflow.class,
        DurableAssetWait::new);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowMaterializesAPartitionRangeDurablyAndGetsTheOutcome(TestStore kind) {
    Assets assets = start(kind);
    failing.add("2024-01-03");
    WorkflowOptions options =
        WorkflowOptions.newBuilder().workflowId("publish-days").taskQueue(APPS).build();

    Object outcome =
        engines
            .last()
            .client()
            .start("PartitionMaterializing", options, "market/prices+", "2024-01-01", "2024-01-03")
            .getResult(WAIT);

    assertThat(outcome).isEqualTo("false failed [market/prices] skipped [market/returns]");
    assertThat(assets.partitions().counts(AssetKey.of("market/prices")).materialized())
        .isEqualTo(2);
    assertThat(assets.partitions().counts(AssetKey.of("market/returns")).materialized())
        .isEqualTo(2);
    assertThat(summary("market/prices").status()).isEqualTo(AssetStatus.FAILED);

    WorkflowOptions bad =
        WorkflowOptions.newBuilder().workflowId("publish-bad").taskQueue(APPS).build();
    assertThat(
            engines
                .last()
                .client()
                .start("PartitionMaterializing", bad, "market/prices", "2023-12-30", "2024-01-01")
                .getResult(WAIT))
        .asString()
        .startsWith("refused: ")
        .contains("2023-12-30")
        .contains("market/prices");

    replayAndRecord(
        kind,
        "partition-materializing-failed-day",
        "publish-days",
        PartitionMaterializing.class,
        PartitionMaterializingWorkflow::new);
    replayAndRecord(
        kind,
        "materialize-partitions-planned-in-child",
        childOf("publish-days"),
        MaterializeWorkflow.class,
        ParallelMaterializeWorkflow::new);
    replayAndRecord(
        kind,
        "materialize-partitions-plan-refused",
        childOf("publish-bad"),
        MaterializeWorkflow.class,
        ParallelMaterializeWorkflow::new);
  }
}
