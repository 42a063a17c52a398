package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Two sensor builders on one engine (an app's and another's, as on a `weft server` node serving two
 * apps): they share the sensor workflow and the evaluation worker, each one's sensors are
 * evaluated, and a name defined by both is refused.
 */
class TwoSensorBuildersTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  private WeftEngine engine;

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void eachBuildersSensorsAreEvaluatedOnTheSharedWorker() {
    engine = engine();
    CounterSensor first = new CounterSensor();
    first.set(1);
    CounterSensor second = new CounterSensor();
    second.set(2);
    Sensors a =
        Sensors.builder(engine)
            .sensor(SensorDefinition.of("first", Duration.ofSeconds(30), first))
            .build();
    Sensors b =
        Sensors.builder(engine)
            .sensor(SensorDefinition.of("second", Duration.ofSeconds(30), second))
            .build();
    Sensors.builder(engine).build(); // a third, without sensors (an API node's), changes nothing
    engine.start();

    awaitTimer("first");
    awaitTimer("second");
    clock.advance(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(20)).until(() -> "1".equals(a.describe("first").cursor()));
    await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(b.describe("second").cursor()));
    // the cursor moves before the evaluation that moved it is recorded (its requests start first)
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> evaluated(a, "first") && evaluated(b, "second"));
    assertThat(a.describe("first").recentEvaluations().getLast().error()).isNull();
    assertThat(b.describe("second").recentEvaluations().getLast().error()).isNull();
  }

  @Test
  void aNameDefinedByTwoBuildersIsRefused() {
    engine = engine();
    Sensors.builder(engine)
        .sensor(SensorDefinition.of("blocks", Duration.ofSeconds(30), new CounterSensor()))
        .build();
    Sensors.Builder again =
        Sensors.builder(engine)
            .sensor(SensorDefinition.of("blocks", Duration.ofSeconds(5), new CounterSensor()));

    assertThatThrownBy(again::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sensor 'blocks' is defined twice on this engine");
  }

  private WeftEngine engine() {
    WeftEngine built =
        WeftEngine.builder()
            .store(TestStore.SQLITE.open(dir))
            .clock(clock)
            .nodeId("two-sensor-builders")
            .build();
    built.newWorker(Ingest.QUEUE).registerWorkflow(Ingest.class, Ingest.Echo::new);
    return built;
  }

  private static boolean evaluated(Sensors sensors, String name) {
    return !sensors.describe(name).recentEvaluations().isEmpty();
  }

  private void awaitTimer(String sensor) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !engine
                    .client()
                    .getHandle("__weft_sensor:" + sensor)
                    .describe()
                    .pendingTimers()
                    .isEmpty());
  }
}
