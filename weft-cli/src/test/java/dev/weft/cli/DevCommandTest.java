package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.client.WorkflowFilter;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.examples.assets.PublishDailyReport;
import dev.weft.examples.triggers.ExampleTriggers;
import dev.weft.store.sqlite.SqliteStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft dev} in a child JVM: prints where the API and the store are and what to try, serves
 * the API, starts the example runs once on a fresh store (not again on the next start), keeps the
 * example assets' values under {@code --data-dir}, and stops cleanly on SIGTERM.
 */
class DevCommandTest {
  private static final int SIGTERM_EXIT = 128 + 15;

  @TempDir Path dir;

  @Test
  void servesTheApiAndTheExamplesAndStartsTheExampleRunsOnce() throws Exception {
    String api = startAndStop(true);
    assertThat(api).startsWith("http://127.0.0.1:");
    // the five example runs and the daily report, and the system runs they started: the
    // materialization of the example assets (and the report's own, once the volume is fresh)
    assertThat(exampleRuns()).hasSize(6).contains(PublishDailyReport.WORKFLOW_ID);
    assertThat(materializations()).isPositive();

    startAndStop(false);
    assertThat(exampleRuns()).as("a second start starts no more example runs").hasSize(6);
  }

  private String startAndStop(boolean checkOutput) throws Exception {
    CliProcess dev = CliProcess.start(dir, "dev", List.of("--data-dir", "data"));
    String apiLine = dev.awaitLine("API ");
    dev.awaitLine("Stop with Ctrl-C");
    String api = apiLine.trim().split("\\s+")[1];
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    if (checkOutput) {
      // the example assets keep their values under the data directory, not ./weft-data
      Path values = dir.resolve("data/assets/chain");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(values.resolve("raw_blocks.json"))
                      .as("materialized into --data-dir")
                      .exists());
      assertThat(dir.resolve("weft-data")).doesNotExist();
      assertThat(dev.output())
          .anyMatch(l -> l.contains("store") && l.contains(dir.resolve("data/weft.db").toString()))
          .anyMatch(l -> l.contains("[examples]"))
          .anyMatch(l -> l.contains(ExamplesApp.WAITING_APPROVAL_ID));
    }
    assertThat(dev.stop()).isEqualTo(SIGTERM_EXIT);
    return api;
  }

  /**
   * The IDs of the runs that are not the engine's own ({@code __weft_...}) nor the ingestions the
   * sensor {@code chain-height} starts as the example chain grows (one block every 10 s).
   */
  private List<String> exampleRuns() {
    return workflowIds().stream()
        .filter(id -> !id.startsWith("__weft_"))
        .filter(id -> !id.startsWith(ExampleTriggers.CHAIN_HEIGHT + ":"))
        .toList();
  }

  private long materializations() {
    return workflowIds().stream().filter(id -> id.startsWith("__weft_materialize:")).count();
  }

  private List<String> workflowIds() {
    try (WeftEngine engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("data/weft.db"))).build()) {
      return engine.client().listWorkflows(WorkflowFilter.all()).workflows().stream()
          .map(w -> w.workflowId())
          .toList();
    }
  }
}
