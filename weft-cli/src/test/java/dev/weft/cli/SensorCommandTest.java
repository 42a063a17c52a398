package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.examples.greeting.GreetingWorkflow;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.Sensors;
import dev.weft.schedules.TriggerAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code weft sensor list|describe|pause|unpause|cursor} against a real server whose app defines a
 * sensor that greets block 1 once its cursor is below 1.
 */
class SensorCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ApiServerExtension server =
      ApiServerExtension.serving(
          (WeftEngine engine) -> {
            new ExamplesApp().register(engine);
            Sensors.builder(engine)
                .sensor(
                    SensorDefinition.of(
                        "blocks",
                        Duration.ofSeconds(1),
                        context -> {
                          if (context.cursor() != null) {
                            return SensorResult.skip("no new block");
                          }
                          return SensorResult.requests(
                              "1",
                              List.of(
                                  new RunRequest(
                                      "block-1",
                                      TriggerAction.StartWorkflow.of(
                                          "GreetingWorkflow",
                                          GreetingWorkflow.TASK_QUEUE,
                                          TextNode.valueOf("block 1"),
                                          TextNode.valueOf("en")))));
                        }))
                .build();
          });

  private static CliRun sensor(String... args) {
    return server.run("sensor", args);
  }

  private static void awaitDescribed(String text) {
    await().atMost(WAIT).until(() -> sensor("describe", "blocks").out().contains(text));
  }

  @Test
  void listsAndDescribesTheSensorWithItsEvaluationsAsTablesAndAsJson() {
    awaitDescribed("blocks:block-1 STARTED");
    awaitDescribed("skipped: no new block"); // the evaluation after the one that started it

    CliRun table = sensor("list");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow())
        .startsWith("SENSOR")
        .contains("NEXT EVALUATION");
    // the examples app the server also runs has its own sensor (chain-height)
    assertThat(table.out().lines().skip(1).filter(l -> l.startsWith("blocks ")))
        .satisfiesExactly(l -> assertThat(l).contains("RUNNING", "PT1S"));
    CliRun json = sensor("list", "--output", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode sensors = JsonValues.parseOne("json", json.out()).path("sensors");
    assertThat(sensors.findValuesAsText("name")).contains("blocks");

    CliRun described = sensor("describe", "blocks");
    assertThat(described.exit()).as(described.err()).isZero();
    assertThat(described.out())
        .contains("Sensor:          blocks")
        .contains("Cursor:          1")
        .contains("EVALUATION")
        .contains("skipped: no new block");
    CliRun describedJson = sensor("describe", "blocks", "--output", "json");
    JsonNode first =
        JsonValues.parseOne("json", describedJson.out()).path("recentEvaluations").get(0);
    assertThat(first.path("requests").get(0).path("workflowId").asText())
        .isEqualTo("blocks:block-1");
  }

  @Test
  void pausesUnpausesAndSetsAndResetsTheCursor() {
    // the first evaluation started block 1 before anything else (this test may run first: a
    // pause before that evaluation would leave block 1 to the request after the reset)
    awaitDescribed("blocks:block-1 STARTED");
    CliRun paused = sensor("pause", "blocks", "--note", "chain maintenance");
    assertThat(paused.exit()).as(paused.err()).isZero();
    assertThat(paused.out()).contains("sensor blocks: pause sent");
    awaitDescribed("Pause note:      chain maintenance");
    assertThat(sensor("describe", "blocks").out()).contains("Status:          PAUSED");

    assertThat(sensor("unpause", "blocks").exit()).isZero();
    awaitDescribed("Status:          RUNNING");

    CliRun set = sensor("cursor", "blocks", "5");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("cursor 5 sent");
    awaitDescribed("Cursor:          5");

    CliRun reset = sensor("cursor", "blocks", "--reset", "--output", "json");
    assertThat(reset.exit()).as(reset.err()).isZero();
    assertThat(JsonValues.parseOne("json", reset.out()).path("name").asText()).isEqualTo("blocks");
    // from no cursor, the sensor asks for block 1 again: its run exists, nothing new starts
    awaitDescribed("blocks:block-1 ALREADY_STARTED");
  }

  @Test
  void anUnknownSensorIsRefusedAndBadUsageIsExit2() {
    CliRun unknown = sensor("describe", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("nope");
    assertThat(sensor("pause", "nope").exit()).isEqualTo(1);
    assertThat(sensor("cursor", "blocks").exit()).isEqualTo(2);
    assertThat(sensor("cursor", "blocks", "5", "--reset").exit()).isEqualTo(2);
    assertThat(sensor("describe").exit()).isEqualTo(2);
    assertThat(run("sensor").exit()).isEqualTo(2);
  }
}
