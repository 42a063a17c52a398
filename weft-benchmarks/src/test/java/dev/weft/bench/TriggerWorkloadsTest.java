package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedules and sensors workloads at a tiny size (a few triggers every second for 3 seconds):
 * every firing is found and measured, every evaluation is matched to the timer it was due on, and
 * their options are refused by the workloads that do not read them.
 */
class TriggerWorkloadsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test
  void everyScheduleFiresOnceAtEachMeasuredFireTime() throws Exception {
    Map<String, Object> json =
        BenchRunner.run(
            "schedules", new BenchOptions(null, 4, null, null, null, null, null, 3, 1), print);

    assertThat(json)
        .containsEntry("schedules", 4)
        .containsEntry("fire_times", 3)
        .containsEntry("expected_firings", 12L)
        .containsEntry("firings", 12L);
    assertThat((Double) json.get("late_max_ms"))
        .isGreaterThanOrEqualTo((Double) json.get("late_p50_ms"));
    assertThat((Double) json.get("cpu_ms_per_firing")).isPositive();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("target: lateness p99 <= 100 ms");
  }

  @Test
  void sensorEvaluationsAreMeasuredAgainstTheirTimers() throws Exception {
    Map<String, Object> json =
        BenchRunner.run(
            "sensors", new BenchOptions(null, 4, null, null, null, null, null, 3, 1), print);

    // 4 sensors, one evaluation a second (plus the evaluation's own time) for 3 seconds
    assertThat(((Number) json.get("evaluations")).longValue()).isBetween(4L, 12L);
    assertThat((Double) json.get("cpu_ms_per_evaluation")).isPositive();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("target: lateness p99 <= 100 ms")
        .contains("over " + json.get("evaluations") + " evaluations");
  }

  @Test
  void durationAndIntervalApplyToSchedulesAndSensorsOnly() {
    assertThatThrownBy(
            () ->
                BenchRunner.run(
                    "chain",
                    new BenchOptions(null, null, null, 4, null, null, null, 3, null),
                    print))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "--duration and --interval apply to the schedules and sensors workloads only, not to"
                + " chain");
    assertThatThrownBy(() -> new BenchOptions(null, 4, null, null, null, null, null, null, 0))
        .hasMessageContaining("--interval must be >= 1, was 0");
  }
}
