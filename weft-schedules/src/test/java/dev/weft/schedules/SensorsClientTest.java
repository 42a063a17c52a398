package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.engine.WeftEngine;
import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Sensors#client}: a second engine on the same PostgreSQL store, which defines no sensor
 * (its {@code Sensors.builder(engine).build()} registers the sensor workflow only, to answer
 * describe queries), lists and describes the sensor the first engine runs, pauses, unpauses and
 * sets its cursor, and names an unknown sensor as not found. A SQLite file takes one engine, so on
 * SQLite the view is of the engine that runs the sensor.
 */
class SensorsClientTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);
  private final CounterSensor counter = new CounterSensor();

  @Test
  void aClientOnAnotherEngineListsDescribesAndOperatesTheSensor() {
    TestStore kind = TestStore.POSTGRES;
    Sensors running =
        engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter));
    counter.set(1);
    engines.tick(running, "counter");

    try (WeftEngine other =
        WeftEngine.builder().store(kind.open(dir)).clock(clock).nodeId("api-node").build()) {
      Sensors.builder(other).build();
      other.start();
      operate(running, Sensors.client(other.client()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aClientOfTheRunningEngineListsDescribesAndOperatesTheSensor(TestStore kind) {
    Sensors running =
        engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter));
    counter.set(1);
    engines.tick(running, "counter");

    operate(running, Sensors.client(engines.last().client()));
  }

  private static void operate(Sensors running, Sensors viewed) {
    assertThat(viewed.list()).extracting(SensorDescription::name).containsExactly("counter");
    SensorDescription described = viewed.describe("counter");
    assertThat(described.status()).isEqualTo(SensorStatus.RUNNING);
    assertThat(described.cursor()).isEqualTo("1");
    assertThat(described.minimumInterval()).isEqualTo(INTERVAL);
    assertThat(described.recentEvaluations()).hasSize(1);
    assertThat(described.recentEvaluations().getFirst().requests())
        .extracting(SensorRequestOutcome::workflowId)
        .containsExactly("counter:value-1");

    viewed.pause("counter", "maintenance");
    await().atMost(WAIT).until(() -> viewed.describe("counter").status() == SensorStatus.PAUSED);
    assertThat(running.describe("counter").pauseNote()).isEqualTo("maintenance");
    viewed.setCursor("counter", "7");
    await().atMost(WAIT).until(() -> "7".equals(viewed.describe("counter").cursor()));
    viewed.unpause("counter");
    await().atMost(WAIT).until(() -> viewed.describe("counter").status() == SensorStatus.RUNNING);

    assertThatThrownBy(() -> viewed.describe("nope"))
        .isInstanceOf(SensorNotFoundException.class)
        .hasMessage("no sensor named 'nope' is defined");
    assertThatThrownBy(() -> viewed.setCursor("nope", null))
        .isInstanceOf(SensorNotFoundException.class);
  }
}
