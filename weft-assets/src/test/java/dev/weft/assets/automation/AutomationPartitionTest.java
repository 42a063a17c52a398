package dev.weft.assets.automation;

import static dev.weft.assets.automation.AutomationCondition.eager;
import static dev.weft.assets.automation.AutomationCondition.freshnessViolated;
import static dev.weft.assets.automation.AutomationCondition.missing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.client.WorkflowFilter;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Declarative automation on partitioned assets, both stores: {@code eager()} materializes exactly
 * the downstream partitions mapped from the upstream partitions that changed, {@code missing()} the
 * partitions never materialized, {@code freshnessViolated()} the late partition as soon as its
 * violation is recorded; each evaluation records the condition and the partitions.
 */
class AutomationPartitionTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final Map<String, List<String>> computed = new ConcurrentHashMap<>();
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-03T12:00:00Z"));

  private Assets start(TestStore kind, AssetsDefinition... definitions) {
    return engines.start(
        kind.open(dir),
        engine -> engine.clock(clock),
        assets ->
            assets
                .definitions(definitions)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .clock(clock.asJavaClock()));
  }

  private dev.weft.assets.AssetBuilder<Object> partitioned(String key) {
    return Asset.builder(key).partitions(DAILY);
  }

  private String compute(String key, String partition) {
    computed.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(partition);
    return key + " of " + partition;
  }

  private List<String> computed(String key) {
    return computed.getOrDefault(key, List.of());
  }

  private int closedRuns(String key) {
    var runs =
        engines
            .last()
            .client()
            .listWorkflows(
                WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_auto:" + key + ":'"))
            .workflows();
    return runs.stream().allMatch(r -> r.status() != WorkflowStatus.RUNNING) ? runs.size() : -1;
  }

  private List<AutomationEvaluationRecord> fired(Assets assets, String key) {
    return assets.automationEvaluations(AssetKey.of(key), null, 1000).evaluations().stream()
        .filter(AutomationEvaluationRecord::fired)
        .toList()
        .reversed();
  }

  /** The partition's stored status; null when it is missing. */
  private PartitionStatus status(String key, String partition) {
    return engines
        .last()
        .store()
        .extension(PartitionStatusReader.class)
        .status("default", key, DAILY.index(partition))
        .map(PartitionRangeState::status)
        .orElse(null);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eagerMaterializesExactlyTheDownstreamPartitionsOfTheUpdatedUpstreamOnes(TestStore kind) {
    clock.advanceTo(Instant.parse("2024-01-10T12:00:00Z"));
    Assets assets =
        start(
            kind,
            partitioned("market/prices")
                .rangedCompute(10) // one commit for the range: one change, one downstream run
                .output(String.class)
                .compute(ctx -> compute("market/prices", String.join(",", ctx.partitionKeys()))),
            partitioned("market/returns")
                .deps("market/prices")
                .output(String.class)
                .automation(eager())
                .compute(ctx -> compute("market/returns", ctx.partitionKey())));

    assets
        .materialize("market/prices", PartitionSelection.range("2024-01-02", "2024-01-03"))
        .await(WAIT);
    await().atMost(WAIT).until(() -> closedRuns("market/returns") == 1);
    var firstRun =
        assets.handle(fired(assets, "market/returns").getFirst().workflowId()).await(WAIT);
    assertThat(firstRun.succeeded()).as(firstRun.toString()).isTrue();
    assertThat(computed("market/returns")).containsExactlyInAnyOrder("2024-01-02", "2024-01-03");
    assertThat(status("market/returns", "2024-01-02")).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(status("market/returns", "2024-01-01")).as("missing: no stored range").isNull();

    assets.materialize("market/prices", PartitionSelection.keys("2024-01-05")).await(WAIT);
    await().atMost(WAIT).until(() -> closedRuns("market/returns") == 2);
    assertThat(computed("market/returns"))
        .containsExactlyInAnyOrder("2024-01-02", "2024-01-03", "2024-01-05");

    List<AutomationEvaluationRecord> fired = fired(assets, "market/returns");
    assertThat(fired).hasSize(2);
    assertThat(fired)
        .extracting(AutomationEvaluationRecord::partitions)
        .containsExactly("2024-01-02..2024-01-03", "2024-01-05");
    assertThat(fired)
        .allSatisfy(
            e -> {
              assertThat(e.condition()).isEqualTo("eager()");
              assertThat(e.reason()).contains("market/prices updated since the last run");
            });
    assertThat(closedRuns("market/returns")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void missingMaterializesThePartitionsNeverMaterializedOnce(TestStore kind) {
    clock.advanceTo(Instant.parse("2024-01-04T12:00:00Z"));
    Assets assets =
        start(
            kind,
            partitioned("sales/daily")
                .output(String.class)
                .automation(missing())
                .compute(ctx -> compute("sales/daily", ctx.partitionKey())));

    await().atMost(WAIT).until(() -> closedRuns("sales/daily") == 1);
    assertThat(computed("sales/daily"))
        .containsExactlyInAnyOrder("2024-01-01", "2024-01-02", "2024-01-03");
    assertThat(fired(assets, "sales/daily"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.partitions()).isEqualTo("2024-01-01..2024-01-03");
              assertThat(e.reason()).isEqualTo("missing(): partitions never materialized");
            });
    // the run's own commits re-evaluate the asset: nothing is missing any more
    assets.evaluateAutomation();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(WAIT)
        .until(() -> closedRuns("sales/daily") == 1 && computed("sales/daily").size() == 3);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aLatePartitionIsMaterializedWhenItsViolationIsRecorded(TestStore kind) {
    Assets assets =
        start(
            kind,
            partitioned("sales/daily")
                .freshnessPolicy(FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0)))
                .output(String.class)
                .automation(freshnessViolated())
                .compute(ctx -> compute("sales/daily", ctx.partitionKey())));
    FreshnessCatalog freshness = engines.last().store().extension(FreshnessCatalog.class);

    await()
        .atMost(WAIT)
        .until(
            () ->
                engines
                        .last()
                        .client()
                        .getHandle("__weft_freshness:sales/daily")
                        .describe()
                        .pendingTimers()
                        .size()
                    == 1);
    assertThat(closedRuns("sales/daily")).isZero();
    clock.advanceTo(Instant.parse("2024-01-04T02:00:00Z"));

    await().atMost(WAIT).until(() -> closedRuns("sales/daily") == 1);
    assertThat(computed("sales/daily")).containsExactly("2024-01-03");
    assertThat(fired(assets, "sales/daily"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.partitions()).isEqualTo("2024-01-03");
              assertThat(e.reason())
                  .isEqualTo("freshnessViolated(): a freshness violation is open");
            });
    assertThat(freshness.openViolations("default", "sales/daily")).isEmpty();
    assertThat(freshness.violations("default", "sales/daily", null, 10).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.clearReason()).isEqualTo("MATERIALIZED"));
  }
}
