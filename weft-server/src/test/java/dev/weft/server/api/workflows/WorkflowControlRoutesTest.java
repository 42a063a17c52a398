package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cancel, terminate, pause, resume and reset. */
class WorkflowControlRoutesTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String account(ApiCalls api) {
    String id = Servers.id("control");
    assertThat(api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1)).status())
        .isEqualTo(201);
    return id;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void cancelEndsTheRunCanceled(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api);
    Answer a = api.post(Servers.workflow(id) + "/cancel", Map.of("reason", "customer left"));
    assertThat(a.status()).isEqualTo(204);
    JsonNode outcome = api.get(Servers.workflow(id) + "/result").json();
    assertThat(outcome.path("status").asText()).isEqualTo("CANCELED");
    assertThat(outcome.path("failure").path("kind").asText()).isEqualTo("CANCELED");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/cancel", null), 409, "workflow-not-running");
    Problems.assertBadField(
        api.post(Servers.workflow(Servers.id("x")) + "/cancel", Map.of("reason", 5)), "reason");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/cancel", null),
        404,
        "workflow-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void terminateEndsTheRunAtOnce(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api);
    assertThat(api.send("POST", Servers.workflow(id) + "/terminate", null, Map.of()).status())
        .isEqualTo(204);
    assertThat(api.get(Servers.workflow(id)).json().path("status").asText())
        .isEqualTo("TERMINATED");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/terminate", Map.of("reason", "again")),
        409,
        "workflow-not-running");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/terminate", Map.of("why", "x")), "why");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/terminate", null),
        404,
        "workflow-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void pauseHoldsTheRunUntilResume(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api);
    await()
        .until(
            () ->
                api.post(Servers.workflow(id) + "/queries/balance", null)
                        .json()
                        .path("result")
                        .asInt()
                    == 1);
    assertThat(
            api.post(Servers.workflow(id) + "/pause", Map.of("reason", "investigating")).status())
        .isEqualTo(204);
    JsonNode paused = api.get(Servers.workflow(id)).json();
    assertThat(paused.path("pause").path("reason").asText()).isEqualTo("investigating");
    JsonNode listed =
        api.get(
                Servers.WORKFLOWS
                    + "?query="
                    + java.net.URLEncoder.encode(
                        "WorkflowId = '" + id + "' AND Paused = true",
                        java.nio.charset.StandardCharsets.UTF_8))
            .json()
            .path("workflows");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("pause").path("reason").asText()).isEqualTo("investigating");

    api.post(Servers.workflow(id) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(id) + "/result?wait=PT0.3S").status())
        .as("a paused run does not move on")
        .isEqualTo(202);
    assertThat(api.post(Servers.workflow(id) + "/resume", null).status()).isEqualTo(204);
    assertThat(api.get(Servers.workflow(id) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(api.get(Servers.workflow(id)).json().has("pause")).isFalse();

    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/pause", null), 409, "workflow-not-running");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/resume", Map.of("reason", "x")), "reason");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/resume", "{}"),
        404,
        "workflow-not-found");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/pause", null), 404, "workflow-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void resetStartsANewRunFromAWorkflowTask(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api);
    api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", List.of(5)));
    await()
        .until(
            () ->
                api.post(Servers.workflow(id) + "/queries/balance", null)
                        .json()
                        .path("result")
                        .asInt()
                    == 6);
    String oldRun = api.get(Servers.workflow(id)).json().path("runId").asText();
    JsonNode events = api.get(Servers.workflow(id) + "/history").json().path("events");
    long taskCompleted = -1;
    long other = -1;
    for (JsonNode e : events) {
      String type = e.path("attributes").path("type").asText();
      if (type.equals("WorkflowTaskCompleted") && taskCompleted < 0) {
        taskCompleted = e.path("eventId").asLong();
      } else if (!type.equals("WorkflowTaskCompleted")) {
        other = e.path("eventId").asLong();
      }
    }
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/reset", Map.of("eventId", other)),
        400,
        "invalid-reset-point");
    Problems.assertBadField(api.post(Servers.workflow(id) + "/reset", Map.of()), "eventId");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/reset", Map.of("eventId", "two")), "eventId");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/reset", Map.of("eventId", 0)), "eventId");
    Problems.assertProblem(
        api.send("POST", Servers.workflow(id) + "/reset", null, Map.of()), 400, "missing-body");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/reset", Map.of("eventId", 2)),
        404,
        "workflow-not-found");

    Answer reset =
        api.post(
            Servers.workflow(id) + "/reset?runId=" + oldRun,
            Map.of("eventId", taskCompleted, "reason", "bad deploy"));
    assertThat(reset.status()).as(reset.body()).isEqualTo(201);
    String newRun = reset.json().path("runId").asText();
    assertThat(newRun).isNotEqualTo(oldRun);
    assertThat(api.get(Servers.workflow(id)).json().path("runId").asText()).isEqualTo(newRun);
    assertThat(api.get(Servers.workflow(id) + "?runId=" + oldRun).json().path("status").asText())
        .isEqualTo("TERMINATED");
    await()
        .until(
            () ->
                api.post(Servers.workflow(id) + "/queries/balance", null)
                        .json()
                        .path("result")
                        .asInt()
                    == 6);
  }
}
