package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.ParallelMaterializeWorkflow;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.assets.testsupport.ReplayTwins;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lifecycle edges of a partitioned materialization: a cancelled run gives its claims back, and
 * dynamic partitions resolve from the catalog, cannot be removed while a run holds them, and fail
 * (only) their own partition when removed between planning and running.
 */
class PartitionedCancelAndDynamicTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  private static final DynamicPartitions REGIONS = DynamicPartitions.named("regions");

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final Set<String> blocking = ConcurrentHashMap.newKeySet();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseBlockedComputes() {
    release.countDown(); // before the engines close (after this method)
  }

  Assets start(TestStore kind, AssetsDefinition definition) {
    return engines.start(
        kind.open(dir),
        engine -> engine.nodeId("pcancel-test"),
        assets ->
            assets.definitions(definition).ioManager(IoManager.DEFAULT, new InMemoryIoManager()));
  }

  AssetDefinition blockingAsset(String key, dev.weft.assets.partitions.PartitionsDefinition def) {
    return Asset.builder(key)
        .partitions(def)
        .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
        .output(String.class)
        .compute(
            ctx -> {
              if (blocking.contains(ctx.partitionKey())) {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
              }
              return "data of " + ctx.partitionKey();
            });
  }

  PartitionStatus status(String asset, long index) {
    return engines
        .last()
        .store()
        .extension(PartitionStatusReader.class)
        .status("default", asset, index)
        .map(PartitionRangeState::status)
        .orElse(null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCancelledRunReleasesItsClaimsToThePreviousStatus(TestStore kind) {
    Assets assets = start(kind, blockingAsset("market/prices", DAILY));
    assets.materialize("market/prices", PartitionSelection.keys("2024-01-02")).await(WAIT);
    assertThat(status("market/prices", 1)).isEqualTo(PartitionStatus.MATERIALIZED);
    blocking.addAll(List.of("2024-01-02", "2024-01-03"));

    MaterializationHandle run =
        assets.materialize(
            "market/prices", PartitionSelection.range("2024-01-02", "2024-01-03"), 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                status("market/prices", 1) == PartitionStatus.IN_PROGRESS
                    && status("market/prices", 2) == PartitionStatus.IN_PROGRESS);
    engines.last().client().getHandle(run.workflowId()).cancel("wrong day");

    await()
        .atMost(WAIT)
        .until(
            () ->
                status("market/prices", 1) == PartitionStatus.MATERIALIZED
                    && status("market/prices", 2) == null);
    assertThat(engines.last().client().getHandle(run.workflowId()).describe().status())
        .isEqualTo(WorkflowStatus.CANCELED);
    assertThat(
            engines
                .last()
                .store()
                .extension(AssetCatalog.class)
                .state("default", "market/prices", "")
                .orElseThrow()
                .status())
        .isEqualTo(AssetStatus.FRESH);
    ReplayTwins.replayAndRecord(
        kind,
        "materialize-partitions-canceled",
        engines.last().client().getHandle(run.workflowId()),
        MaterializeWorkflow.class,
        ParallelMaterializeWorkflow::new);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aTerminatedRunsClaimsGoBackWhenTheNextRunClaimsThem(TestStore kind) {
    Assets assets = start(kind, blockingAsset("market/prices", DAILY));
    assets.materialize("market/prices", PartitionSelection.keys("2024-01-02")).await(WAIT);
    blocking.add("2024-01-02");
    MaterializationHandle terminated =
        assets.materialize("market/prices", PartitionSelection.keys("2024-01-02"));
    await().atMost(WAIT).until(() -> claimOf("market/prices", 1) != null);
    assertThat(claimOf("market/prices", 1)).isEqualTo(terminated.runId());
    engines.last().client().getHandle(terminated.workflowId()).terminate("operator");
    await()
        .atMost(WAIT)
        .until(
            () ->
                engines
                    .last()
                    .client()
                    .getHandle(terminated.workflowId())
                    .describe()
                    .status()
                    .isClosed());

    MaterializationHandle next =
        assets.materialize("market/prices", PartitionSelection.keys("2024-01-02"));
    await().atMost(WAIT).until(() -> next.runId().equals(claimOf("market/prices", 1)));
    engines.last().client().getHandle(next.workflowId()).cancel("not today");

    await().atMost(WAIT).until(() -> status("market/prices", 1) == PartitionStatus.MATERIALIZED);
  }

  String claimOf(String asset, long index) {
    return engines
        .last()
        .store()
        .extension(PartitionStatusReader.class)
        .status("default", asset, index)
        .filter(s -> s.status() == PartitionStatus.IN_PROGRESS)
        .map(PartitionRangeState::claimRunId)
        .orElse(null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void dynamicKeysResolveFromTheCatalogAndARemovedKeyFailsOnlyItsPartition(TestStore kind) {
    Assets assets = start(kind, blockingAsset("sales/by_region", REGIONS));
    assets.partitions().addDynamicPartitions("regions", List.of("eu", "us", "apac"));
    assertThat(
            assets
                .materialize("sales/by_region", PartitionSelection.keys("apac"))
                .await(WAIT)
                .succeeded())
        .isTrue();
    assertThat(status("sales/by_region", 2)).isEqualTo(PartitionStatus.MATERIALIZED);
    blocking.add("eu");

    MaterializationHandle run =
        assets.materialize("sales/by_region", PartitionSelection.keys("eu", "us"), 1);
    await().atMost(WAIT).until(() -> status("sales/by_region", 0) == PartitionStatus.IN_PROGRESS);
    assertThatThrownBy(() -> assets.partitions().removeDynamicPartitions("regions", List.of("eu")))
        .hasMessageContaining("'eu'")
        .hasMessageContaining("in progress")
        .hasMessageContaining("sales/by_region");
    assets.partitions().removeDynamicPartitions("regions", List.of("us"));
    release.countDown();
    MaterializationResult result = run.await(WAIT);

    assertThat(result.succeeded()).isFalse();
    AssetOutcome outcome = result.outcome(AssetKey.of("sales/by_region")).orElseThrow();
    assertThat(outcome.status()).isEqualTo(AssetOutcome.Status.FAILED);
    assertThat(outcome.message())
        .contains("partitions us as planned")
        .contains("sales/by_region")
        .contains("regions")
        .contains("removed after the run was planned");
    assertThat(status("sales/by_region", 0)).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(status("sales/by_region", 1)).isNull();
  }
}
