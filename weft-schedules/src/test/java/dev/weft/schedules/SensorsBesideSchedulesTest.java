package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.engine.WeftEngine;
import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.Ingest;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app with schedules and sensors on one engine: both facades share the engine's one worker of
 * the internal trigger queue, and a sensor's request runs through it.
 */
class SensorsBesideSchedulesTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  private WeftEngine engine;

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void schedulesAndSensorsShareTheTriggerWorker() {
    engine =
        WeftEngine.builder()
            .store(TestStore.SQLITE.open(dir))
            .clock(clock)
            .nodeId("beside")
            .build();
    engine.newWorker(Ingest.QUEUE).registerWorkflow(Ingest.class, Ingest.Echo::new);
    Schedules.builder(engine)
        .schedule(
            ScheduleDefinition.of(
                "hourly", ScheduleSpec.cron("@hourly"), CounterSensor.ingest(100)))
        .build();
    CounterSensor counter = new CounterSensor();
    counter.set(1);
    Sensors sensors =
        Sensors.builder(engine)
            .sensor(SensorDefinition.of("counter", Duration.ofSeconds(30), counter))
            .build();
    engine.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !engine
                    .client()
                    .getHandle("__weft_sensor:counter")
                    .describe()
                    .pendingTimers()
                    .isEmpty());
    clock.advance(Duration.ofSeconds(30));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "1".equals(sensors.describe("counter").cursor()));
    // the cursor moves before the evaluation that moved it is recorded (its requests start first)
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !sensors.describe("counter").recentEvaluations().isEmpty());

    SensorEvaluation evaluation = sensors.describe("counter").recentEvaluations().getLast();
    assertThat(evaluation.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(TriggerOutcome.STARTED));
  }
}
