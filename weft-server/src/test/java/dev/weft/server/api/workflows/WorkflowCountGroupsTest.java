package dev.weft.server.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.common.WorkflowStatus;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.testsupport.TestStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET .../workflow-count?groupBy=ExecutionStatus}: counts by status. */
class WorkflowCountGroupsTest {
  private static final String COUNT = "/api/v1/namespaces/default/workflow-count";

  @TempDir static Path dir;
  static final Servers servers = new Servers(() -> dir);

  @AfterAll
  static void stop() {
    servers.close();
  }

  private static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static String start(ApiCalls api, String type, String customer, Object arg) {
    String id = Servers.id("count");
    Answer a =
        api.post(
            Servers.WORKFLOWS,
            Map.of(
                "workflowType",
                type,
                "args",
                List.of(arg),
                "options",
                Map.of(
                    "workflowId",
                    id,
                    "taskQueue",
                    TestWorkflows.QUEUE,
                    "searchAttributes",
                    Map.of("CustomerId", customer))));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return id;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void groupsTheCountByStatus(TestStore store) {
    ApiCalls api = servers.calls(store);
    String customer = "groups-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      start(api, "Account", customer, i);
    }
    String done = start(api, "Greeter", customer, "x");
    String failed = start(api, "Failer", customer, "no");
    String terminated = start(api, "Account", customer, 9);
    api.post(Servers.workflow(terminated) + "/terminate", Map.of("reason", "test"));
    for (String id : List.of(done, failed, terminated)) {
      assertThat(api.get(Servers.workflow(id) + "/result").status()).isEqualTo(200);
    }

    String filter = "CustomerId = '" + customer + "'";
    JsonNode grouped =
        api.get(COUNT + "?groupBy=ExecutionStatus&query=" + q(filter + " ORDER BY StartTime"))
            .json();
    assertThat(grouped.path("count").asLong()).isEqualTo(6);
    Map<String, Long> groups = new LinkedHashMap<>();
    grouped
        .path("groups")
        .forEach(g -> groups.put(g.path("value").asText(), g.path("count").asLong()));
    assertThat(groups)
        .containsExactly(
            entry("RUNNING", 3L),
            entry("COMPLETED", 1L),
            entry("FAILED", 1L),
            entry("TERMINATED", 1L));
    assertThat(api.get(COUNT + "?query=" + q(filter)).json().has("groups")).isFalse();
    JsonNode running =
        api.get(COUNT + "?groupBy=ExecutionStatus&query=" + q(filter + " AND Status = 'Running'"))
            .json();
    assertThat(running.path("count").asLong()).isEqualTo(3);
    assertThat(running.path("groups")).hasSize(1);
    JsonNode none =
        api.get(COUNT + "?groupBy=ExecutionStatus&query=" + q("CustomerId = 'nobody'")).json();
    assertThat(none.path("count").asLong()).isZero();
    assertThat(none.path("groups")).isEmpty();

    WeftClient embedded = servers.server(store).engine().client();
    WeftClient remote =
        WeftClient.connect(servers.server(store).server().baseUri().toString(), null);
    for (WeftClient client : List.of(embedded, remote)) {
      assertThat(client.countWorkflowsByStatus(WorkflowFilter.query(filter)))
          .containsExactly(
              entry(WorkflowStatus.RUNNING, 3L),
              entry(WorkflowStatus.COMPLETED, 1L),
              entry(WorkflowStatus.FAILED, 1L),
              entry(WorkflowStatus.TERMINATED, 1L));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAnotherGroupingOrABadQueryNamingIt(TestStore store) {
    ApiCalls api = servers.calls(store);
    Answer other =
        Problems.assertProblem(api.get(COUNT + "?groupBy=WorkflowType"), 400, "invalid-parameter");
    assertThat(other.json().path("field").asText()).isEqualTo("groupBy");
    assertThat(other.json().path("value").asText()).isEqualTo("WorkflowType");
    assertThat(other.json().path("detail").asText()).contains("ExecutionStatus");
    Problems.assertProblem(api.get(COUNT + "?groupBy="), 400, "invalid-parameter");
    Answer bad =
        Problems.assertProblem(
            api.get(COUNT + "?groupBy=ExecutionStatus&query=" + q("Nope > 3")),
            400,
            "invalid-query");
    assertThat(bad.json().path("field").asText()).isEqualTo("query");
  }
}
