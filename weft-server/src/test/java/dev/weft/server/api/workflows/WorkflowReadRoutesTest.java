package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Describe, list, count and history pages. */
class WorkflowReadRoutesTest {
  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void describesTheCurrentRunOrANamedOne(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("describe with spaces");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 3)).json().path("runId").asText();
    JsonNode d = api.get(Servers.workflow(id)).json();
    assertThat(d.path("workflowId").asText()).isEqualTo(id);
    assertThat(d.path("runId").asText()).isEqualTo(runId);
    assertThat(d.path("status").asText()).isEqualTo("RUNNING");
    assertThat(d.path("pendingActivities").isArray()).isTrue();
    assertThat(api.get(Servers.workflow(id) + "?runId=" + runId).json().path("runId").asText())
        .isEqualTo(runId);

    Problems.assertProblem(
        api.get(Servers.workflow(id) + "?runId=" + UUID.randomUUID()), 404, "workflow-not-found");
    Problems.assertProblem(
        api.get(Servers.workflow(Servers.id("none"))), 404, "workflow-not-found");
    Problems.assertProblem(api.get(Servers.workflow(id) + "?runId="), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "?runId=a&runId=b"), 400, "invalid-parameter");
    Problems.assertProblem(api.get(Servers.workflow(id) + "?verbose=1"), 400, "unknown-parameter");
    Problems.assertProblem(
        api.get("/api/v1/namespaces/other/workflows/" + id.replace(" ", "%20")),
        404,
        "namespace-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listsAndCountsWithTheFilterLanguageAPageAtATime(TestStore store) {
    ApiCalls api = servers.calls(store);
    String customer = "list-" + UUID.randomUUID();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      String id = Servers.id("list");
      ids.add(id);
      Answer a =
          api.post(
              Servers.WORKFLOWS,
              Map.of(
                  "workflowType",
                  "Account",
                  "args",
                  List.of(i),
                  "options",
                  Map.of(
                      "workflowId",
                      id,
                      "taskQueue",
                      TestWorkflows.QUEUE,
                      "searchAttributes",
                      Map.of("CustomerId", customer, "Amount", i))));
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
    String query = "CustomerId = '" + customer + "' AND Amount >= 1 ORDER BY Amount DESC";
    Answer count = api.get("/api/v1/namespaces/default/workflow-count?query=" + q(query));
    assertThat(count.json().path("count").asLong()).isEqualTo(4);

    List<Long> amounts = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      Answer page =
          api.get(
              Servers.WORKFLOWS
                  + "?pageSize=3&query="
                  + q(query)
                  + (token == null ? "" : "&nextPageToken=" + q(token)));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode w : page.json().path("workflows")) {
        seen.add(w.path("workflowId").asText());
        assertThat(w.path("workflowType").asText()).isEqualTo("Account");
        assertThat(w.path("status").asText()).isEqualTo("RUNNING");
      }
      token =
          page.json().path("nextPageToken").isMissingNode()
              ? null
              : page.json().path("nextPageToken").asText();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(2);
    assertThat(seen).hasSize(4).allMatch(ids::contains);
    for (String id : seen) {
      amounts.add(
          api.get(Servers.workflow(id))
              .json()
              .path("searchAttributes")
              .path("Amount")
              .path("value")
              .asLong());
    }
    assertThat(amounts).containsExactly(4L, 3L, 2L, 1L);

    assertThat(
            api.get(
                    "/api/v1/namespaces/default/workflow-count?query="
                        + q("CustomerId = '" + customer + "'"))
                .json()
                .path("count")
                .asLong())
        .isEqualTo(5);
    assertThat(api.get(Servers.WORKFLOWS).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/namespaces/default/workflow-count").json().path("count").asLong())
        .isGreaterThanOrEqualTo(5);

    Answer bad =
        Problems.assertProblem(
            api.get(Servers.WORKFLOWS + "?query=" + q("CustomerId = = 'x'")), 400, "invalid-query");
    assertThat(bad.json().path("field").asText()).isEqualTo("query");
    Problems.assertProblem(
        api.get("/api/v1/namespaces/default/workflow-count?query=" + q("Nope > 3")),
        400,
        "invalid-query");
    Problems.assertProblem(api.get(Servers.WORKFLOWS + "?pageSize=0"), 400, "invalid-parameter");
    Problems.assertProblem(api.get(Servers.WORKFLOWS + "?pageSize=ten"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.WORKFLOWS + "?nextPageToken=garbage"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get("/api/v1/namespaces/default/workflow-count?pageSize=2"), 400, "unknown-parameter");
    Problems.assertProblem(
        api.get("/api/v1/namespaces/nope/workflow-count"), 404, "namespace-not-found");
    Problems.assertProblem(
        api.get("/api/v1/namespaces/nope/workflows"), 404, "namespace-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void historyComesInPagesThatFormTheExportedHistory(TestStore store) {
    ApiCalls api = servers.calls(store);
    String id = Servers.id("history");
    String runId =
        api.post(Servers.WORKFLOWS, Servers.start("Account", id, 1)).json().path("runId").asText();
    for (int i = 0; i < 3; i++) {
      api.post(Servers.workflow(id) + "/signals/deposit", Map.of("args", List.of(i)));
    }
    api.post(Servers.workflow(id) + "/signals/close", null);
    assertThat(api.get(Servers.workflow(id) + "/result").json().path("status").asText())
        .isEqualTo("COMPLETED");

    List<JsonNode> events = new ArrayList<>();
    String token = null;
    do {
      JsonNode page =
          api.get(
                  Servers.workflow(id)
                      + "/history?pageSize=2"
                      + (token == null ? "" : "&nextPageToken=" + token))
              .json();
      assertThat(page.path("runId").asText()).isEqualTo(runId);
      assertThat(page.path("events").size()).isBetween(1, 2);
      page.path("events").forEach(events::add);
      assertThat(page.path("nextEventId").asLong()).isEqualTo(events.size() + 1);
      token =
          page.path("nextPageToken").isMissingNode() ? null : page.path("nextPageToken").asText();
    } while (token != null);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).path("eventId").asLong()).isEqualTo(i + 1);
    }
    assertThat(events.get(0).path("attributes").path("type").asText()).isEqualTo("WorkflowStarted");
    assertThat(events.get(events.size() - 1).path("attributes").path("type").asText())
        .isEqualTo("WorkflowCompleted");
    JsonNode all = api.get(Servers.workflow(id) + "/history?pageSize=1000&runId=" + runId).json();
    assertThat(all.path("events").size()).isEqualTo(events.size());
    assertThat(all.has("nextPageToken")).isFalse();

    String first =
        api.get(Servers.workflow(id) + "/history?pageSize=1").json().path("nextPageToken").asText();
    Problems.assertProblem(
        api.get(
            Servers.workflow(id)
                + "/history?nextPageToken="
                + first
                + "&runId="
                + UUID.randomUUID()),
        400,
        "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/history?nextPageToken=bm9wZQ"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(id) + "/history?pageSize=1001"), 400, "invalid-parameter");
    Problems.assertProblem(
        api.get(Servers.workflow(Servers.id("none")) + "/history"), 404, "workflow-not-found");
  }
}
