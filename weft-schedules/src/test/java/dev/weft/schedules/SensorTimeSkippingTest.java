package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.history.EventAttributes;
import dev.weft.schedules.testsupport.CounterSensor;
import dev.weft.schedules.testsupport.Ingest;
import dev.weft.testing.WeftTestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two minutes of a one-second sensor with the test kit's skipping clock: every evaluation requests
 * one new run, each started exactly once; the sensor continues as new every 50 evaluations carrying
 * its cursor and keeps only its last 50 evaluations.
 */
class SensorTimeSkippingTest {
  private WeftTestEnvironment env;

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aOneSecondSensorStartsOneRunPerEvaluationAcrossContinueAsNew() {
    env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(Instant.parse("2026-03-02T08:00:00Z")));
    env.newWorker(Ingest.QUEUE).registerWorkflow(Ingest.class, Ingest.Echo::new);
    AtomicLong evaluations = new AtomicLong();
    CounterSensor counter = new CounterSensor();
    SensorFunction everyTick =
        ctx -> {
          counter.set(evaluations.incrementAndGet());
          return counter.evaluate(ctx);
        };
    Sensors sensors =
        Sensors.builder(env.engine())
            .sensor(SensorDefinition.of("ticks", Duration.ofSeconds(1), everyTick))
            .build();
    env.clock().freeze(); // time moves only with env.sleep: exactly one evaluation a second
    env.start();

    // past one run's evaluations (500, or fewer at the history's continue-as-new suggestion)
    env.sleep(Duration.ofSeconds(600));
    env.awaitIdle();

    SensorDescription d = sensors.describe("ticks");
    long evaluated = evaluations.get();
    assertThat(evaluated).isEqualTo(600);
    assertThat(d.cursor()).isEqualTo(Long.toString(evaluated));
    assertThat(d.recentEvaluations()).hasSize(50);
    assertThat(d.recentEvaluations().getLast().cursorAfter()).isEqualTo(d.cursor());
    List<String> runs =
        env
            .client()
            .listWorkflows(WorkflowFilter.all().withType(Ingest.TYPE).withPageSize(1000))
            .workflows()
            .stream()
            .map(WorkflowSummary::workflowId)
            .toList();
    assertThat(runs).hasSize((int) evaluated).doesNotHaveDuplicates().contains("ticks:value-1");
    EventAttributes started =
        env.client()
            .getHandle("__weft_sensor:ticks")
            .fetchHistory()
            .events()
            .getFirst()
            .attributes();
    assertThat(started)
        .isInstanceOfSatisfying(
            EventAttributes.WorkflowStarted.class,
            s -> assertThat(s.continuedFromRunId()).isNotNull());
  }
}
