package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.internal.FreshnessWorkflow;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.assets.testsupport.ReplayTwins;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.history.EventAttributes;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.testing.RecordedHistories;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Freshness policies end to end on a real store with a manual clock: the violation is recorded by a
 * durable timer exactly at the deadline (not before), cleared by the next materialization in its
 * transaction, followed by a new deadline; the timer survives an engine restart; a removed policy
 * stops its watch; a partition deadline on an unpartitioned asset is refused.
 */
class FreshnessTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  @RegisterExtension final AssetEngines engines = new AssetEngines();

  private static List<AssetsDefinition> definitions(Duration lagOfA, Duration lagOfB) {
    return List.of(
        Asset.builder("sales/orders")
            .freshnessPolicy(lagOfA == null ? null : FreshnessPolicy.maxLag(lagOfA))
            .output(Integer.class)
            .compute(ctx -> 1),
        Asset.builder("sales/report")
            .input("sales/orders", Integer.class)
            .freshnessPolicy(lagOfB == null ? null : FreshnessPolicy.maxLag(lagOfB))
            .output(Integer.class)
            .compute(ctx -> 2));
  }

  private Assets start(TestStore kind, List<AssetsDefinition> definitions) {
    return engines.start(
        kind.open(dir),
        engine -> engine.clock(clock).nodeId("freshness-test"),
        assets ->
            assets
                .definitions(definitions)
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .clock(clock.asJavaClock()));
  }

  private WeftEngine engine() {
    return engines.last();
  }

  private FreshnessCatalog freshness() {
    return engine().store().extension(FreshnessCatalog.class);
  }

  private Optional<FreshnessViolationRecord> open(String key) {
    return freshness().openViolation(engine().namespace(), key, "");
  }

  private List<FreshnessViolationRecord> violations(String key) {
    return freshness().violations(engine().namespace(), key, null, 100).violations();
  }

  private WorkflowDescription watch(String key) {
    return engine().client().getHandle(FreshnessWorkflow.workflowId(key)).describe();
  }

  /** Waits until the watch of {@code key} sleeps on its deadline timer; returns when it fires. */
  private Instant awaitTimer(String key) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              WorkflowDescription d = watch(key);
              return d.status() == WorkflowStatus.RUNNING && !d.pendingTimers().isEmpty();
            });
    return watch(key).pendingTimers().stream().map(PendingTimer::fireAt).findFirst().orElseThrow();
  }

  private void awaitWaiter() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                engine()
                        .store()
                        .extension(dev.weft.store.assets.AssetCatalog.class)
                        .waiters(engine().namespace())
                        .size()
                    == 1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aViolationIsRecordedExactlyAtTheDeadlineAndClearedByTheNextMaterialization(TestStore kind) {
    Assets assets = start(kind, definitions(HOUR, null));
    assets.materialize("sales/orders").await(WAIT);

    assertThat(awaitTimer("sales/orders")).isEqualTo(T0.plus(HOUR));
    clock.advance(Duration.ofMinutes(59));
    assertThat(awaitTimer("sales/orders"))
        .as("a minute before the deadline: still sleeping")
        .isEqualTo(T0.plus(HOUR));
    assertThat(open("sales/orders")).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    await().atMost(WAIT).until(() -> open("sales/orders").isPresent());
    FreshnessViolationRecord violation = open("sales/orders").orElseThrow();
    assertThat(violation.deadline()).isEqualTo(T0.plus(HOUR));
    assertThat(violation.recordedAt()).isEqualTo(T0.plus(HOUR));
    assertThat(violation.lastMaterializedAt()).isEqualTo(T0);
    assertThat(violation.policy()).isEqualTo("maxLag=PT1H");
    awaitWaiter();

    clock.advance(Duration.ofMinutes(10));
    MaterializationResult again = assets.materialize("sales/orders").await(WAIT);

    assertThat(open("sales/orders")).as("cleared in the materialization's transaction").isEmpty();
    FreshnessViolationRecord cleared = violations("sales/orders").getFirst();
    assertThat(cleared.clearedAt()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
    assertThat(cleared.clearReason()).isEqualTo(FreshnessViolationRecord.MATERIALIZED);
    assertThat(cleared.clearedByRunId()).isNotNull();
    assertThat(again.workflowId()).isNotNull();
    assertThat(awaitTimer("sales/orders"))
        .as("the next deadline: an hour after the new materialization")
        .isEqualTo(T0.plus(Duration.ofMinutes(130)));
    assertThat(violations("sales/orders")).hasSize(1);
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(
          "freshness-watch-cycle",
          engine()
              .client()
              .getHandle(
                  FreshnessWorkflow.workflowId("sales/orders"),
                  runWith("sales/orders", EventAttributes.SignalReceived.class)));
      RecordedHistories.record(
          "freshness-watch-recheck",
          engine()
              .client()
              .getHandle(
                  FreshnessWorkflow.workflowId("sales/orders"),
                  runWith("sales/orders", EventAttributes.TimerFired.class)));
    }
  }

  /** The newest run of the watch whose history has an event of {@code type}. */
  private String runWith(String key, Class<? extends EventAttributes> type) {
    return ReplayTwins.runWith(engine().client(), FreshnessWorkflow.workflowId(key), type);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAssetNeverMaterializedIsLateALagAfterItsPolicyAndTheTimerSurvivesARestart(TestStore kind) {
    start(kind, definitions(HOUR, null));
    assertThat(awaitTimer("sales/orders")).isEqualTo(T0.plus(HOUR));

    engine().close();
    clock.advance(Duration.ofMinutes(30));
    start(kind, definitions(HOUR, null));
    clock.advance(Duration.ofMinutes(30));

    await().atMost(WAIT).until(() -> open("sales/orders").isPresent());
    FreshnessViolationRecord violation = open("sales/orders").orElseThrow();
    assertThat(violation.deadline()).isEqualTo(T0.plus(HOUR));
    assertThat(violation.lastMaterializedAt()).isNull();
    assertThat(violations("sales/orders")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void twoPoliciesWatchTheirOwnDeadlinesAndARemovedPolicyStopsItsWatch(TestStore kind) {
    Assets assets = start(kind, definitions(HOUR, Duration.ofMinutes(30)));
    assets.materialize("*").await(WAIT);
    assertThat(awaitTimer("sales/report")).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(awaitTimer("sales/orders")).isEqualTo(T0.plus(HOUR));
    String ordersRun = watch("sales/orders").runId();

    clock.advance(Duration.ofMinutes(30));
    await().atMost(WAIT).until(() -> open("sales/report").isPresent());
    assertThat(open("sales/orders")).isEmpty();

    engine().close();
    start(kind, definitions(HOUR, null));

    await().atMost(WAIT).until(() -> watch("sales/report").status() == WorkflowStatus.TERMINATED);
    assertThat(open("sales/report")).as("cleared by the policy's removal").isEmpty();
    assertThat(violations("sales/report").getFirst().clearReason())
        .isEqualTo(FreshnessViolationRecord.POLICY_REMOVED);
    assertThat(freshness().policies(engine().namespace()))
        .extracting(p -> p.assetKey())
        .containsExactly("sales/orders");
    assertThat(watch("sales/orders").runId())
        .as("an unchanged policy keeps its watch")
        .isEqualTo(ordersRun);
    assertThat(awaitTimer("sales/orders")).isEqualTo(T0.plus(HOUR));
  }

  @Test
  void aChangedPolicyReplacesItsWatchAndClearsTheOpenViolation() {
    Assets assets = start(TestStore.SQLITE, definitions(HOUR, null));
    assets.materialize("sales/orders").await(WAIT);
    awaitTimer("sales/orders");
    clock.advance(HOUR);
    await().atMost(WAIT).until(() -> open("sales/orders").isPresent());
    String before = watch("sales/orders").runId();

    engine().close();
    start(TestStore.SQLITE, definitions(Duration.ofHours(2), null));

    assertThat(violations("sales/orders").getFirst().clearReason())
        .isEqualTo(FreshnessViolationRecord.POLICY_CHANGED);
    assertThat(awaitTimer("sales/orders"))
        .as("the new policy's deadline from the same materialization")
        .isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(watch("sales/orders").runId()).isNotEqualTo(before);
  }

  @Test
  void aPartitionDeadlineOnAnUnpartitionedAssetAndAZeroLagAreRefused() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("sales/orders")
                        .freshnessPolicy(FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0)))
                        .compute(ctx -> 1)))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessageContaining("sales/orders")
        .hasMessageContaining("partitionDeadline(02:00)")
        .hasMessageContaining("time-partitioned");
    assertThatThrownBy(() -> FreshnessPolicy.maxLag(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
  }

  /** Annotated assets with freshness policies. */
  public static final class AnnotatedFreshness {
    /** A policy of one hour. */
    @dev.weft.assets.annotation.Asset(key = "sales/orders", freshnessMaxLag = "PT1H")
    public int orders() {
      return 1;
    }

    /** A partition deadline. */
    @dev.weft.assets.annotation.Asset(key = "sales/daily", freshnessDeadline = "02:00")
    public int daily() {
      return 2;
    }

    /** A malformed lag. */
    @dev.weft.assets.annotation.Asset(key = "sales/bad", freshnessMaxLag = "1h")
    public int bad() {
      return 3;
    }
  }

  @Test
  void annotationsSetTheFreshnessPolicyAndAMalformedOneIsNamed() {
    assertThatThrownBy(() -> AnnotatedAssets.of(new AnnotatedFreshness()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad")
        .hasMessageContaining("'1h' must be an ISO-8601 duration");
  }

  /** Annotated assets whose policies are well formed. */
  public static final class GoodAnnotations {
    /** A policy of one hour. */
    @dev.weft.assets.annotation.Asset(key = "sales/orders", freshnessMaxLag = "PT1H")
    public int orders() {
      return 1;
    }

    /** A partition deadline. */
    @dev.weft.assets.annotation.Asset(key = "sales/daily", freshnessDeadline = "02:00")
    public int daily() {
      return 2;
    }
  }

  @Test
  void annotationsGiveEitherPolicyKind() {
    List<AssetsDefinition> defs = AnnotatedAssets.of(new GoodAnnotations());
    assertThat(defs)
        .flatExtracting(AssetsDefinition::specs)
        .extracting(AssetSpec::freshnessPolicy)
        .containsExactlyInAnyOrder(
            FreshnessPolicy.maxLag(HOUR), FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0)));
  }
}
