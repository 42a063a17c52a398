package dev.weft.examples.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Assets;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.PartitionedExamples;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.SensorStatus;
import dev.weft.schedules.TriggerOutcome;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sensor {@code volume-report} on a real engine: created paused, it ignores a materialization;
 * unpaused, it is not evaluated for what was materialized before; the next materialization of the
 * daily volume starts one report, exactly once, whose result names the data version; materializing
 * the same data again is evaluated but starts no second report.
 */
class VolumeReportSensorTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String VOLUME_AND_UPSTREAM = "+" + VolumeReportSensor.VOLUME.path();

  @TempDir Path dir;
  private WeftEngine engine;
  private ExampleTriggers triggers;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eachNewDailyVolumeStartsOneReport(TestStore store) throws Exception {
    engine = WeftEngine.builder().store(store.open(dir)).build();
    PartitionedExamples partitioned = TriggerExamples.partitioned();
    Assets assets = TriggerExamples.register(engine, partitioned);
    triggers = ExampleTriggers.register(engine, assets, partitioned.blocks(), name -> null);
    engine.start();
    await()
        .atMost(WAIT)
        .until(
            () ->
                sensor().status() == SensorStatus.PAUSED
                    && sensor().watchedAssets().equals(List.of(VolumeReportSensor.VOLUME.path())));
    assets.materialize(VOLUME_AND_UPSTREAM).await(WAIT);
    assertThat(catalogWaits()).as("paused, it holds no catalog wait").isEmpty();

    triggers.sensors().unpause(ExampleTriggers.VOLUME_REPORT);
    await().atMost(WAIT).until(() -> !catalogWaits().isEmpty());
    Thread.sleep(2 * ExampleTriggers.VOLUME_REPORT_INTERVAL.toMillis());
    assertThat(evaluations())
        .as("the materialization while paused is before the watch began: no evaluation")
        .isEmpty();
    assertThat(reports()).isEmpty();

    assets.materialize(VOLUME_AND_UPSTREAM).await(WAIT);
    String version = assets.status(VolumeReportSensor.VOLUME).orElseThrow().current().dataVersion();
    String reportId = "volume-report:" + version.substring(0, VolumeReportSensor.KEY_LENGTH);
    await().atMost(WAIT).until(() -> evaluations().size() == 1);
    assertThat(evaluations().getFirst().requests())
        .extracting(SensorRequestOutcome::workflowId, SensorRequestOutcome::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(reportId, TriggerOutcome.STARTED));
    Object line = engine.client().getHandle(reportId).getResult(WAIT);
    assertThat(line)
        .asString()
        .startsWith("chain/daily_volume has new data (version " + version + ")");

    assets.materialize(VOLUME_AND_UPSTREAM).await(WAIT);
    assertThat(assets.status(VolumeReportSensor.VOLUME).orElseThrow().current().dataVersion())
        .as("the example chain is the same: so is the volume's data")
        .isEqualTo(version);
    await().atMost(WAIT).until(() -> evaluations().size() == 2);
    assertThat(evaluations().getLast().requests())
        .extracting(SensorRequestOutcome::outcome)
        .containsExactly(TriggerOutcome.ALREADY_STARTED);

    Thread.sleep(2 * ExampleTriggers.VOLUME_REPORT_INTERVAL.toMillis());
    assertThat(evaluations()).as("no evaluation without a new materialization").hasSize(2);
    assertThat(reports()).as("one report, started once").containsExactly(reportId);
  }

  private SensorDescription sensor() {
    return triggers.sensors().describe(ExampleTriggers.VOLUME_REPORT);
  }

  private List<SensorEvaluation> evaluations() {
    return sensor().recentEvaluations();
  }

  private List<String> reports() {
    return engine
        .client()
        .listWorkflows(WorkflowFilter.all().withType(VolumeReport.TYPE).withPageSize(100))
        .workflows()
        .stream()
        .map(WorkflowSummary::workflowId)
        .toList();
  }

  private List<WorkflowSummary> catalogWaits() {
    return engine
        .client()
        .listWorkflows(
            WorkflowFilter.query(
                "WorkflowType = '__weft_await_asset' AND ExecutionStatus = 'Running'"))
        .workflows();
  }
}
