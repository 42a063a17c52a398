package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.client.PendingTimer;
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
 * Operating sensors at run time: pause with a note stops evaluations until unpause, a sensor
 * defined paused starts paused, a changed interval takes effect on restart without losing the
 * cursor, and an unknown name is a {@link SensorNotFoundException}.
 */
class SensorOperationsTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);
  private final CounterSensor counter = new CounterSensor();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPausedSensorDoesNotEvaluateUntilUnpaused(TestStore kind) {
    Sensors sensors =
        engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter));
    counter.set(1);
    engines.tick(sensors, "counter");

    sensors.pause("counter", "chain maintenance");
    await().atMost(WAIT).until(() -> sensors.describe("counter").status() == SensorStatus.PAUSED);
    SensorDescription paused = sensors.describe("counter");
    assertThat(paused.pauseNote()).isEqualTo("chain maintenance");
    assertThat(paused.nextEvaluationAt()).isNull();
    await().atMost(WAIT).until(() -> pendingTimers("counter") == 0);
    counter.set(2);
    clock.advance(INTERVAL.multipliedBy(10));
    assertThat(sensors.describe("counter").recentEvaluations()).hasSize(1);

    sensors.unpause("counter");
    SensorDescription resumed = engines.tick(sensors, "counter");
    assertThat(resumed.status()).isEqualTo(SensorStatus.RUNNING);
    assertThat(resumed.pauseNote()).isNull();
    assertThat(resumed.recentEvaluations()).hasSize(2);
    assertThat(resumed.cursor()).isEqualTo("2");
    assertThat(engines.ingestRuns()).containsExactly("counter:value-1", "counter:value-2");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSensorDefinedPausedStartsPausedAndAChangedIntervalKeepsTheCursor(TestStore kind) {
    Sensors first =
        engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter).paused());
    await().atMost(WAIT).until(() -> first.describe("counter").status() == SensorStatus.PAUSED);
    first.unpause("counter");
    counter.set(1);
    engines.tick(first, "counter");
    engines.closeLast();

    Duration longer = Duration.ofMinutes(5);
    Sensors second =
        engines.start(kind.open(dir), SensorDefinition.of("counter", longer, counter).paused());
    await().atMost(WAIT).until(() -> second.describe("counter").minimumInterval().equals(longer));
    SensorDescription redefined = second.describe("counter");
    assertThat(redefined.status()).isEqualTo(SensorStatus.RUNNING);
    assertThat(redefined.cursor()).isEqualTo("1");
    Instant last = redefined.recentEvaluations().getLast().time();
    assertThat(engines.awaitTimer("counter")).isEqualTo(last.plus(longer));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownSensorIsNotFound(TestStore kind) {
    Sensors sensors =
        engines.start(kind.open(dir), SensorDefinition.of("counter", INTERVAL, counter));

    assertThat(sensors.list()).extracting(SensorDescription::name).containsExactly("counter");
    assertThatThrownBy(() -> sensors.describe("nope"))
        .isInstanceOf(SensorNotFoundException.class)
        .hasMessage("no sensor named 'nope' is defined");
    assertThatThrownBy(() -> sensors.pause("nope", "x"))
        .isInstanceOf(SensorNotFoundException.class);
    assertThatThrownBy(() -> sensors.setCursor("nope", "1"))
        .isInstanceOf(SensorNotFoundException.class);
  }

  private long pendingTimers(String name) {
    return engines
        .last()
        .client()
        .getHandle("__weft_sensor:" + name)
        .describe()
        .pendingTimers()
        .stream()
        .map(PendingTimer::fireAt)
        .count();
  }
}
