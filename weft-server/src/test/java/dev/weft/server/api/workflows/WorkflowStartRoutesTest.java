package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

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
    JsonNode attributes = d.path("searchAttributes");
    assertThat(attributes.path("CustomerId").toString())
        .isEqualTo("{\"type\":\"KEYWORD\",\"value\":\"c-7\"}");
    assertThat(attributes.path("Amount").toString()).isEqualTo("{\"type\":\"INT\",\"value\":120}");
    assertThat(attributes.path("Due").toString())
        .isEqualTo("{\"type\":\"DATETIME\",\"value\":\"2026-12-24T17:00:00Z\"}");
    assertThat(attributes.path("Tags").toString())
        .isEqualTo("{\"type\":\"KEYWORD_LIST\",\"value\":[\"vip\",\"eu\"]}");
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

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRunningIdIsAConflictUnlessUseExistingAnswersTheRunningRun(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("conflict");
    Answer first = api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1));
    assertThat(first.status()).isEqualTo(201);
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1)),
        409,
        "workflow-already-started");
    Answer joined =
        api.post(
            Servers.WORKFLOWS,
            Map.of(
                "workflowType",
                "Account",
                "args",
                List.of(1),
                "options",
                Map.of(
                    "workflowId",
                    id,
                    "taskQueue",
                    TestWorkflows.QUEUE,
                    "idConflictPolicy",
                    "USE_EXISTING")));
    assertThat(joined.status()).isEqualTo(201);
    assertThat(joined.json().path("runId").asText()).isEqualTo(first.json().path("runId").asText());
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badStartsNameTheFieldAndStartNothing(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("bad");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, Map.of("workflowType", "Greeter", "options", Map.of())),
        "options.taskQueue");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, Map.of("options", Map.of("taskQueue", "q"))), "workflowType");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, Map.of("workflowType", "Greeter")), "options");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "startDelay", "soon")), "options.startDelay");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "workflowRunTimeout", "PT0S")),
        "options.workflowRunTimeout");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "workflowRunTimeout", 30)),
        "options.workflowRunTimeout");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "idReusePolicy", "SOMETIMES")),
        "options.idReusePolicy");
    Problems.assertBadField(
        api.post(
            Servers.WORKFLOWS,
            withOption(
                id, "retryPolicy", Map.of("initialInterval", "PT10S", "maximumInterval", "PT1S"))),
        "options.retryPolicy.maximumInterval");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "retryPolicy", Map.of("maximumAttempts", 1.5))),
        "options.retryPolicy.maximumAttempts");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "priority", Map.of("priority", 9))),
        "options.priority.priority");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "searchAttributes", Map.of("Amount", Map.of()))),
        "options.searchAttributes.Amount");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "taskQueue", 7)), "options.taskQueue");
    Problems.assertBadField(
        api.post(Servers.WORKFLOWS, withOption(id, "colour", "blue")), "options.colour");
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, withOption(id, "searchAttributes", Map.of("Amount", "many"))),
        400,
        "invalid-argument");
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, withOption(id, "searchAttributes", Map.of("Nope", "x"))),
        400,
        "invalid-argument");
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, Servers.start("NoSuchType", id)), 400, "unknown-workflow-type");
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, "{\"workflowType\":"), 400, "malformed-json");
    Problems.assertProblem(
        api.send("POST", Servers.WORKFLOWS, null, Map.of()), 400, "missing-body");
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS + "?force=true", Servers.start("Greeter", id, "x")),
        400,
        "unknown-parameter");
    Problems.assertProblem(
        api.post("/api/v1/namespaces/elsewhere/workflows", Servers.start("Greeter", id, "x")),
        404,
        "namespace-not-found");
    Problems.assertProblem(api.get(Servers.workflow(id)), 404, "workflow-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBodyOverTheLimitIs413(TestStore store) {
    ApiCalls api = servers.calls(store);
    String huge = "x".repeat(5 * 1024 * 1024);
    Problems.assertProblem(
        api.post(Servers.WORKFLOWS, Servers.start("Greeter", Servers.id("huge"), huge)),
        413,
        "body-too-large");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signalWithStartStartsThenSignalsTheRunningRun(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("sws");
    Map<String, Object> body =
        Map.of(
            "workflowType",
            "Account",
            "args",
            List.of(10),
            "options",
            Map.of("taskQueue", TestWorkflows.QUEUE),
            "signalName",
            "deposit",
            "signalArgs",
            List.of(5));
    Answer started = api.post(Servers.workflow(id) + "/signal-with-start", body);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().path("workflowId").asText()).isEqualTo(id);
    Answer again = api.post(Servers.workflow(id) + "/signal-with-start", body);
    assertThat(again.json().path("runId").asText())
        .isEqualTo(started.json().path("runId").asText());
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(
                        api.post(Servers.workflow(id) + "/queries/balance", null)
                            .json()
                            .path("result")
                            .asInt())
                    .isEqualTo(20));

    Problems.assertBadField(
        api.post(
            Servers.workflow(id) + "/signal-with-start",
            Map.of(
                "workflowType",
                "Account",
                "options",
                Map.of("taskQueue", TestWorkflows.QUEUE, "workflowId", "other"),
                "signalName",
                "deposit")),
        "options.workflowId");
    Problems.assertBadField(
        api.post(
            Servers.workflow(id) + "/signal-with-start",
            Map.of("workflowType", "Account", "options", Map.of("taskQueue", TestWorkflows.QUEUE))),
        "signalName");

    Problems.assertProblem(
        api.post(
            Servers.workflow(id) + "/signal-with-start",
            Map.of(
                "workflowType",
                "Account",
                "options",
                Map.of("taskQueue", TestWorkflows.QUEUE),
                "signalName",
                "noSuchSignal")),
        400,
        "unknown-signal");

    String done = Servers.id("sws-done");
    Map<String, Object> rejectDuplicate =
        Map.of("taskQueue", TestWorkflows.QUEUE, "idReusePolicy", "REJECT_DUPLICATE");
    Map<String, Object> deposit =
        Map.of(
            "workflowType",
            "Account",
            "args",
            List.of(1),
            "options",
            rejectDuplicate,
            "signalName",
            "deposit",
            "signalArgs",
            List.of(1));
    assertThat(api.post(Servers.workflow(done) + "/signal-with-start", deposit).status())
        .isEqualTo(200);
    api.post(Servers.workflow(done) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(done) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");
    Problems.assertProblem(
        api.post(Servers.workflow(done) + "/signal-with-start", deposit),
        409,
        "workflow-already-started");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void updateWithStartStartsAndAnswersTheUpdate(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("uws");
    Map<String, Object> withdraw =
        Map.of(
            "workflowType",
            "Account",
            "args",
            List.of(50),
            "options",
            Map.of("taskQueue", TestWorkflows.QUEUE),
            "updateName",
            "withdraw",
            "updateArgs",
            List.of(20));
    Answer a = api.post(Servers.workflow(id) + "/update-with-start", withdraw);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    // the update ran before the workflow method added the opening 50
    assertThat(a.json().path("result").asInt()).isEqualTo(-20);
    assertThat(a.json().path("workflowId").asText()).isEqualTo(id);
    String runId = a.json().path("runId").asText();
    assertThat(api.get(Servers.workflow(id)).json().path("runId").asText()).isEqualTo(runId);

    Answer again = api.post(Servers.workflow(id) + "/update-with-start", withdraw);
    assertThat(again.json().path("result").asInt()).isEqualTo(10);
    assertThat(again.json().path("runId").asText()).isEqualTo(runId);

    Answer rejected =
        Problems.assertProblem(
            api.post(
                Servers.workflow(id) + "/update-with-start",
                Map.of(
                    "workflowType",
                    "Account",
                    "args",
                    List.of(50),
                    "options",
                    Map.of("taskQueue", TestWorkflows.QUEUE),
                    "updateName",
                    "withdraw",
                    "updateArgs",
                    List.of(5000))),
            422,
            "update-rejected");
    assertThat(rejected.json().path("failure").path("message").asText())
        .contains("cannot withdraw");

    Problems.assertProblem(
        api.post(
            Servers.workflow(Servers.id("uws-fail")) + "/update-with-start",
            Map.of(
                "workflowType",
                "Account",
                "args",
                List.of(50),
                "options",
                Map.of("taskQueue", TestWorkflows.QUEUE, "idConflictPolicy", "FAIL"),
                "updateName",
                "withdraw")),
        400,
        "invalid-argument");
  }

  private static Map<String, Object> withOption(String id, String name, Object value) {
    Map<String, Object> options = new java.util.LinkedHashMap<>();
    options.put("workflowId", id);
    options.put("taskQueue", TestWorkflows.QUEUE);
    options.put(name, value);
    return Map.of("workflowType", "Greeter", "args", List.of("x"), "options", options);
  }
}
