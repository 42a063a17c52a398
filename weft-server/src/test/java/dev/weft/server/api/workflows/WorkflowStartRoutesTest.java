package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code POST .../workflows}, {@code .../signal-with-start} and {@code .../update-with-start}. */
class WorkflowStartRoutesTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void startsWithEveryOptionAndAnswersTheRun(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("start");
    Map<String, Object> options =
        Map.ofEntries(
            Map.entry("workflowId", id),
            Map.entry("taskQueue", TestWorkflows.QUEUE),
            Map.entry("idReusePolicy", "ALLOW_DUPLICATE_FAILED_ONLY"),
            Map.entry("idConflictPolicy", "FAIL"),
            Map.entry("workflowExecutionTimeout", "PT2H"),
            Map.entry("workflowRunTimeout", "PT1H"),
            Map.entry(
                "retryPolicy",
                Map.of(
                    "initialInterval",
                    "PT2S",
                    "backoffCoefficient",
                    3,
                    "maximumInterval",
                    "PT1M",
                    "maximumAttempts",
                    4,
                    "nonRetryableErrorTypes",
                    List.of("Refused"))),
            Map.entry(
                "searchAttributes",
                Map.of(
                    "CustomerId",
                    "c-7",
                    "Amount",
                    120,
                    "Due",
                    "2026-12-24T18:00:00+01:00",
                    "Tags",
                    List.of("vip", "eu"))),
            Map.entry("memo", Map.of("note", Map.of("by", "ops", "n", 2))),
            Map.entry(
                "priority",
                Map.of("priority", 2, "fairnessKey", "tenant-a", "fairnessWeight", 2.5)),
            Map.entry("startDelay", "PT0S"));
    Answer a =
        api.post(
            Servers.WORKFLOWS,
            Map.of("workflowType", "Account", "args", List.of(100), "options", options));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().path("workflowId").asText()).isEqualTo(id);
    String runId = a.json().path("runId").asText();
    assertThat(runId).isNotBlank();

    JsonNode d = api.get(Servers.workflow(id)).json();
    assertThat(d.path("runId").asText()).isEqualTo(runId);
    assertThat(d.path("workflowType").asText()).isEqualTo("Account");
    assertThat(d.path("taskQueue").asText()).isEqualTo(TestWorkflows.QUEUE);
    assertThat(d.path("status").asText()).isEqualTo("RUNNING");
    assertThat(d.path("runDeadline").asText()).isNotEmpty();
    assertThat(d.path("searchAttributes").path("CustomerId").asText()).isEqualTo("c-7");
    assertThat(d.path("searchAttributes").path("Amount").asLong()).isEqualTo(120);
    assertThat(d.path("searchAttributes").path("Due").asText()).isEqualTo("2026-12-24T17:00:00Z");
    assertThat(d.path("searchAttributes").path("Tags").toString()).isEqualTo("[\"vip\",\"eu\"]");
    assertThat(d.path("memo").path("note").path("by").asText()).isEqualTo("ops");

    JsonNode started =
        api.get(Servers.workflow(id) + "/history?pageSize=1")
            .json()
            .path("events")
            .get(0)
            .path("attributes");
    assertThat(started.path("type").asText()).isEqualTo("WorkflowStarted");
    assertThat(started.path("input").path("json").toString()).isEqualTo("[100]");
    assertThat(started.path("runTimeout").asText()).isEqualTo("PT1H");
    assertThat(started.path("retryPolicy").path("maximumAttempts").asInt()).isEqualTo(4);
    assertThat(started.path("retryPolicy").path("backoffCoefficient").asDouble()).isEqualTo(3.0);
    assertThat(started.path("priority").path("priority").asInt()).isEqualTo(2);
    assertThat(started.path("priority").path("fairnessKey").asText()).isEqualTo("tenant-a");

    assertThat(api.post(Servers.workflow(id) + "/signals/close", null).status()).isEqualTo(204);
    JsonNode result = api.get(Servers.workflow(id) + "/result?wait=PT30S").json();
    assertThat(result.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(result.path("result").path("balance").asInt()).isEqualTo(100);
  }
}
