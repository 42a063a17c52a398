package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.weft.history.WorkflowHistory;
import dev.weft.schedules.internal.SensorLoop;
import dev.weft.schedules.internal.SensorWorkflow;
import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensor workflow's history (a failed evaluation, requests started, a skip, a cursor set, a
 * pause and an unpause) replays on the same code without a determinism mismatch.
 */
class SensorReplayTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);

  @Test
  void aSensorHistoryReplays() {
    AtomicBoolean down = new AtomicBoolean(true);
    CounterSensor counter = new CounterSensor();
    SensorFunction sensor =
        ctx -> {
          if (down.getAndSet(false)) {
            throw new IllegalStateException("first evaluation fails");
          }
          return counter.evaluate(ctx);
        };
    Sensors sensors =
        engines.start(
            TestStore.SQLITE.open(dir), SensorDefinition.of("replayed", INTERVAL, sensor));
    engines.tick(sensors, "replayed");
    counter.set(2);
    engines.tick(sensors, "replayed");
    engines.tick(sensors, "replayed");
    sensors.setCursor("replayed", "1");
    sensors.pause("replayed", "replay test");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sensors.describe("replayed").status() == SensorStatus.PAUSED);
    sensors.unpause("replayed");
    SensorDescription last = engines.tick(sensors, "replayed");
    assertThat(last.recentEvaluations()).hasSize(4);

    WorkflowHistory history =
        engines.last().client().getHandle(SensorWorkflow.workflowId("replayed")).fetchHistory();
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history, SensorWorkflow.class, SensorLoop::new))
        .doesNotThrowAnyException();
  }
}
