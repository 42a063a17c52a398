package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** Signals, queries and updates. */
class WorkflowMessageRoutesTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String account(ApiCalls api, int opening) {
    String id = Servers.id("account");
    assertThat(api.post(Servers.WORKFLOWS, Servers.start("Account", id, opening)).status())
        .isEqualTo(201);
    return id;
  }

  private static int balance(ApiCalls api, String id) {
    return api.post(Servers.workflow(id) + "/queries/balance", null).json().path("result").asInt();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signalsReachTheRunAndQueriesSeeThem(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 10);
    Answer signalled =
        api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", List.of(5)));
    assertThat(signalled.status()).isEqualTo(204);
    assertThat(signalled.body()).isEmpty();
    assertThat(balance(api, id)).isEqualTo(15);
    String runId = api.get(Servers.workflow(id)).json().path("runId").asText();
    assertThat(
            api.post(Servers.workflow(id) + "/signals/deposit?runId=" + runId, "{\"args\":[1]}")
                .status())
        .isEqualTo(204);
    Answer q = api.post(Servers.workflow(id) + "/queries/balance?runId=" + runId, "{}");
    assertThat(q.json().path("result").asInt()).isEqualTo(16);

    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/signals/explode", null), 400, "unknown-signal");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", 5)), "args");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/signals/deposit", Map.of("arguments", List.of())),
        "arguments");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/signals/deposit", "[1]"), 400, "invalid-field");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/signals/deposit", null),
        404,
        "workflow-not-found");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/signals/deposit?runId=" + runId + "x", null),
        404,
        "workflow-not-found");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/signals/deposit?rid=1", null), 400, "unknown-parameter");
    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/signals/deposit",
            Map.of("args", List.of("x".repeat(5 * 1024 * 1024)))),
        413,
        "body-too-large");

    api.post(Servers.workflow(id) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(id) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");
    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/signals/deposit?runId=" + runId, Map.of("args", List.of(1))),
        409,
        "workflow-not-running");
    assertThat(balance(api, id)).as("a closed run answers queries").isEqualTo(16);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theBuiltInStackTraceQueryShowsWhereTheCodeWaits(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 3);
    Answer stack = api.post(Servers.workflow(id) + "/queries/__stack_trace", null);
    assertThat(stack.status()).as(stack.body()).isEqualTo(200);
    assertThat(stack.json().path("result").asText())
        .startsWith("main#1: blocked\n\tat dev.weft.workflow.Workflow.await(")
        .contains("\tat " + TestWorkflows.AccountImpl.class.getName() + ".open(")
        .doesNotContain("dev.weft.internal");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void queriesThatFailOrDoNotExistAreRefused(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 1);
    await().until(() -> balance(api, id) == 1);
    Answer failed =
        Problems.assertProblem(
            api.post(Servers.workflow(id) + "/queries/broken", null), 422, "query-failed");
    assertThat(failed.json().path("failure").path("message").asText())
        .isEqualTo("this query always fails");
    assertThat(failed.json().path("failure").path("type").asText())
        .isEqualTo("java.lang.IllegalStateException");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/queries/nothing", null), 400, "unknown-query");
    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/queries/balance", "{args: [1]}"), 400, "malformed-json");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/queries/balance", null),
        404,
        "workflow-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updatesAnswerTheHandlersResultOrWhyNot(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 100);
    Answer ok =
        api.post(
            Servers.workflow(id) + "/updates/withdraw",
            Map.of("args", List.of(30), "timeout", "PT30S"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("result").asInt()).isEqualTo(70);

    Answer rejected =
        Problems.assertProblem(
            api.post(Servers.workflow(id) + "/updates/withdraw", Map.of("args", List.of(0))),
            422,
            "update-rejected");
    assertThat(rejected.json().path("failure").path("message").asText())
        .contains("cannot withdraw 0");
    Answer failed =
        Problems.assertProblem(
            api.post(Servers.workflow(id) + "/updates/failing", Map.of("args", List.of("nope"))),
            422,
            "update-failed");
    assertThat(failed.json().path("failure").path("type").asText()).isEqualTo("UpdateBroke");
    assertThat(failed.json().path("failure").path("nonRetryable").asBoolean()).isTrue();
    assertThat(balance(api, id)).isEqualTo(70);

    Problems.assertProblem(
        api.post(Servers.workflow(id) + "/updates/nothing", null), 400, "unknown-update");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/updates/withdraw", Map.of("timeout", "soon")), "timeout");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/updates/withdraw", Map.of("timeout", "PT11M")),
        "timeout");
    Problems.assertBadField(
        api.post(Servers.workflow(id) + "/updates/withdraw", Map.of("timeout", 30)), "timeout");
    Problems.assertProblem(
        api.post(Servers.workflow(Servers.id("none")) + "/updates/withdraw", null),
        404,
        "workflow-not-found");

    String runId = api.get(Servers.workflow(id)).json().path("runId").asText();
    api.post(Servers.workflow(id) + "/signals/close", null);
    api.get(Servers.workflow(id) + "/result");
    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/updates/withdraw?runId=" + runId, Map.of("args", List.of(1))),
        409,
        "workflow-not-running");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void messagesThatNoWorkflowTaskAnswersInTimeAre504(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 1);
    await().until(() -> balance(api, id) == 1);
    assertThat(api.post(Servers.workflow(id) + "/pause", null).status()).isEqualTo(204);
    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/updates/withdraw",
            Map.of("args", List.of(1), "timeout", "PT1S")),
        504,
        "update-timed-out");
    assertThat(api.post(Servers.workflow(id) + "/resume", null).status()).isEqualTo(204);

    // a signal waits in a paused queue: the query waits for its workflow task, 10 seconds
    var client = servers.server(store).engine().client();
    client.pauseTaskQueue(TestWorkflows.QUEUE, "test: hold the signal's workflow task");
    try {
      api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", List.of(5)));
      Problems.assertProblem(
          api.post(Servers.workflow(id) + "/queries/balance", null), 504, "query-timed-out");
    } finally {
      client.resumeTaskQueue(TestWorkflows.QUEUE);
    }
    // the signal goes on once the queue resumes (and the timed-out update may still complete)
    await().until(() -> balance(api, id) >= 5);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPayloadOverTheEnginesLimitIs413(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = account(api, 1);
    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/signals/deposit",
            Map.of("args", List.of("x".repeat(3 * 1024 * 1024)))),
        413,
        "payload-too-large");
    assertThat(balance(api, id)).isEqualTo(1);
  }
}
