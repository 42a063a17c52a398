package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sensor that throws is recorded as failing with its error, evaluated again with a doubling
 * backoff and recovers when its function does; a sensor returning malformed requests gets an error
 * evaluation naming the request and field, with nothing started and the cursor unchanged.
 */
class SensorFailureTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aThrowingSensorIsShownFailingBacksOffAndRecovers(TestStore kind) {
    AtomicBoolean down = new AtomicBoolean(true);
    CounterSensor counter = new CounterSensor();
    counter.set(1);
    SensorFunction flaky =
        ctx -> {
          if (down.get()) {
            throw new IllegalStateException("chain unreachable");
          }
          return counter.evaluate(ctx);
        };
    Sensors sensors = engines.start(kind.open(dir), SensorDefinition.of("flaky", INTERVAL, flaky));

    SensorDescription failed = engines.tick(sensors, "flaky");
    SensorEvaluation first = failed.recentEvaluations().getLast();
    assertThat(first.error()).isEqualTo("java.lang.IllegalStateException: chain unreachable");
    assertThat(first.cursorAfter()).isNull();
    assertThat(failed.status()).isEqualTo(SensorStatus.FAILING);
    assertThat(failed.consecutiveFailures()).isEqualTo(1);
    assertThat(engines.awaitTimer("flaky")).isEqualTo(first.time().plus(INTERVAL.multipliedBy(2)));

    SensorDescription again = engines.tick(sensors, "flaky");
    SensorEvaluation second = again.recentEvaluations().getLast();
    assertThat(again.consecutiveFailures()).isEqualTo(2);
    assertThat(engines.awaitTimer("flaky")).isEqualTo(second.time().plus(INTERVAL.multipliedBy(4)));

    down.set(false);
    SensorDescription recovered = engines.tick(sensors, "flaky");
    SensorEvaluation third = recovered.recentEvaluations().getLast();
    assertThat(third.error()).isNull();
    assertThat(recovered.status()).isEqualTo(SensorStatus.RUNNING);
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(recovered.cursor()).isEqualTo("1");
    assertThat(engines.awaitTimer("flaky")).isEqualTo(third.time().plus(INTERVAL));
    assertThat(engines.ingestRuns()).containsExactly("flaky:value-1");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void malformedRequestsAreAnErrorAndStartNothing(TestStore kind) {
    List<List<RunRequest>> answers =
        List.of(
            List.of(
                new RunRequest("a", CounterSensor.ingest(1)),
                new RunRequest("a", CounterSensor.ingest(2))),
            List.of(new RunRequest("a", CounterSensor.ingest(1)), new RunRequest(" ", null)),
            List.of(new RunRequest("b", null)),
            Arrays.asList(new RunRequest("c", CounterSensor.ingest(1)), null));
    java.util.concurrent.atomic.AtomicInteger call =
        new java.util.concurrent.atomic.AtomicInteger();
    SensorFunction malformed =
        ctx -> SensorResult.requests("moved", answers.get(call.getAndIncrement()));
    Sensors sensors =
        engines.start(kind.open(dir), SensorDefinition.of("malformed", INTERVAL, malformed));

    List<String> errors = new java.util.ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      SensorDescription d = engines.tick(sensors, "malformed");
      SensorEvaluation e = d.recentEvaluations().getLast();
      assertThat(e.requests()).isEmpty();
      assertThat(e.cursorAfter()).isNull();
      errors.add(e.error());
    }

    assertThat(errors)
        .containsExactly(
            "malformed result, nothing started: request 1: dedupeKey 'a' is a duplicate:"
                + " expected one request per key",
            "malformed result, nothing started: request 1: dedupeKey is ' ': expected a"
                + " non-blank key",
            "malformed result, nothing started: request 0 ('b'): action is null: expected a"
                + " TriggerAction",
            "malformed result, nothing started: request 1 is null: expected a RunRequest");
    assertThat(sensors.describe("malformed").cursor()).isNull();
    assertThat(sensors.describe("malformed").consecutiveFailures()).isEqualTo(4);
    assertThat(engines.ingestRuns()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRequestTheEngineRefusesIsRecordedWithItsErrorAndTheSensorShowsFailing(TestStore kind) {
    SensorFunction unknownType =
        ctx ->
            SensorResult.requests(
                "next",
                List.of(
                    new RunRequest("ok", CounterSensor.ingest(1)),
                    new RunRequest(
                        "bad", TriggerAction.StartWorkflow.of("NoSuchWorkflow", "ingest"))));
    Sensors sensors =
        engines.start(kind.open(dir), SensorDefinition.of("refused", INTERVAL, unknownType));

    SensorDescription d = engines.tick(sensors, "refused");

    SensorEvaluation e = d.recentEvaluations().getLast();
    assertThat(e.requests()).hasSize(2);
    assertThat(e.requests().get(0).outcome()).isEqualTo(TriggerOutcome.STARTED);
    SensorRequestOutcome bad = e.requests().get(1);
    assertThat(bad.workflowId()).isEqualTo("refused:bad");
    assertThat(bad.outcome()).isNull();
    assertThat(bad.error()).contains("cannot start 'refused:bad'").contains("NoSuchWorkflow");
    assertThat(e.error()).startsWith("request 1 ('bad') failed: cannot start 'refused:bad'");
    assertThat(e.cursorAfter()).isEqualTo("next");
    assertThat(d.status()).isEqualTo(SensorStatus.FAILING);
    assertThat(engines.ingestRuns()).containsExactly("refused:ok");
  }
}
