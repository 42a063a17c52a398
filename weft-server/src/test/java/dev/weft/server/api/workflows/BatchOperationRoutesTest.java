package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Batch operations over HTTP: start, describe, list, stop, and what is refused. */
class BatchOperationRoutesTest {
  static final String BATCHES = "/api/v1/namespaces/default/batch-operations";

  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String accounts(ApiCalls api, int n) {
    String prefix = Servers.id("batch");
    for (int i = 0; i < n; i++) {
      assertThat(
              api.post(Servers.WORKFLOWS, Servers.start("Account", prefix + "-" + i, 1)).status())
          .isEqualTo(201);
    }
    return prefix;
  }

  private static String running(String prefix) {
    return "WorkflowId STARTS_WITH '" + prefix + "' AND ExecutionStatus = 'Running'";
  }

  private static JsonNode awaitState(ApiCalls api, String jobId, String state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get(BATCHES + "/" + jobId).json().path("state").asText().equals(state));
    return api.get(BATCHES + "/" + jobId).json();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signalsEveryMatchingRunAndDescribesTheProgress(TestStore store) {
    ApiCalls api = servers.calls(store);
    String prefix = accounts(api, 3);

    Map<String, Object> body = new HashMap<>();
    body.put("operation", "SIGNAL");
    body.put("query", running(prefix));
    body.put("reason", "bonus");
    body.put("signalName", "deposit");
    body.put("signalArgs", List.of(10));
    body.put("maxOperationsPerSecond", 500);
    Answer started = api.post(BATCHES, body);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String jobId = started.json().path("jobId").asText();
    assertThat(jobId).isNotEmpty();

    JsonNode done = awaitState(api, jobId, "COMPLETED");
    assertThat(done.path("operation").asText()).isEqualTo("SIGNAL");
    assertThat(done.path("totalOperationCount").asLong()).isEqualTo(3);
    assertThat(done.path("completeOperationCount").asLong()).isEqualTo(3);
    assertThat(done.path("failureOperationCount").asLong()).isZero();
    for (int i = 0; i < 3; i++) {
      String id = prefix + "-" + i;
      assertThat(
              api.post(Servers.workflow(id) + "/queries/balance", null)
                  .json()
                  .path("result")
                  .asInt())
          .isEqualTo(11);
    }
    assertThat(api.get(BATCHES).json().path("batchOperations").findValuesAsText("jobId"))
        .contains(jobId);
    assertThat(api.get(BATCHES + "?limit=1").json().path("batchOperations").size()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStopLeavesTheRestAndABadQueryStartsNothing(TestStore store) {
    ApiCalls api = servers.calls(store);
    String prefix = accounts(api, 4);

    Answer bad =
        Problems.assertProblem(
            api.post(
                BATCHES, Map.of("operation", "TERMINATE", "query", "WorkflowId = ", "reason", "x")),
            400,
            "invalid-query");
    assertThat(bad.json().path("field").asText()).isEqualTo("query");
    Problems.assertBadField(
        api.post(BATCHES, Map.of("operation", "TERMINATE", "query", running(prefix))), "reason");
    Problems.assertBadField(
        api.post(
            BATCHES,
            Map.of(
                "operation",
                "TERMINATE",
                "query",
                running(prefix),
                "reason",
                "x",
                "signalName",
                "deposit")),
        "signalName");
    Problems.assertBadField(
        api.post(
            BATCHES,
            Map.of(
                "operation",
                "CANCEL",
                "query",
                running(prefix),
                "reason",
                "x",
                "maxOperationsPerSecond",
                0)),
        "maxOperationsPerSecond");
    Problems.assertBadField(
        api.post(
            BATCHES,
            Map.of(
                "operation",
                "CANCEL",
                "query",
                running(prefix) + " ORDER BY StartTime",
                "reason",
                "x")),
        "query");
    assertThat(api.get(BATCHES).json().path("batchOperations").findValuesAsText("query"))
        .as("nothing was started")
        .noneMatch(q -> q.startsWith("WorkflowId = ") || q.startsWith(running(prefix)));

    Answer started =
        api.post(
            BATCHES,
            Map.of(
                "jobId",
                "stop-" + prefix.substring(prefix.length() - 8),
                "operation",
                "TERMINATE",
                "query",
                running(prefix),
                "reason",
                "slowly",
                "maxOperationsPerSecond",
                0.2));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String jobId = started.json().path("jobId").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get(BATCHES + "/" + jobId).json().path("completeOperationCount").asLong() >= 1);
    Problems.assertBadField(api.post(BATCHES + "/" + jobId + "/stop", Map.of()), "reason");
    assertThat(api.post(BATCHES + "/" + jobId + "/stop", Map.of("reason", "enough")).status())
        .isEqualTo(204);

    JsonNode stopped = api.get(BATCHES + "/" + jobId).json();
    assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
    assertThat(stopped.path("completeOperationCount").asLong()).isBetween(1L, 3L);
    assertThat(stopped.path("closeTime").asText()).isNotEmpty();
    Problems.assertProblem(
        api.post(BATCHES + "/" + jobId + "/stop", Map.of("reason", "again")),
        409,
        "batch-operation-not-running");
    Problems.assertProblem(api.get(BATCHES + "/no-such-job"), 404, "batch-operation-not-found");
    Problems.assertProblem(
        api.post(BATCHES + "/no-such-job/stop", Map.of("reason", "x")),
        404,
        "batch-operation-not-found");
    Problems.assertProblem(
        api.post(
            BATCHES,
            Map.of("jobId", jobId, "operation", "CANCEL", "query", running(prefix), "reason", "x")),
        409,
        "workflow-already-started");
  }
}
