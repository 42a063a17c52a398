package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET .../result}: the long poll for a workflow's outcome. */
class WorkflowResultRouteTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aCompletedWorkflowAnswersItsResult(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("greet");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Greeter", id, "Ada"))
            .json()
            .path("runId")
            .asText();
    Answer a = api.get(Servers.workflow(id) + "/result?wait=PT30S");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().path("status").asText()).isEqualTo("COMPLETED");
    assertThat(a.json().path("result").asText()).isEqualTo("Hello, Ada");
    assertThat(
            api.get(Servers.workflow(id) + "/result?runId=" + runId).json().path("result").asText())
        .isEqualTo("Hello, Ada");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aFailedWorkflowAnswersItsFailureAsADocument(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("fail");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Failer", id, "no way"))
            .json()
            .path("runId")
            .asText();
    Answer a = api.get(Servers.workflow(id) + "/result");
    assertThat(a.status()).isEqualTo(200);
    JsonNode outcome = a.json();
    assertThat(outcome.path("status").asText()).isEqualTo("FAILED");
    assertThat(outcome.path("runId").asText()).isEqualTo(runId);
    assertThat(outcome.has("result")).isFalse();
    JsonNode failure = outcome.path("failure");
    assertThat(failure.path("kind").asText()).isEqualTo("APPLICATION");
    assertThat(failure.path("type").asText()).isEqualTo("Refused");
    assertThat(failure.path("message").asText()).isEqualTo("no way");
    assertThat(failure.path("nonRetryable").asBoolean()).isTrue();
    assertThat(failure.path("cause").path("type").asText()).isEqualTo("RootCause");
    assertThat(failure.path("cause").path("message").asText()).isEqualTo("the root of it");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRunningWorkflowIs202AfterTheWaitAndTerminatedIsAnOutcome(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("running");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1)).json().path("runId").asText();
    Answer running = api.get(Servers.workflow(id) + "/result?wait=PT0S");
    assertThat(running.status()).isEqualTo(202);
    assertThat(running.json().path("status").asText()).isEqualTo("RUNNING");
    assertThat(running.json().path("workflowId").asText()).isEqualTo(id);
    assertThat(running.json().path("runId").asText()).isEqualTo(runId);
    assertThat(running.json().has("result")).isFalse();
    Answer shortWait = api.get(Servers.workflow(id) + "/result?wait=PT0.2S&runId=" + runId);
    assertThat(shortWait.status()).isEqualTo(202);
    assertThat(shortWait.json().path("runId").asText()).isEqualTo(runId);

    api.post(Servers.workflow(id) + "/terminate", Map.of("reason", "enough"));
    JsonNode terminated = api.get(Servers.workflow(id) + "/result").json();
    assertThat(terminated.path("status").asText()).isEqualTo("TERMINATED");
    assertThat(terminated.path("failure").path("kind").asText()).isEqualTo("TERMINATED");
    assertThat(terminated.path("failure").path("message").asText()).contains("enough");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badWaitsAndUnknownWorkflowsAreRefused(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("result-bad");
    api.post(Servers.WORKFLOWS, Servers.start("Greeter", id, "x"));
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/result?wait=30"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/result?wait=PT61S"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/result?wait=-PT1S"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/result?timeout=PT1S"), 400, "unknown-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(Servers.id("none")) + "/result?wait=PT0S"),
        404,
        "workflow-not-found");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/result?runId=nope"), 404, "workflow-not-found");
  }
}
