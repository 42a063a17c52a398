package dev.weft.schedules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait of a failing sensor doubles per failure, capped at ten minutes or the interval. */
class SensorBackoffTest {

  @Test
  void theWaitDoublesPerConsecutiveFailureUpToTenMinutes() {
    Duration second = Duration.ofSeconds(1);
    assertThat(SensorBackoff.delay(second, 0)).isEqualTo(second);
    assertThat(SensorBackoff.delay(second, 1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(SensorBackoff.delay(second, 3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(SensorBackoff.delay(second, 10)).isEqualTo(Duration.ofMinutes(10));
    assertThat(SensorBackoff.delay(second, 1_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void anIntervalLongerThanTheCapIsKeptWhileFailing() {
    Duration hour = Duration.ofHours(1);
    assertThat(SensorBackoff.delay(hour, 5)).isEqualTo(hour);
  }
}
