package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sensor watching a counter on a real store: each new value is started exactly once under its
 * derived workflow ID, evaluations and their cursors are recorded, a skip keeps its reason, a
 * cursor moved back re-requests keys that start nothing new, and the cursor survives a restart.
 */
class SensorCursorTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);
  private final CounterSensor counter = new CounterSensor();

  private Sensors start(TestStore kind) {
    return engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eachNewValueIsStartedExactlyOnce(TestStore kind) {
    Sensors sensors = start(kind);
    counter.set(2);

    SensorDescription first = engines.tick(sensors, "counter");
    SensorEvaluation evaluation = first.recentEvaluations().getLast();
    assertThat(evaluation.cursorBefore()).isNull();
    assertThat(evaluation.cursorAfter()).isEqualTo("2");
    assertThat(evaluation.error()).isNull();
    assertThat(evaluation.requests())
        .extracting(SensorRequestOutcome::workflowId, SensorRequestOutcome::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("counter:value-1", TriggerOutcome.STARTED),
            org.assertj.core.groups.Tuple.tuple("counter:value-2", TriggerOutcome.STARTED));
    assertThat(first.cursor()).isEqualTo("2");
    assertThat(first.status()).isEqualTo(SensorStatus.RUNNING);

    SensorDescription idle = engines.tick(sensors, "counter");
    assertThat(idle.recentEvaluations().getLast().skipReason()).isEqualTo("no new value");
    assertThat(idle.recentEvaluations().getLast().requests()).isEmpty();
    assertThat(idle.cursor()).isEqualTo("2");

    counter.set(3);
    SensorDescription third = engines.tick(sensors, "counter");
    assertThat(third.recentEvaluations().getLast().requests())
        .extracting(SensorRequestOutcome::dedupeKey)
        .containsExactly("value-3");
    assertThat(engines.ingestRuns())
        .containsExactly("counter:value-1", "counter:value-2", "counter:value-3");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCursorSetBackRequestsKeysAgainButStartsNothingNew(TestStore kind) {
    Sensors sensors = start(kind);
    counter.set(3);
    engines.tick(sensors, "counter");

    sensors.setCursor("counter", "1");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "1".equals(sensors.describe("counter").cursor()));
    SensorDescription after = engines.tick(sensors, "counter");

    SensorEvaluation again = after.recentEvaluations().getLast();
    assertThat(again.cursorBefore()).isEqualTo("1");
    assertThat(again.cursorAfter()).isEqualTo("3");
    assertThat(again.requests())
        .extracting(SensorRequestOutcome::dedupeKey, SensorRequestOutcome::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("value-2", TriggerOutcome.ALREADY_STARTED),
            org.assertj.core.groups.Tuple.tuple("value-3", TriggerOutcome.ALREADY_STARTED));
    assertThat(engines.ingestRuns())
        .containsExactly("counter:value-1", "counter:value-2", "counter:value-3");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theCursorSurvivesAnEngineRestart(TestStore kind) {
    Sensors before = start(kind);
    counter.set(2);
    engines.tick(before, "counter");
    engines.closeLast();

    counter.set(4);
    Sensors after = start(kind);
    assertThat(after.describe("counter").cursor()).isEqualTo("2");
    SensorDescription resumed = engines.tick(after, "counter");

    SensorEvaluation evaluation = resumed.recentEvaluations().getLast();
    assertThat(evaluation.cursorBefore()).isEqualTo("2");
    assertThat(evaluation.requests())
        .extracting(SensorRequestOutcome::dedupeKey)
        .containsExactly("value-3", "value-4");
    assertThat(resumed.recentEvaluations()).hasSize(2);
    assertThat(engines.ingestRuns())
        .containsExactly(
            "counter:value-1", "counter:value-2", "counter:value-3", "counter:value-4");
  }
}
