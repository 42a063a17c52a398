package dev.weft.assets.automation;

import static dev.weft.assets.automation.AutomationCondition.onCron;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.client.WorkflowFilter;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cron ticks count from a durable cursor (the latest tick recorded, else the asset's registration):
 * a tick that passed while no engine ran fires exactly once when one starts, and a restart after it
 * fires nothing more. Both stores; the clock is set by the test, nothing sleeps.
 */
class DurableCronTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY = "daily/report";

  @TempDir Path dir;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T01:59:00Z"));

  private Assets start(TestStore kind) {
    return engines.start(
        kind.open(dir),
        engine -> engine,
        assets ->
            assets
                .definitions(
                    Asset.builder(KEY)
                        .output(Integer.class)
                        .automation(onCron("0 2 * * *"))
                        .compute(c -> 1))
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .clock(clock.asJavaClock()));
  }

  private int closedRuns() {
    WeftEngine engine = engines.last();
    var runs =
        engine
            .client()
            .listWorkflows(
                WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_auto:" + KEY + ":'"))
            .workflows();
    return runs.stream().allMatch(r -> r.status() != WorkflowStatus.RUNNING) ? runs.size() : -1;
  }

  /** Whether an evaluator holds the location's lease (the evaluator of the engine just started). */
  private boolean leaseHeld(Assets assets) {
    WeftEngine engine = engines.last();
    return engine
        .store()
        .extension(AutomationLog.class)
        .cursor(engine.namespace(), assets.location())
        .filter(c -> c.leaseUntil().isAfter(clock.now()))
        .isPresent();
  }

  private List<AssetChangeRecord> ticks() {
    WeftEngine engine = engines.last();
    return engine
        .store()
        .extension(AutomationLog.class)
        .changesAfter(engine.namespace(), 0, 1000)
        .stream()
        .filter(c -> c.kind() == AssetChangeKind.CRON_TICK)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aTickThatPassedWhileNoEngineRanFiresOnceOnRestart(TestStore kind) {
    Assets first = start(kind);
    first.evaluateAutomation();
    await().atMost(WAIT).until(() -> leaseHeld(first));
    assertThat(closedRuns()).isZero();
    engines.closeLast();

    clock.advanceTo(Instant.parse("2024-01-01T02:30:00Z"));
    Assets second = start(kind);
    second.evaluateAutomation();
    await().atMost(WAIT).until(() -> closedRuns() == 1);
    assertThat(ticks())
        .singleElement()
        .satisfies(t -> assertThat(t.at()).isEqualTo(Instant.parse("2024-01-01T02:00:00Z")));
    List<AutomationEvaluationRecord> fired =
        second.automationEvaluations(AssetKey.of(KEY), null, 100).evaluations().stream()
            .filter(AutomationEvaluationRecord::fired)
            .toList();
    assertThat(fired)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("onCron('0 2 * * *'): a tick passed since the last run"));
    engines.closeLast();

    clock.advanceTo(Instant.parse("2024-01-01T02:45:00Z"));
    Assets third = start(kind);
    third.evaluateAutomation();
    await().atMost(WAIT).until(() -> leaseHeld(third));
    third.evaluateAutomation();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .until(() -> ticks().size() == 1 && closedRuns() == 1);

    // a whole day missed: the ticks of 2024-01-02 and 2024-01-03 fire once, as the latest
    engines.closeLast();
    clock.advanceTo(Instant.parse("2024-01-03T09:00:00Z"));
    start(kind).evaluateAutomation();
    await().atMost(WAIT).until(() -> closedRuns() == 2);
    assertThat(ticks())
        .extracting(AssetChangeRecord::at)
        .containsExactly(
            Instant.parse("2024-01-01T02:00:00Z"), Instant.parse("2024-01-03T02:00:00Z"));
  }
}
